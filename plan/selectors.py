"""Every read of Outil 9 and 10: the plan of a cycle is loaded whole in a fixed number of queries, whatever its
size, and each page takes what it shows from it."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import DecimalField, F, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from analysis.models import Statistic
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from meetings.models import Meeting
from offer.models import Service
from organizations.models import Organization
from partnerships.models import Partnership
from priorities.models import Objective, Priority, SelectedFactor

from .models import Action, ActionPartner, BudgetLine, DesiredChange, Funder, Indicator, Milestone, PlanVersion, Target


@dataclass
class Plan:
    """A cycle's plan as one page reads it (`plan_of`, or `plan_outline` without the actions' details): Outil 8's
    objectives with their transformations, the actions, the factors selected in Outil 8."""

    cycle: Cycle
    objectives: list[Objective]
    actions: list[Action]
    selected_factors: list[ProtectiveFactor]
    actions_by_transformation: dict[int, list[Action]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for action in self.actions:
            for transformation in action.transformation_list:
                self.actions_by_transformation.setdefault(transformation.pk, []).append(action)

    @property
    def transformations(self) -> list[DesiredChange]:
        return [t for objective in self.objectives for t in objective.plan_transformations]

    @property
    def indicators(self) -> list[Indicator]:
        return [i for t in self.transformations for i in t.indicator_list]

    @property
    def budget_lines(self) -> list[BudgetLine]:
        return [line for action in self.actions for line in action.budget_list]

    @cached_property
    def links(self) -> "PlanLinks":
        """What the plan's spreadsheet alone writes, read when first asked for (three queries)."""
        return plan_links(self.cycle)


@dataclass
class PlanLinks:
    """The plan's links to the earlier steps that the pages read elsewhere: the priorities each objective answers,
    the protective factors and Outil 6's services each action works with, by the key of the objective or action."""

    objective_priorities: dict[int, list[Priority]]
    action_factors: dict[int, list[ProtectiveFactor]]
    action_services: dict[int, list[Service]]


def plan_links(cycle: Cycle) -> PlanLinks:
    """One query a kind of link over the whole cycle, each list in the order its page shows it."""
    priorities = (
        Priority.objects.filter(objectives__cycle=cycle).annotate(linked=F("objectives")).select_related("finding")
    )
    factors = ProtectiveFactor.objects.filter(actions__cycle=cycle).annotate(linked=F("actions"))
    services = (
        Service.objects.filter(plan_actions__cycle=cycle)
        .annotate(linked=F("plan_actions"))
        .select_related("organization")
        .order_by("organization__name", "name", "pk")
    )
    return PlanLinks(
        objective_priorities=_by_link(priorities), action_factors=_by_link(factors), action_services=_by_link(services)
    )


def _by_link(rows: QuerySet) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row.linked, []).append(row)
    return grouped


# The plan is read as plain lists (`to_attr`): a page of 200 actions reads them thousands of times, and a list
# costs nothing where a related manager's `.all()` builds a queryset each time.


def _transformations() -> QuerySet[DesiredChange]:
    targets = Prefetch("targets", queryset=Target.objects.all(), to_attr="target_list")
    indicators = Indicator.objects.select_related("baseline_statistic").prefetch_related(targets)
    return DesiredChange.objects.select_related("lead").prefetch_related(
        Prefetch("factors", queryset=ProtectiveFactor.objects.all(), to_attr="factor_list"),
        Prefetch("partners", queryset=Organization.objects.all(), to_attr="partner_list"),
        Prefetch("indicators", queryset=indicators, to_attr="indicator_list"),
    )


def objectives_with_plan(cycle: Cycle) -> list[Objective]:
    """The cycle's objectives (Outil 8's), each with its factors (`plan_factors`) and transformations
    (`plan_transformations`: `factor_list`, `partner_list`, `indicator_list` with their `target_list`)."""
    return list(
        Objective.objects.filter(cycle=cycle).prefetch_related(
            Prefetch("factors", queryset=ProtectiveFactor.objects.all(), to_attr="plan_factors"),
            Prefetch("transformations", queryset=_transformations(), to_attr="plan_transformations"),
        )
    )


def action_rows(cycle: Cycle, *, organization_id: int | None = None) -> QuerySet[Action]:
    """The rows of a list of actions, by title: lead, partners and the budget's sum (`budget_sum`); only those an
    organization leads or joins if given. A queryset, so that a page of them reads only its rows."""
    rows = Action.objects.filter(cycle=cycle)
    if organization_id is not None:
        rows = rows.filter(pk__in=_led_or_joined(organization_id))
    partners = ActionPartner.objects.select_related("organization").only("action_id", "organization__name")
    return (
        rows.select_related("lead")
        .only("title", "status", "starts_on", "ends_on", "cycle_id", "lead__name")
        .annotate(budget_sum=Coalesce(Sum("budget_lines__amount"), Decimal("0"), output_field=DecimalField()))
        .prefetch_related(Prefetch("partners", queryset=partners, to_attr="partner_list"))
        .order_by("title", "id")  # an aggregate leaves Meta.ordering out
    )


def _led_or_joined(organization_id: int) -> QuerySet[Action]:
    return Action.objects.filter(Q(lead_id=organization_id) | Q(partners__organization_id=organization_id)).values("pk")


UNREAD = ("version", "updated_at")


def actions(cycle: Cycle, objectives: list[Objective]) -> list[Action]:
    """The cycle's actions with what the plan's overview, completeness and versions read: `transformation_list`
    (the objectives' own transformations), `partner_list`, `milestone_list`, `budget_list`. The partnership's
    organizations and funders are read once and shared by every row that names them, rather than joined to each.

    Each list is one query over the whole cycle grouped here, not a prefetch: a prefetch filters on the 200
    actions' keys and attaches each row through the related descriptors, which cost more than the query. The rows
    are read, never saved: their version and dates, which no reader shows, are left out (a date costs a conversion
    per row)."""
    rows = list(Action.objects.filter(cycle=cycle).defer(*UNREAD))
    of_cycle = Q(action__cycle=cycle)
    partners = _by_action(ActionPartner.objects.filter(of_cycle).defer(*UNREAD))
    milestones = _by_action(Milestone.objects.filter(of_cycle))
    lines = _by_action(BudgetLine.objects.filter(of_cycle))
    links = _transformations_by_action(cycle, objectives)
    organizations = {o.pk: o for o in Organization.objects.filter(partnership_id=cycle.partnership_id)}
    funders = {f.pk: f for f in Funder.objects.filter(partnership_id=cycle.partnership_id)}
    for action in rows:
        action.lead = organizations.get(action.lead_id)
        action.transformation_list = links.get(action.pk, [])
        action.partner_list = partners.get(action.pk, [])
        action.milestone_list = milestones.get(action.pk, [])
        action.budget_list = lines.get(action.pk, [])
        for part in action.partner_list:
            part.organization = organizations[part.organization_id]
        for line in action.budget_list:
            line.funder = funders[line.funder_id]
    return rows


def _by_action(rows: QuerySet) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row.action_id, []).append(row)
    return grouped


def _transformations_by_action(cycle: Cycle, objectives: list[Objective]) -> dict[int, list[DesiredChange]]:
    """Each action's transformations, the objectives' own objects in the plan's order."""
    ordered = [t for objective in objectives for t in objective.plan_transformations]
    known = {t.pk: t for t in ordered}
    rank = {t.pk: index for index, t in enumerate(ordered)}
    links = Action.transformations.through.objects.filter(action__cycle=cycle).values_list(
        "action_id", "desiredchange_id"
    )
    grouped: dict[int, list[DesiredChange]] = {}
    for action_id, transformation_id in sorted(links, key=lambda link: rank.get(link[1], len(rank))):
        transformation = known.get(transformation_id) or DesiredChange(pk=transformation_id)
        grouped.setdefault(action_id, []).append(transformation)
    return grouped


def _with_plan(rows: QuerySet[Action]) -> QuerySet[Action]:
    return rows.select_related("lead").prefetch_related(
        Prefetch(
            "transformations",
            queryset=DesiredChange.objects.select_related("objective"),
            to_attr="transformation_list",
        ),
        Prefetch("partners", queryset=ActionPartner.objects.select_related("organization"), to_attr="partner_list"),
        Prefetch("milestones", queryset=Milestone.objects.all(), to_attr="milestone_list"),
        Prefetch("budget_lines", queryset=BudgetLine.objects.select_related("funder"), to_attr="budget_list"),
    )


def plan_of(cycle: Cycle) -> Plan:
    """The whole plan: what the overview and the versions read."""
    objectives = objectives_with_plan(cycle)
    return Plan(
        cycle=cycle, objectives=objectives, actions=actions(cycle, objectives), selected_factors=_selected(cycle)
    )


def plan_outline(cycle: Cycle) -> Plan:
    """What the plan's page and the completeness check read: the actions without their partners, milestones or
    funders' names (the dashboard counts the gaps). Grouped here, as in `actions`."""
    objectives = objectives_with_plan(cycle)
    rows = list(
        Action.objects.filter(cycle=cycle).only("title", "cycle_id", "lead_id", "starts_on", "ends_on", "follow_up")
    )
    lines = _by_action(BudgetLine.objects.filter(action__cycle=cycle).only("action_id", "year", "status", "amount"))
    links = _transformations_by_action(cycle, objectives)
    for action in rows:
        action.transformation_list = links.get(action.pk, [])
        action.budget_list = lines.get(action.pk, [])
    return Plan(cycle=cycle, objectives=objectives, actions=rows, selected_factors=_selected(cycle))


def _selected(cycle: Cycle) -> list[ProtectiveFactor]:
    return [s.factor for s in SelectedFactor.objects.filter(cycle=cycle).select_related("factor")]


def action_detail(action: Action) -> Action:
    """One action with what its page shows: the plan's lists, and `factor_list` and `service_list`."""
    return (
        _with_plan(Action.objects.filter(pk=action.pk))
        .prefetch_related(
            Prefetch("factors", queryset=ProtectiveFactor.objects.all(), to_attr="factor_list"),
            Prefetch("services", queryset=Service.objects.all(), to_attr="service_list"),
        )
        .get()
    )


def transformation_actions(transformation: DesiredChange) -> list[Action]:
    return list(transformation.actions.select_related("lead").order_by("title"))


def indicators_of(transformation: DesiredChange) -> list[Indicator]:
    return list(transformation.indicators.select_related("baseline_statistic").prefetch_related("targets"))


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


def aimed_factors(cycle: Cycle) -> QuerySet[ProtectiveFactor]:
    """The factors the cycle's objectives aim at: those its transformations and actions may name."""
    return ProtectiveFactor.objects.filter(objectives__cycle=cycle).distinct()


def cycle_transformations(cycle: Cycle) -> QuerySet[DesiredChange]:
    return DesiredChange.objects.filter(objective__cycle=cycle).select_related("objective")


def cycle_meetings(cycle: Cycle) -> QuerySet[Meeting]:
    return Meeting.objects.filter(cycle=cycle)


def versions(cycle: Cycle) -> list[PlanVersion]:
    """The cycle's adopted versions as lists show them: without their snapshot, the whole plan in JSON."""
    return list(PlanVersion.objects.filter(cycle=cycle).select_related("meeting", "adopted_by").defer("snapshot"))


def cycle_years(cycle: Cycle) -> list[int]:
    return list(range(cycle.starts_on.year, cycle.ends_on.year + 1))
