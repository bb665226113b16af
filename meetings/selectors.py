"""Every read of Outil 2's pages, with its joins."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from accounts.models import User
from cycles.models import Cycle
from intention.models import OperatingRules
from organizations.models import Organization
from partnerships.models import Membership, Partnership

from .models import SUBJECT_FIELDS, AgendaItem, Attendance, Decision, DecisionTask, Meeting, Minutes, Presence
from .subjects import SUBJECT_JOINS

UPCOMING = 3


def meeting_list(*, cycle: Cycle) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(cycle=cycle)
        .select_related("minutes")
        .annotate(item_count=Count("agenda_items", distinct=True), decision_count=Count("decisions", distinct=True))
        .order_by("position", "id")
    )


def agenda(meeting: Meeting) -> list[AgendaItem]:
    items = meeting.agenda_items.select_related("carried_from__meeting", *SUBJECT_JOINS)
    return list(items.order_by("position", "id"))


def decisions(meeting: Meeting) -> list[Decision]:
    tasks = Prefetch("tasks", queryset=DecisionTask.objects.select_related("assignee__user").order_by("due_on", "id"))
    return list(meeting.decisions.select_related(*SUBJECT_JOINS).prefetch_related(tasks).order_by("id"))


def meetings_discussing(item) -> list[Meeting]:
    """The meetings with an agenda item about `item`, with their minutes: "the notes of the meeting that
    discussed it"."""
    field = next(name for name in SUBJECT_FIELDS if AgendaItem._meta.get_field(name).related_model is type(item))
    return list(
        Meeting.objects.filter(**{f"agenda_items__{field}": item})
        .select_related("minutes", "cycle")
        .distinct()
        .order_by("date", "position")
    )


def minutes_of(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).select_related("approved_at").first()


def is_later(meeting: Meeting, than: Meeting) -> bool:
    """Whether `meeting` comes after `than`: by date when both have one, else by their order in the series."""
    if meeting.cycle_id != than.cycle_id and (meeting.date is None or than.date is None):
        return False
    if meeting.date and than.date:
        return meeting.date > than.date
    return meeting.position > than.position


def minutes_to_approve(meeting: Meeting) -> list[Minutes]:
    """Draft minutes of the cycle's earlier meetings, which this meeting may approve."""
    drafts = Minutes.objects.filter(meeting__cycle=meeting.cycle, approved_at__isnull=True).exclude(content="")
    return [m for m in drafts.select_related("meeting").order_by("meeting__position") if is_later(meeting, m.meeting)]


def approved_here(meeting: Meeting) -> list[Minutes]:
    return list(meeting.approved_minutes.select_related("meeting").order_by("meeting__position"))


def unfinished_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """Items not dealt with; follow-ups of tasks are carried as tasks, not as items."""
    return meeting.agenda_items.filter(is_done=False, follows_task__isnull=True).order_by("position", "id")


def open_tasks_until(meeting: Meeting) -> QuerySet[DecisionTask]:
    """Open follow-ups of the decisions taken at this meeting or at an earlier one of the series."""
    return (
        DecisionTask.objects.filter(
            decision__meeting__cycle=meeting.cycle, decision__meeting__position__lte=meeting.position, done_on=None
        )
        .select_related("assignee__user", "decision__meeting")
        .order_by("due_on", "id")
    )


def next_meeting(meeting: Meeting) -> Meeting | None:
    return meeting.cycle.meetings.filter(position__gt=meeting.position).order_by("position", "id").first()


def members_to_invite(meeting: Meeting) -> QuerySet[Membership]:
    return Membership.objects.filter(partnership=meeting.cycle.partnership, user__is_active=True).select_related("user")


def partnership_members(partnership: Partnership) -> list[Membership]:
    return list(
        Membership.objects.filter(partnership=partnership, user__is_active=True)
        .select_related("user", "organization")
        .order_by("user__full_name", "user__email")
    )


def partnership_organizations(partnership: Partnership) -> list[Organization]:
    return list(Organization.objects.filter(partnership=partnership).order_by("name"))


def attendance(meeting: Meeting) -> list[Attendance]:
    return list(meeting.attendances.order_by("id"))


def upcoming(*, partnership: Partnership, cycle: Cycle | None = None) -> list[Meeting]:
    """The next dated meetings, today's included."""
    meetings = Meeting.objects.filter(cycle__partnership=partnership, date__gte=timezone.localdate())
    if cycle is not None:
        meetings = meetings.filter(cycle=cycle)
    return list(meetings.select_related("cycle").order_by("date", "starts_at", "position")[:UPCOMING])


def feed_meetings(user: User) -> list[Meeting]:
    """The dated meetings of every partnership the person belongs to, from a year ago on."""
    since = timezone.localdate() - datetime.timedelta(days=365)
    return list(
        Meeting.objects.filter(cycle__partnership__memberships__user=user, date__gte=since)
        .select_related("cycle__partnership")
        .order_by("date", "starts_at")
    )


def active_feed(user: User):
    return user.calendar_feeds.filter(revoked_at__isnull=True).first()


# --- Quorum ----------------------------------------------------------------------------------------------------


def rules_in_force(partnership: Partnership, on: datetime.date | None) -> OperatingRules | None:
    """The rules adopted last on or before the meeting's date (the latest adopted for an undated meeting)."""
    adopted = OperatingRules.objects.filter(partnership=partnership, adopted_on__isnull=False)
    if on is not None:
        adopted = adopted.filter(adopted_on__lte=on)
    return adopted.order_by("-adopted_on", "-number").first()


@dataclass(frozen=True)
class Quorum:
    represented: int  # organizations present, or represented by a member present
    organizations: int
    required: int | None  # None when the rules in force state no quorum
    rules: OperatingRules | None

    @property
    def is_met(self) -> bool | None:
        return None if self.required is None else self.represented >= self.required


def quorum(meeting: Meeting, rows: list[Attendance], members: list[Membership], organizations: int) -> Quorum:
    present = {row.organization_id for row in rows if row.organization_id and row.status == Presence.PRESENT}
    organization_of = {m.pk: m.organization_id for m in members}
    present |= {
        organization_of.get(row.membership_id)
        for row in rows
        if row.membership_id and row.status == Presence.PRESENT and organization_of.get(row.membership_id)
    }
    rules = rules_in_force(meeting.cycle.partnership, meeting.date)
    required = rules.quorum_for(organizations) if rules else None
    return Quorum(represented=len(present), organizations=organizations, required=required, rules=rules)


def meetings_with_records(*, cycle: Cycle) -> list[Meeting]:
    """The cycle's meetings with their agenda (`item_list`), minutes and decisions (`decision_list`, with their
    tasks): Outil 2's document, in a fixed number of queries."""
    tasks = Prefetch("tasks", queryset=DecisionTask.objects.select_related("assignee__user").order_by("due_on", "id"))
    return list(
        Meeting.objects.filter(cycle=cycle)
        .select_related("minutes")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id"), to_attr="item_list"),
            Prefetch(
                "decisions", queryset=Decision.objects.prefetch_related(tasks).order_by("id"), to_attr="decision_list"
            ),
        )
        .order_by("position", "id")
    )
