"""Meetings as iCalendar (RFC 5545), written with the icalendar library: the invitation's attachment and the
personal feed. Times are local to America/Toronto (the installation's TIME_ZONE) and carry their time zone, with
its VTIMEZONE, so that a calendar shows the right hour on both sides of a change to or from daylight saving time.
"""

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Meeting

PRODUCT = "-//Concerto//Rencontres//FR"


def meeting_url(meeting: Meeting, base_url: str) -> str:
    kwargs = {"slug": meeting.cycle.partnership.slug, "cycle_pk": meeting.cycle_id, "meeting_pk": meeting.pk}
    return base_url + reverse("meetings:meeting_detail", kwargs=kwargs)


def event(meeting: Meeting, *, base_url: str) -> Event:
    item = Event()
    # Stable across updates, so that a calendar replaces the event instead of adding a second one.
    item.add("uid", f"meeting-{meeting.pk}.{meeting.cycle.partnership.slug}@concerto")
    item.add("dtstamp", timezone.now())
    item.add("sequence", meeting.version)
    item.add("summary", f"{meeting.title} — {meeting.cycle.partnership.name}")
    if meeting.starts:
        item.add("dtstart", meeting.starts)
        item.add("dtend", meeting.ends or meeting.starts + datetime.timedelta(hours=2))
    else:
        item.add("dtstart", meeting.date)
        item.add("dtend", meeting.date + datetime.timedelta(days=1))
    location = meeting.place or meeting.online_link
    if location:
        item.add("location", location)
    url = meeting_url(meeting, base_url)
    item.add("url", url)
    lines = [*meeting.objective_list, "", meeting.online_link, url]
    item.add("description", "\n".join(line for line in lines if line is not None).strip())
    return item


def calendar(meetings: Iterable[Meeting], *, base_url: str, name: str, method: str = "") -> bytes:
    """A VCALENDAR of the dated `meetings`; `method` REQUEST for an invitation, none for a feed."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    if method:
        cal.add("method", method)
    for meeting in meetings:
        if meeting.date is not None:
            cal.add_component(event(meeting, base_url=base_url))
    cal.add_missing_timezones()
    return cal.to_ical()
