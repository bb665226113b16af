"""The e-mail of Outil 2: a meeting's invitation, with the meeting as an iCalendar event attached."""

from core.mail import Attachment, send_on_commit
from partnerships.models import Membership

from .calendar import calendar, meeting_url
from .models import Meeting


def send_meeting_invitation(*, meeting: Meeting, membership: Membership, base_url: str) -> None:
    partnership = meeting.cycle.partnership
    context = {
        "meeting": meeting,
        "partnership": partnership,
        "greeting_name": membership.user.full_name,
        "meeting_url": meeting_url(meeting, base_url),
    }
    invitation = calendar([meeting], base_url=base_url, name=partnership.name, method="REQUEST")
    attachment = Attachment("rencontre.ics", invitation, "text/calendar; method=REQUEST; charset=utf-8")
    send_on_commit("meetings/email/invitation", context, to=membership.user.email, attachments=[attachment])
