"""The reminders of Outil 11: one digest e-mail per person per run, gathering across their partnerships the
reports due soon, the late ones and those sent back to them.

Who hears about what: the representatives of an action's lead and partner organizations (with
`report_own_actions`) about that action's reports; coordination (`review_reports`) about every late report of
its partnership. A person without preferences gets the digest daily in French; they may choose weekly (on Mondays)
or never, and English. The runs are the task `followup.tasks.send_reminders`, enqueued daily by cron.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from accounts.models import ReminderFrequency, ReminderPreference, User
from core.mail import send_on_commit
from cycles.selectors import current_cycle
from partnerships.models import Membership, Partnership
from partnerships.permissions import ROLE_PERMISSIONS, Perm
from plan.models import ActionPartner

from .schedule import Standing
from .selectors import DueRow, due_rows

SOON_DAYS = 7  # a report due within this many days is in the digest
MONDAY = 0


@dataclass(frozen=True)
class Item:
    partnership: str
    row: DueRow
    url: str


# --- Preferences -----------------------------------------------------------------------------------------------


def preference_of(user: User, *, default_language: str = "fr") -> ReminderPreference:
    """The person's preferences, or the defaults (not saved) when they never chose."""
    found = ReminderPreference.objects.filter(user=user).first()
    language = default_language if default_language in {"fr", "en"} else "fr"
    return found or ReminderPreference(user=user, language=language)


@transaction.atomic
def preference_save(*, user: User, preference: ReminderPreference) -> None:
    ReminderPreference.objects.update_or_create(
        user=user, defaults={"frequency": preference.frequency, "language": preference.language}
    )


def wants_digest(preference: ReminderPreference | None, today: datetime.date) -> bool:
    frequency = preference.frequency if preference else ReminderFrequency.DAILY
    if frequency == ReminderFrequency.NEVER:
        return False
    return frequency == ReminderFrequency.DAILY or today.weekday() == MONDAY


# --- The digest ------------------------------------------------------------------------------------------------


def _hears_about(membership: Membership, row: DueRow, organizations: set[int], today: datetime.date) -> bool:
    """Whether this member's digest names this period's report. Its authors (the people of the organizations that
    lead or join the action) hear of it when it is late, sent back or due within SOON_DAYS; coordination hears of
    every late one."""
    perms = ROLE_PERMISSIONS[membership.role]
    if Perm.REPORT_OWN_ACTIONS in perms and membership.organization_id in organizations:
        if row.standing in (Standing.LATE, Standing.SENT_BACK):
            return True
        return row.standing == Standing.DUE and (row.period.due - today).days <= SOON_DAYS
    return Perm.REVIEW_REPORTS in perms and row.standing == Standing.LATE


def _report_url(partnership: Partnership, row: DueRow) -> str:
    kwargs = {"slug": partnership.slug, "cycle_pk": row.action.cycle_id}
    if row.report is not None:
        path = reverse("followup:report_detail", kwargs={**kwargs, "report_pk": row.report.pk})
    else:
        path = reverse("followup:report_create", kwargs={**kwargs, "action_pk": row.action.pk})
        path += f"?debut={row.period.start:%Y-%m-%d}&fin={row.period.end:%Y-%m-%d}"
    return settings.SITE_URL + path


def _partnership_items(partnership: Partnership, today: datetime.date) -> dict[int, list[Item]]:
    """{user id: items} for one partnership: its current cycle's reports, by who hears about each."""
    cycle = current_cycle(partnership=partnership)
    if cycle is None:
        return {}
    rows = due_rows(cycle, today=today)
    if not rows:
        return {}
    organizations = defaultdict(set)  # action id -> the organizations that lead it or take part
    for row in rows:
        if row.action.lead_id:
            organizations[row.action.pk].add(row.action.lead_id)
    parts = ActionPartner.objects.filter(action__cycle=cycle).values_list("action_id", "organization_id")
    for action_id, organization_id in parts:
        organizations[action_id].add(organization_id)
    items = defaultdict(list)
    for membership in partnership.memberships.all():
        for row in rows:
            if _hears_about(membership, row, organizations[row.action.pk], today):
                items[membership.user_id].append(Item(partnership.name, row, _report_url(partnership, row)))
    return items


def send_digests(*, today: datetime.date) -> int:
    """Send today's digests; the number of e-mails sent."""
    gathered = defaultdict(list)
    partnerships = Partnership.objects.prefetch_related("memberships").order_by("name")
    for partnership in partnerships:
        for user_id, items in _partnership_items(partnership, today).items():
            gathered[user_id].extend(items)
    users = User.objects.filter(pk__in=gathered, is_active=True, closed_at__isnull=True).select_related(
        "reminder_preference"
    )
    sent = 0
    for user in users:
        preference = getattr(user, "reminder_preference", None)
        if not wants_digest(preference, today):
            continue
        language = preference.language if preference else "fr"
        items = sorted(gathered[user.pk], key=lambda item: (item.row.period.due, item.row.action.title))
        with translation.override(language):
            context = {
                "user": user,
                "items": items,
                "settings_url": settings.SITE_URL + reverse("followup:reminder_settings"),
            }
            send_on_commit("followup/email/digest", context, to=user.email)
        sent += 1
    return sent
