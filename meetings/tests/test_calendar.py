import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from core.tests.support import url
from cycles.tests.factories import CycleFactory
from meetings import services
from meetings.models import CalendarFeed
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db
TORONTO = zoneinfo.ZoneInfo("America/Toronto")
UTC = datetime.UTC


def events(content: bytes) -> list:
    return Calendar.from_ical(content).walk("VEVENT")


def test_the_meeting_file_keeps_local_time_on_both_sides_of_the_change_to_daylight_saving(cast, cycle, client_for):
    # In 2026 clocks go forward on March 8: 13:30 is 18:30 UTC on March 3 and 17:30 UTC on March 10.
    before = MeetingFactory(cycle=cycle, date=datetime.date(2026, 3, 3), starts_at=datetime.time(13, 30))
    after = MeetingFactory(cycle=cycle, date=datetime.date(2026, 3, 10), starts_at=datetime.time(13, 30))
    client = client_for(cast.partner)
    for meeting, utc_hour in ((before, 18), (after, 17)):
        response = client.get(url("meetings:meeting_ics", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk))
        assert response["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        (event,) = calendar.walk("VEVENT")
        start = event.decoded("dtstart")
        assert event["dtstart"].params["TZID"] == "America/Toronto"
        assert (start.hour, start.minute) == (13, 30) and start.utcoffset() == start.astimezone(TORONTO).utcoffset()
        assert start.astimezone(UTC).hour == utc_hour
        assert event.decoded("dtend").astimezone(TORONTO).time() == datetime.time(16, 0)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
        assert str(event["uid"]).startswith(f"meeting-{meeting.pk}.")


def test_a_meeting_without_a_time_is_a_whole_day(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle, starts_at=None, ends_at=None)
    response = client_for(cast.partner).get(url("meetings:meeting_ics", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk))
    (event,) = events(response.content)
    assert event.decoded("dtstart") == meeting.date


def test_the_invitation_is_emailed_with_its_icalendar_event(
    cast, cycle, client_for, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(cycle=cycle, title="Rencontre 4")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.coordinator).post(
            url("meetings:meeting_invite", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
        )
    assert response.status_code == 302
    members = cast.partnership.memberships.count()
    assert len(mail.outbox) == members
    message = mail.outbox[0]
    assert "Rencontre 4" in message.subject
    name, content, mimetype = message.attachments[0]
    calendar = Calendar.from_ical(content)
    assert calendar["method"] == "REQUEST" and mimetype.startswith("text/calendar")
    assert calendar.walk("VEVENT")[0].decoded("dtstart").astimezone(TORONTO).time() == datetime.time(13, 30)


def test_the_personal_feed_lists_the_persons_partnerships_meetings_and_a_revoked_token_is_refused(cast, cycle, client):
    MeetingFactory(cycle=cycle, title="La nôtre", date=datetime.date.today())
    MeetingFactory(cycle=CycleFactory(partnership=cast.other_partnership), title="La leur", date=datetime.date.today())
    client.force_login(cast.partner)
    client.post(reverse("meetings:feed_settings"), {"action": "renew"})
    feed = CalendarFeed.objects.get(user=cast.partner, revoked_at__isnull=True)
    client.logout()  # calendar programs do not sign in: the token is the key
    address = reverse("meetings:feed", kwargs={"token": feed.token})
    response = client.get(address)
    assert response.status_code == 200
    assert [str(e["summary"]) for e in events(response.content)] == [f"La nôtre — {cast.partnership.name}"]
    services.feed_revoke(user=cast.partner)
    assert client.get(address).status_code == 404
    assert client.get(reverse("meetings:feed", kwargs={"token": "inconnu"})).status_code == 404


def test_renewing_the_feed_ends_the_old_address(cast, client):
    old = services.feed_renew(user=cast.partner)
    new = services.feed_renew(user=cast.partner)
    assert client.get(reverse("meetings:feed", kwargs={"token": old.token})).status_code == 404
    assert client.get(reverse("meetings:feed", kwargs={"token": new.token})).status_code == 200
