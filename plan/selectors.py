"""Every read of Outil 9 and 10: the plan of a cycle is loaded whole in a fixed number of queries, whatever its
size, and each page takes what it shows from it."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from analysis.models import Statistic
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from meetings.models import Meeting
from organizations.models import Organization
from partnerships.models import Partnership
from priorities.models import Objective, SelectedFactor

from .models import Action, ActionPartner, BudgetLine, DesiredChange, Funder, Indicator, PlanVersion


@dataclass
class Plan:
    cycle: Cycle
    objectives: list[Objective]
    actions: list[Action]
    selected_factors: list[ProtectiveFactor]
    actions_by_transformation: dict[int, list[Action]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for action in self.actions:
            for transformation in action.transformations.all():
                self.actions_by_transformation.setdefault(transformation.pk, []).append(action)

    @property
    def transformations(self) -> list[DesiredChange]:
        return [t for objective in self.objectives for t in objective.transformations.all()]

    @property
    def indicators(self) -> list[Indicator]:
        return [i for t in self.transformations for i in t.indicators.all()]

    @property
    def budget_lines(self) -> list[BudgetLine]:
        return [line for action in self.actions for line in action.budget_lines.all()]


def _transformations() -> QuerySet[DesiredChange]:
    indicators = Indicator.objects.select_related("baseline_statistic").prefetch_related("targets")
    return DesiredChange.objects.select_related("lead").prefetch_related(
        "factors", "partners", Prefetch("indicators", queryset=indicators)
    )


def objectives_with_plan(cycle: Cycle) -> list[Objective]:
    """The cycle's objectives (Outil 8's), each with its transformations, their indicators and targets."""
    return list(
        Objective.objects.filter(cycle=cycle).prefetch_related(
            "factors", Prefetch("transformations", queryset=_transformations())
        )
    )


def action_rows(cycle: Cycle, *, organization_id: int | None = None) -> list[Action]:
    """The rows of a list of actions: lead, partners and the budget's sum (`budget_sum`); only those an
    organization leads or joins if given."""
    rows = Action.objects.filter(cycle=cycle)
    if organization_id is not None:
        rows = rows.filter(pk__in=_led_or_joined(organization_id))
    partners = ActionPartner.objects.select_related("organization").only("action_id", "organization__name")
    return list(
        rows.select_related("lead")
        .only("title", "status", "starts_on", "ends_on", "cycle_id", "lead__name")
        .annotate(budget_sum=Coalesce(Sum("budget_lines__amount"), Decimal("0"), output_field=DecimalField()))
        .prefetch_related(Prefetch("partners", queryset=partners))
    )


def _led_or_joined(organization_id: int) -> QuerySet[Action]:
    return Action.objects.filter(Q(lead_id=organization_id) | Q(partners__organization_id=organization_id)).values("pk")


def actions(cycle: Cycle) -> list[Action]:
    """The cycle's actions with what the plan's overview, completeness and versions read."""
    return list(_with_plan(Action.objects.filter(cycle=cycle)))


def _with_plan(rows: QuerySet[Action]) -> QuerySet[Action]:
    return rows.select_related("lead").prefetch_related(
        Prefetch("transformations", queryset=DesiredChange.objects.select_related("objective")),
        Prefetch("partners", queryset=ActionPartner.objects.select_related("organization")),
        "milestones",
        Prefetch("budget_lines", queryset=BudgetLine.objects.select_related("funder")),
    )


def plan_of(cycle: Cycle) -> Plan:
    """The whole plan: what the overview and the versions read."""
    return Plan(
        cycle=cycle, objectives=objectives_with_plan(cycle), actions=actions(cycle), selected_factors=_selected(cycle)
    )


def plan_outline(cycle: Cycle) -> Plan:
    """What the plan's page and the completeness check read: the actions without their partners, milestones or
    funders' names (the dashboard counts the gaps)."""
    lines = BudgetLine.objects.only("action_id", "year", "status", "amount")
    rows = (
        Action.objects.filter(cycle=cycle)
        .only("title", "cycle_id", "lead_id", "starts_on", "ends_on", "follow_up")
        .prefetch_related(
            Prefetch("transformations", queryset=DesiredChange.objects.only("id")),
            Prefetch("budget_lines", queryset=lines),
        )
    )
    return Plan(
        cycle=cycle, objectives=objectives_with_plan(cycle), actions=list(rows), selected_factors=_selected(cycle)
    )


def _selected(cycle: Cycle) -> list[ProtectiveFactor]:
    return [s.factor for s in SelectedFactor.objects.filter(cycle=cycle).select_related("factor")]


def action_detail(action: Action) -> Action:
    """One action with what its page shows (the same joins as the list)."""
    return _with_plan(Action.objects.filter(pk=action.pk)).prefetch_related("factors", "services").get()


def transformation_actions(transformation: DesiredChange) -> list[Action]:
    return list(transformation.actions.select_related("lead").order_by("title"))


def indicators_of(transformation: DesiredChange) -> list[Indicator]:
    return list(transformation.indicators.select_related("baseline_statistic").prefetch_related("targets"))


def objective_transformations(objective: Objective) -> dict[str, DesiredChange]:
    return {t.system: t for t in objective.transformations.all()}


def funders_queryset(partnership: Partnership) -> QuerySet[Funder]:
    return Funder.objects.for_partnership(partnership)


def funders(partnership: Partnership) -> list[Funder]:
    return list(funders_queryset(partnership))


def organizations(partnership: Partnership) -> QuerySet[Organization]:
    return Organization.objects.for_partnership(partnership)


def statistics(partnership: Partnership) -> QuerySet[Statistic]:
    return Statistic.objects.for_partnership(partnership)


def cycle_objectives(cycle: Cycle) -> QuerySet[Objective]:
    return Objective.objects.filter(cycle=cycle)


def cycle_transformations(cycle: Cycle) -> QuerySet[DesiredChange]:
    return DesiredChange.objects.filter(objective__cycle=cycle).select_related("objective")


def cycle_meetings(cycle: Cycle) -> QuerySet[Meeting]:
    return Meeting.objects.filter(cycle=cycle)


def versions(cycle: Cycle) -> list[PlanVersion]:
    return list(PlanVersion.objects.filter(cycle=cycle).select_related("meeting", "adopted_by"))


def cycle_years(cycle: Cycle) -> list[int]:
    return list(range(cycle.starts_on.year, cycle.ends_on.year + 1))
