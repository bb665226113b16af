"""Every write of Outil 2: the cycle's meetings, their agenda, attendance, minutes and decisions."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.concurrency import fingerprint, save_set, save_versioned
from core.deletion import DeletionRefused, delete_record
from cycles.models import Cycle

from . import emails, selectors
from .models import SUBJECT_FIELDS, AgendaItem, Attendance, CalendarFeed, Decision, DecisionTask, Meeting, Minutes
from .sequence import proposed_meetings, read_sequence


class MinutesRefused(Exception):
    """The minutes cannot be changed or approved as asked; the message says why."""


# --- Meetings --------------------------------------------------------------------------------------------------


@transaction.atomic
def sequence_give(*, cycle: Cycle) -> list[Meeting]:
    """Give the cycle the standard sequence of meetings (reference data), in the active language: the meetings
    it does not have yet, each after the cycle's last meeting of its step or an earlier one. A cycle's planning
    meetings are as many as its selected factors, so asking again once the factors are chosen adds the missing
    ones."""
    have = set(cycle.meetings.exclude(standard_code="").values_list("standard_code", flat=True))
    created = []
    for proposed in proposed_meetings(read_sequence(), selected_factors=cycle.selected_factors.count()):
        if proposed.code in have:
            continue
        after = cycle.meetings.filter(step__lte=proposed.step).order_by("-position", "-id").first()
        position = after.position + 1 if after else 1
        cycle.meetings.filter(position__gte=position).update(position=F("position") + 1)
        meeting = Meeting(
            cycle=cycle,
            step=proposed.step,
            position=position,
            title=proposed.title,
            objectives="\n".join(proposed.objectives),
            tools=",".join(str(n) for n in proposed.tools),
            standard_code=proposed.code,
        )
        meeting._change_reason = _("Proposée par la séquence type des rencontres")
        meeting.save()
        created.append(meeting)
    return created


@transaction.atomic
def meeting_create(*, cycle: Cycle, meeting: Meeting, after: Meeting | None = None) -> Meeting:
    """A new meeting at the end of the series, or right after `after`."""
    meeting.cycle = cycle
    if after is None:
        meeting.position = (cycle.meetings.aggregate(last=Max("position"))["last"] or 0) + 1
    else:
        cycle.meetings.filter(position__gt=after.position).update(position=F("position") + 1)
        meeting.position = after.position + 1
    meeting.save()
    return meeting


def meeting_update(*, meeting: Meeting, expected_version: int) -> None:
    save_versioned(meeting, expected_version=expected_version)


def meeting_delete(*, meeting: Meeting) -> None:
    if Minutes.objects.filter(approved_at=meeting).exists():
        raise DeletionRefused(_("Cette rencontre a approuvé un compte rendu : elle fait partie de son historique."))
    delete_record(meeting)


@transaction.atomic
def meeting_move(*, meeting: Meeting, up: bool) -> bool:
    """Swap the meeting with the one before it (or after it) in the series; False at either end."""
    neighbours = meeting.cycle.meetings.select_for_update()
    if up:
        other = neighbours.filter(position__lt=meeting.position).order_by("-position", "-id").first()
    else:
        other = neighbours.filter(position__gt=meeting.position).order_by("position", "id").first()
    if other is None:
        return False
    for record, position in ((meeting, other.position), (other, meeting.position)):
        record.position = position
        record.version += 1
        record._change_reason = _("Changement d'ordre")
        record.save()
    return True


@dataclass(frozen=True)
class CarryOver:
    meeting: Meeting
    items: int
    tasks: int


@transaction.atomic
def carry_over(*, meeting: Meeting, to: Meeting) -> CarryOver:
    """Put on `to`'s agenda the items `meeting` did not finish and the open follow-ups of decisions taken at it or
    before it. Carried once: a second run adds nothing."""
    position = to.agenda_items.aggregate(last=Max("position"))["last"] or 0
    items = tasks = 0
    for item in selectors.unfinished_items(meeting).exclude(carried_to__meeting=to):
        position += 1
        AgendaItem.objects.create(
            meeting=to,
            position=position,
            title=item.title,
            presenter=item.presenter,
            duration_minutes=item.duration_minutes,
            **subject_of(item),
            carried_from=item,
        )
        items += 1
    for task in selectors.open_tasks_until(meeting).exclude(agenda_items__meeting=to):
        position += 1
        who = str(task.assignee.user) if task.assignee else ""
        AgendaItem.objects.create(
            meeting=to,
            position=position,
            title=_("Suivi : %(task)s") % {"task": task.description},
            presenter=who,
            **subject_of(task.decision),
            follows_task=task,
        )
        tasks += 1
    return CarryOver(meeting=to, items=items, tasks=tasks)


@transaction.atomic
def meeting_next(*, meeting: Meeting) -> CarryOver:
    """A new meeting right after `meeting`, like it (step, title, times, place, objectives, tools) four weeks
    later, with what `meeting` left to carry over."""
    following = Meeting(
        step=meeting.step,
        title=meeting.title,
        date=meeting.date + datetime.timedelta(weeks=4) if meeting.date else None,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        online_link=meeting.online_link,
        objectives=meeting.objectives,
        tools=meeting.tools,
    )
    meeting_create(cycle=meeting.cycle, meeting=following, after=meeting)
    return carry_over(meeting=meeting, to=following)


@transaction.atomic
def invitations_send(*, meeting: Meeting, base_url: str) -> int:
    """E-mail every member of the partnership the invitation with its iCalendar event; returns how many."""
    members = list(selectors.members_to_invite(meeting))
    for membership in members:
        emails.send_meeting_invitation(meeting=meeting, membership=membership, base_url=base_url)
    meeting.invitations_sent_at = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(invitations_sent_at=meeting.invitations_sent_at)
    return len(members)


# --- Agenda and attendance: whole sets -------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaRow:
    pk: int | None
    title: str
    presenter: str
    duration_minutes: int | None
    subject: dict[str, int | None]  # {"finding_id": …, "priority_id": …}, one set at most
    is_done: bool


NO_SUBJECT: dict[str, int | None] = {f"{name}_id": None for name in SUBJECT_FIELDS}


def subject_of(record) -> dict[str, int | None]:
    return {f"{name}_id": getattr(record, f"{name}_id") for name in SUBJECT_FIELDS}


def agenda_fingerprint(items: list[AgendaItem]) -> str:
    return fingerprint(
        [(i.pk, i.position, i.title, i.presenter, i.duration_minutes, i.subject_key, i.is_done) for i in items]
    )


def agenda_save(*, meeting: Meeting, rows: list[AgendaRow], expected_fingerprint: str | None) -> None:
    """The agenda as the person left it: rows in their order, rows left out removed."""

    def write(saved: list[AgendaItem]) -> None:
        by_pk = {item.pk: item for item in saved}
        kept = {row.pk for row in rows if row.pk in by_pk}
        for item in saved:
            if item.pk not in kept:
                item.delete()
        for position, row in enumerate(rows, start=1):
            item = by_pk.get(row.pk) or AgendaItem(meeting=meeting)
            values = {
                "position": position,
                "title": row.title,
                "presenter": row.presenter,
                "duration_minutes": row.duration_minutes,
                **row.subject,
                "is_done": row.is_done,
            }
            if item.pk and all(getattr(item, name) == value for name, value in values.items()):
                continue
            for name, value in values.items():
                setattr(item, name, value)
            item.save()

    save_set(
        lock=Meeting.objects.filter(pk=meeting.pk),
        read=lambda: list(meeting.agenda_items.order_by("position", "id")),
        digest=agenda_fingerprint,
        expected=expected_fingerprint,
        write=write,
    )


def _attendance_key(row: Attendance) -> tuple[str, int]:
    return ("member", row.membership_id) if row.membership_id else ("organization", row.organization_id)


def attendance_state(rows: list[Attendance]) -> dict[tuple[str, int], str]:
    """{("member", membership id) or ("organization", id): status}."""
    return {_attendance_key(row): row.status for row in rows}


def attendance_fingerprint(rows: list[Attendance]) -> str:
    return fingerprint(sorted(attendance_state(rows).items()))


def attendance_save(
    *, meeting: Meeting, statuses: dict[tuple[str, int], str], expected_fingerprint: str | None
) -> None:
    """Who was present, excused or absent, as one set; an empty status removes the row."""

    def write(saved: list[Attendance]) -> None:
        current = {_attendance_key(row): row for row in saved}
        for key, status in statuses.items():
            row = current.get(key)
            if not status:
                if row is not None:
                    row.delete()
                continue
            if row is None:
                kind, pk = key
                row = Attendance(
                    meeting=meeting, **({"membership_id": pk} if kind == "member" else {"organization_id": pk})
                )
            elif row.status == status:
                continue
            row.status = status
            row.save()

    save_set(
        lock=Meeting.objects.filter(pk=meeting.pk),
        read=lambda: list(meeting.attendances.order_by("id")),
        digest=attendance_fingerprint,
        expected=expected_fingerprint,
        write=write,
    )


# --- Minutes ---------------------------------------------------------------------------------------------------


@transaction.atomic
def minutes_save(*, meeting: Meeting, content: str, expected_version: int | None) -> Minutes:
    """Write the draft (the first save creates it); approved minutes are frozen."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        return Minutes.objects.create(meeting=meeting, content=content)
    if minutes.is_approved:
        raise MinutesRefused(_("Ce compte rendu est approuvé : il ne peut plus être modifié."))
    minutes.content = content
    save_versioned(minutes, expected_version=expected_version or 0)
    return minutes


@transaction.atomic
def minutes_approve(*, minutes: Minutes, at: Meeting) -> None:
    """Record that meeting `at`, later in the series, approved `minutes`."""
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    if minutes.is_approved:
        raise MinutesRefused(_("Ce compte rendu est déjà approuvé."))
    if not selectors.is_later(at, minutes.meeting):
        raise MinutesRefused(_("Un compte rendu est approuvé à une rencontre qui a lieu après."))
    if not minutes.content.strip():
        raise MinutesRefused(_("Ce compte rendu est vide : rédigez-le avant de le faire approuver."))
    minutes.approved_at = at
    minutes.approved_on = at.date or timezone.localdate()
    minutes.version += 1
    minutes._change_reason = _("Approuvé à la rencontre « %(meeting)s »") % {"meeting": at}
    minutes.save()


# --- Decisions -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    description: str
    assignee_id: int | None
    due_on: datetime.date | None


@transaction.atomic
def decision_create(*, meeting: Meeting, decision: Decision, tasks: list[TaskRow], user: User) -> Decision:
    decision.meeting = meeting
    decision.created_by = user
    decision.save()
    for row in tasks:
        DecisionTask.objects.create(
            decision=decision, description=row.description, assignee_id=row.assignee_id, due_on=row.due_on
        )
    return decision


def decision_update(*, decision: Decision, expected_version: int) -> None:
    save_versioned(decision, expected_version=expected_version)


def decision_delete(*, decision: Decision) -> None:
    delete_record(decision)


def task_update(*, task: DecisionTask, expected_version: int) -> None:
    save_versioned(task, expected_version=expected_version)


# --- The personal calendar feed --------------------------------------------------------------------------------


@transaction.atomic
def feed_renew(*, user: User) -> CalendarFeed:
    """A new secret address for the person's calendar; the previous one stops working at once."""
    feed_revoke(user=user)
    return CalendarFeed.objects.create(user=user)


@transaction.atomic
def feed_revoke(*, user: User) -> bool:
    revoked = 0
    for feed in CalendarFeed.objects.select_for_update().filter(user=user, revoked_at__isnull=True):
        feed.revoked_at = timezone.now()
        feed.save()
        revoked += 1
    return bool(revoked)
