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
from django.utils.translation import gettext as _

from accounts.models import ReminderFrequency, ReminderPreference, User
from core.mail import send_on_commit
from cycles.selectors import current_cycle
from partnerships.models import Partnership
from partnerships.permissions import ROLE_PERMISSIONS, Perm
from plan.models import ActionPartner

from .schedule import Standing
from .selectors import DueRow, due_rows

SOON_DAYS = 7  # a report due within this many days is in the digest
LISTED = 25  # the most pressing reports a digest names; the due-reports pages list the rest
MONDAY = 0


@dataclass(frozen=True)
class Item:
    partnership: str
    row: DueRow
    url: str


@dataclass(frozen=True)
class DuePage:
    """The page of a partnership's due reports that lists everything a person's digest is about."""

    partnership: str
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


def _authors_hear_of(row: DueRow, today: datetime.date) -> bool:
    """The authors of a report (the people of the organizations that lead or join its action) hear of it when it is
    late, sent back or due within SOON_DAYS."""
    if row.standing in (Standing.LATE, Standing.SENT_BACK):
        return True
    return row.standing == Standing.DUE and (row.period.due - today).days <= SOON_DAYS


def _report_url(partnership: Partnership, row: DueRow) -> str:
    kwargs = {"slug": partnership.slug, "cycle_pk": row.action.cycle_id}
    if row.report is not None:
        path = reverse("followup:report_detail", kwargs={**kwargs, "report_pk": row.report.pk})
    else:
        path = reverse("followup:report_create", kwargs={**kwargs, "action_pk": row.action.pk})
        path += f"?debut={row.period.start:%Y-%m-%d}&fin={row.period.end:%Y-%m-%d}"
    return settings.SITE_URL + path


def _action_organizations(cycle, rows: list[DueRow]) -> dict[int, set[int]]:
    """{action id: the organizations that lead it or take part in it}."""
    organizations = defaultdict(set)
    for row in rows:
        if row.action.lead_id:
            organizations[row.action.pk].add(row.action.lead_id)
    parts = ActionPartner.objects.filter(action__cycle=cycle).values_list("action_id", "organization_id")
    for action_id, organization_id in parts:
        organizations[action_id].add(organization_id)
    return organizations


def _due_page(partnership: Partnership, cycle, perms) -> DuePage:
    name = "followup:due" if Perm.REVIEW_REPORTS in perms else "followup:my_due"
    path = reverse(name, kwargs={"slug": partnership.slug, "cycle_pk": cycle.pk})
    return DuePage(partnership.name, settings.SITE_URL + path)


def _partnership_items(partnership: Partnership, today: datetime.date) -> dict[int, tuple[list[Item], DuePage]]:
    """{user id: (items, their due page)} for one partnership: its current cycle's reports, by who hears about
    each — the authors of each report (`report_own_actions`) as `_authors_hear_of` says, and coordination
    (`review_reports`) of every late one. Each report's item is made once, whoever hears of it."""
    cycle = current_cycle(partnership=partnership)
    if cycle is None:
        return {}
    rows = due_rows(cycle, today=today)
    if not rows:
        return {}
    organizations = _action_organizations(cycle, rows)
    by_organization: dict[int, list[Item]] = defaultdict(list)
    late: list[Item] = []
    for row in rows:
        if not _authors_hear_of(row, today):  # nor coordination: a late report is one its authors hear of
            continue
        item = Item(partnership.name, row, _report_url(partnership, row))
        for organization in organizations[row.action.pk]:
            by_organization[organization].append(item)
        if row.standing == Standing.LATE:
            late.append(item)
    items = {}
    for membership in partnership.memberships.all():
        perms = ROLE_PERMISSIONS[membership.role]
        heard: dict[int, Item] = {}
        if Perm.REPORT_OWN_ACTIONS in perms and membership.organization_id:
            heard.update((id(item), item) for item in by_organization.get(membership.organization_id, ()))
        if Perm.REVIEW_REPORTS in perms:
            heard.update((id(item), item) for item in late)
        if heard:
            items[membership.user_id] = (list(heard.values()), _due_page(partnership, cycle, perms))
    return items


class ItemLines:
    """Each report's lines in a digest, written once per language however many people hear of it (a template per
    line cost a province's run a minute)."""

    def __init__(self) -> None:
        self.written: dict[tuple[int, str], str] = {}

    def of(self, item: Item) -> str:
        key = (id(item), translation.get_language())
        if key not in self.written:
            self.written[key] = _item_lines(item)
        return self.written[key]


def _item_lines(item: Item) -> str:
    row = item.row
    due = f"{row.period.due:%Y-%m-%d}"
    if row.standing == Standing.LATE:
        standing = _("En retard : attendu le %(due)s.") % {"due": due}
    elif row.standing == Standing.SENT_BACK:
        standing = _("Renvoyé pour correction par la coordination.")
    else:
        standing = _("À remettre d'ici le %(due)s.") % {"due": due}
    period = f"{row.period.start:%Y-%m-%d} – {row.period.end:%Y-%m-%d}"
    return f"- {item.partnership} — {row.action.title} ({period})\n  {standing}\n  {item.url}\n"


def send_digests(*, today: datetime.date) -> int:
    """Send today's digests; the number of e-mails sent. A digest names the LISTED most pressing reports (the
    oldest due first) and counts the others, with the pages that list them all: its cost and its length stay
    bounded for a coordinator whose partnerships owe hundreds."""
    gathered = defaultdict(list)
    pages = defaultdict(list)
    partnerships = Partnership.objects.prefetch_related("memberships").order_by("name")
    for partnership in partnerships:
        for user_id, (items, page) in _partnership_items(partnership, today).items():
            gathered[user_id].extend(items)
            pages[user_id].append(page)
    users = User.objects.filter(pk__in=gathered, is_active=True, closed_at__isnull=True).select_related(
        "reminder_preference"
    )
    lines = ItemLines()
    sent = 0
    for user in users:
        preference = getattr(user, "reminder_preference", None)
        if not wants_digest(preference, today):
            continue
        items = sorted(gathered[user.pk], key=lambda item: (item.row.period.due, item.row.action.title))
        with translation.override(preference.language if preference else "fr"):
            context = {
                "user": user,
                "count": len(items),
                "lines": [lines.of(item) for item in items[:LISTED]],
                "unlisted": len(items) - LISTED,
                "due_pages": pages[user.pk],
                "settings_url": settings.SITE_URL + reverse("followup:reminder_settings"),
            }
            send_on_commit("followup/email/digest", context, to=user.email)
        sent += 1
    return sent
