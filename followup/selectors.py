"""Every read of Outil 11: a fixed number of queries per page, whatever the number of actions and reports."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership, Territory
from plan.models import Action, BudgetLine, DesiredChange, Milestone

from .models import ActionReport, BudgetSpent, CommunicationItem, ReportReach
from .schedule import Period, Standing, report_periods, standing


def cycle_reports(cycle: Cycle, *, organization_id: int | None = None) -> QuerySet[ActionReport]:
    """The cycle's reports, newest period first; only those on an organization's actions when it is given."""
    reports = ActionReport.objects.filter(action__cycle=cycle).select_related("action__lead", "created_by")
    if organization_id is not None:
        reports = reports.filter(pk__in=_reports_of(organization_id))
    return reports


def _reports_of(organization_id: int) -> QuerySet[ActionReport]:
    return ActionReport.objects.filter(
        Q(action__lead_id=organization_id) | Q(action__partners__organization_id=organization_id)
    ).values("pk")


def report_detail(report: ActionReport) -> ActionReport:
    """The report with everything its page shows (a fixed handful of queries)."""
    return (
        ActionReport.objects.select_related("action__cycle", "action__lead", "created_by")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.all(), to_attr="partner_list"),
            Prefetch("milestones_reached", queryset=Milestone.objects.all(), to_attr="milestone_list"),
            Prefetch("reach", queryset=ReportReach.objects.select_related("territory"), to_attr="reach_list"),
            Prefetch(
                "spending", queryset=BudgetSpent.objects.select_related("budget_line__funder"), to_attr="spending_list"
            ),
        )
        .get(pk=report.pk)
    )


def action_organizations(action: Action) -> QuerySet[Organization]:
    """The organizations a report may name as involved: the partnership's."""
    return Organization.objects.filter(partnership_id=action.cycle.partnership_id).order_by("name")


def partnership_organizations(partnership: Partnership) -> QuerySet[Organization]:
    return Organization.objects.filter(partnership=partnership).order_by("name")


def action_milestones(action: Action) -> QuerySet[Milestone]:
    return Milestone.objects.filter(action=action)


def action_budget_lines(action: Action) -> list[BudgetLine]:
    return list(BudgetLine.objects.filter(action=action).select_related("funder"))


def territories(partnership: Partnership) -> list[Territory]:
    return list(Territory.objects.filter(partnership=partnership).order_by("name"))


def report_reach(report: ActionReport) -> list[ReportReach]:
    return list(ReportReach.objects.filter(report=report))


def report_spending(report: ActionReport) -> list[BudgetSpent]:
    return list(BudgetSpent.objects.filter(report=report))


# --- Due reports -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRef:
    """What a due-reports row needs of the period's report: its address and whether it is a draft."""

    pk: int
    state: str


@dataclass(frozen=True)
class DueRow:
    action: Action
    period: Period
    report: ReportRef | None
    standing: str
    url: str = ""  # the page a row of the due reports' table links to (followup.views.due), set on the shown rows


def due_rows(cycle: Cycle, *, today: datetime.date, organization_id: int | None = None) -> list[DueRow]:
    """Every report period of the cycle's actions that has begun by `today`, with its report if there is one, in
    two queries: the actions (with a schedule), and their reports as plain values (a cycle has thousands)."""
    actions = Action.objects.filter(cycle=cycle).exclude(follow_up="").select_related("lead").order_by("title", "pk")
    if organization_id is not None:
        actions = actions.filter(
            Q(lead_id=organization_id) | Q(pk__in=Action.objects.filter(partners__organization_id=organization_id))
        )
    reports = ActionReport.objects.filter(action__in=actions.values("pk"))
    by_period = {
        (action_id, start): ReportRef(pk, state)
        for pk, action_id, start, state in reports.values_list("pk", "action_id", "period_start", "state")
    }
    rows = []
    for action in actions:
        periods = report_periods(
            follow_up=action.follow_up, starts_on=action.starts_on, ends_on=action.ends_on, until=today
        )
        for period in periods:
            report = by_period.get((action.pk, period.start))
            state = report.state if report else None
            rows.append(DueRow(action, period, report, standing(period, report_state=state, today=today)))
    return rows


OPEN = (Standing.LATE, Standing.DUE, Standing.SENT_BACK, Standing.UPCOMING)


def open_rows(rows: list[DueRow]) -> list[DueRow]:
    """What still waits on someone: late first, then due, sent back and under way, by date."""
    order = {code: rank for rank, code in enumerate(OPEN)}
    waiting = [row for row in rows if row.standing in order]
    return sorted(waiting, key=lambda row: (order[row.standing], row.period.due, row.action.title))


# --- Latest report of each action (the roll-up on Outil 10) ----------------------------------------------------


def latest_progress(cycle: Cycle) -> dict[int, str]:
    """{action id: the progress its report of the latest period gives}, in one query of plain values."""
    reports = ActionReport.objects.filter(action__cycle=cycle).order_by("action_id", "period_end", "pk")
    return dict(reports.values_list("action_id", "progress"))  # the latest period of each action comes last


def communication_items(cycle: Cycle) -> QuerySet[CommunicationItem]:
    return CommunicationItem.objects.filter(cycle=cycle).select_related("responsible")


@dataclass
class RollupRow:
    """How the actions of one objective or transformation stand, from each action's latest report."""

    label: str
    counts: dict[str, int]
    total: int
    is_objective: bool = False

    def share(self, code: str) -> int:
        return round(100 * self.counts.get(code, 0) / self.total) if self.total else 0

    @property
    def cells(self) -> list[tuple[int, int]]:
        return [(self.counts.get(code, 0), self.share(code)) for code in ROLLUP_COLUMNS]


NO_REPORT = "none"
ROLLUP_COLUMNS = ("on_track", "late", "at_risk", "completed", "cancelled", NO_REPORT)


def progress_rollup(cycle: Cycle) -> list[RollupRow]:
    """Each objective, then each of its transformations, with its actions counted by the progress of their latest
    report (NO_REPORT for an action without one), in three queries whatever the plan's size."""
    latest = latest_progress(cycle)
    links = Action.transformations.through.objects.filter(action__cycle=cycle).values_list(
        "desiredchange_id", "action_id"
    )
    actions_of = defaultdict(set)
    for transformation_id, action_id in links:
        actions_of[transformation_id].add(action_id)
    transformations = DesiredChange.objects.filter(objective__cycle=cycle).select_related("objective")
    rows, by_objective = [], defaultdict(list)
    for transformation in transformations:
        by_objective[transformation.objective].append(transformation)
    for objective, items in by_objective.items():
        every = set().union(*(actions_of[t.pk] for t in items))
        rows.append(_rollup_row(str(objective.title), every, latest, is_objective=True))
        for transformation in items:
            label = f"{transformation.get_system_display()} — {transformation.statement}"
            rows.append(_rollup_row(label, actions_of[transformation.pk], latest))
    return rows


def _rollup_row(label: str, actions: set[int], latest: dict[int, str], *, is_objective=False) -> RollupRow:
    counts = defaultdict(int)
    for action_id in actions:
        counts[latest.get(action_id, NO_REPORT)] += 1
    return RollupRow(label, dict(counts), len(actions), is_objective)
