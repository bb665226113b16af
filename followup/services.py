"""Every write of Outil 11 and of the communication plan, one transaction per person's action."""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.concurrency import fingerprint, save_set, save_versioned
from core.deletion import delete_record
from core.saving import save_with_links
from cycles.models import Cycle
from plan.models import Action

from .models import ActionReport, BudgetSpent, CommunicationItem, ReportReach, ReportState

Reach = tuple[int | None, int | None, int | None]  # children, parents, practitioners

# --- Reports ---------------------------------------------------------------------------------------------------


@transaction.atomic
def report_create(
    *, action: Action, report: ActionReport, partners: Iterable, milestones: Iterable, created_by: User | None
) -> ActionReport:
    report.action = action
    report.state = ReportState.DRAFT
    report.created_by = created_by
    save_with_links(report, links={"partners": partners, "milestones_reached": milestones})
    return report


@transaction.atomic
def report_update(*, report: ActionReport, expected_version: int, partners: Iterable, milestones: Iterable) -> None:
    save_with_links(
        report, links={"partners": partners, "milestones_reached": milestones}, expected_version=expected_version
    )


def report_submit(*, report: ActionReport, expected_version: int) -> None:
    """Hand the report to coordination: frozen until coordination sends it back."""
    report.state = ReportState.SUBMITTED
    report.submitted_at = timezone.now()
    save_versioned(report, expected_version=expected_version, reason=_("Suivi remis"))


def report_send_back(*, report: ActionReport, expected_version: int, comment: str) -> None:
    """Coordination returns a submitted report to its authors, saying what to correct."""
    report.state = ReportState.SENT_BACK
    report.review_comment = comment
    save_versioned(report, expected_version=expected_version, reason=_("Suivi renvoyé pour correction"))


def report_delete(*, report: ActionReport) -> None:
    delete_record(report)


# --- A report's sets: reach by territory, money spent per budget line --------------------------------------------


def reach_state(rows: list[ReportReach]) -> list[tuple]:
    return sorted((row.territory_id, row.children, row.parents, row.practitioners) for row in rows)


def spending_state(rows: list[BudgetSpent]) -> list[tuple]:
    return sorted((row.budget_line_id, str(row.amount)) for row in rows)


def reach_save(*, report: ActionReport, reach: Mapping[int, Reach], expected_fingerprint: str | None) -> None:
    """Make the report's reach exactly `reach` ({territory id: counts}); a territory with no count is left out."""
    given = {pk: counts for pk, counts in reach.items() if any(count is not None for count in counts)}

    def write(saved: list[ReportReach]) -> None:
        by_territory = {row.territory_id: row for row in saved}
        for pk, row in by_territory.items():
            if pk not in given:
                row.delete()
        for pk, counts in given.items():
            row = by_territory.get(pk) or ReportReach(report=report, territory_id=pk)
            if row.pk and (row.children, row.parents, row.practitioners) == counts:
                continue
            row.children, row.parents, row.practitioners = counts
            row.save()

    save_set(
        lock=ActionReport.objects.filter(pk=report.pk),
        read=lambda: list(ReportReach.objects.filter(report=report)),
        digest=lambda saved: fingerprint(reach_state(saved)),
        expected=expected_fingerprint,
        write=write,
    )


def spending_save(
    *, report: ActionReport, spending: Mapping[int, Decimal | None], expected_fingerprint: str | None
) -> None:
    """Make the report's spending exactly `spending` ({budget line id: amount}); a line without amount is left out."""
    given = {pk: amount for pk, amount in spending.items() if amount is not None}

    def write(saved: list[BudgetSpent]) -> None:
        by_line = {row.budget_line_id: row for row in saved}
        for pk, row in by_line.items():
            if pk not in given:
                row.delete()
        for pk, amount in given.items():
            row = by_line.get(pk) or BudgetSpent(report=report, budget_line_id=pk)
            if row.pk and row.amount == amount:
                continue
            row.amount = amount
            row.save()

    save_set(
        lock=ActionReport.objects.filter(pk=report.pk),
        read=lambda: list(BudgetSpent.objects.filter(report=report)),
        digest=lambda saved: fingerprint(spending_state(saved)),
        expected=expected_fingerprint,
        write=write,
    )


# --- Communication plan ----------------------------------------------------------------------------------------


def communication_create(*, cycle: Cycle, item: CommunicationItem) -> CommunicationItem:
    item.cycle = cycle
    item.save()
    return item


def communication_update(*, item: CommunicationItem, expected_version: int) -> None:
    save_versioned(item, expected_version=expected_version)


def communication_delete(*, item: CommunicationItem) -> None:
    delete_record(item)
