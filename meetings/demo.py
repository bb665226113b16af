"""Demo data for Outil 2 on partnership A's current cycle: its meetings to date (dated, with agenda, attendance
and minutes approved at the following meeting) in `load`; the decisions of rencontre 5 on the priorities and
objectives in `link`, once Outil 8's demo has them. Through the services; a second run changes nothing."""

from django.utils import timezone
from django.utils.translation import override

from demo.context import DemoContext
from partnerships.models import Membership
from priorities.models import Objective, Priority

from . import demo_content as content
from . import selectors, services
from .models import Decision, Meeting, Minutes, Presence


def load(ctx: DemoContext) -> None:
    if not ctx.cycle_a.meetings.exists():
        with override("fr"):
            services.sequence_give(cycle=ctx.cycle_a)
    meetings = {m.standard_code: m for m in ctx.cycle_a.meetings.all()}
    for code, held in content.MEETINGS.items():
        _hold(ctx, meetings[code], held)
    codes = list(content.MEETINGS)
    for earlier, later in zip(codes, codes[1:], strict=False):
        minutes = Minutes.objects.get(meeting=meetings[earlier])
        if not minutes.is_approved:
            services.minutes_approve(minutes=minutes, at=meetings[later])
    upcoming = meetings[content.UPCOMING_CODE]
    if upcoming.date is None:
        _date(upcoming, timezone.localdate() + content.UPCOMING_IN)


def _date(meeting: Meeting, date) -> None:
    meeting.date, meeting.starts_at, meeting.ends_at, meeting.place = date, content.START, content.END, content.PLACE
    services.meeting_update(meeting=meeting, expected_version=meeting.version)


def _hold(ctx: DemoContext, meeting: Meeting, held: content.HeldMeeting) -> None:
    if meeting.date is not None:
        return
    _date(meeting, held.date)
    rows = [
        services.AgendaRow(None, title, presenter, minutes, services.NO_SUBJECT, True)
        for title, presenter, minutes in held.agenda
    ]
    services.agenda_save(meeting=meeting, rows=rows, expected_fingerprint=None)
    members = Membership.objects.filter(partnership=ctx.partnership_a).exclude(role="observer").select_related("user")
    statuses = {
        ("member", m.pk): Presence.EXCUSED if m.user.email in held.excused else Presence.PRESENT for m in members
    }
    statuses[("organization", ctx.organizations_a[content.ORGANIZATION_PRESENT].pk)] = Presence.PRESENT
    services.attendance_save(meeting=meeting, statuses=statuses, expected_fingerprint=None)
    services.minutes_save(meeting=meeting, content=held.minutes, expected_version=None)


def link(ctx: DemoContext) -> None:
    meeting = ctx.cycle_a.meetings.get(standard_code="rencontre-5")
    if Decision.objects.filter(meeting=meeting).exists():
        return
    members = {m.user.email: m for m in selectors.partnership_members(ctx.partnership_a)}
    for text, kind, key, tasks in content.DECISIONS:
        subject = _subject(ctx, kind, key)
        if subject is None:
            continue
        rows = [
            services.TaskRow(task, members[email].pk if email in members else None, due) for task, email, due in tasks
        ]
        services.decision_create(
            meeting=meeting, decision=Decision(text=text, **{kind: subject}), tasks=rows, user=ctx.coordinator_a
        )


def _subject(ctx: DemoContext, kind: str, key):
    if kind == "priority":
        return Priority.objects.filter(cycle=ctx.cycle_a, position=key).first()
    return Objective.objects.filter(cycle=ctx.cycle_a, title=key).first()
