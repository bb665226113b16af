"""Every read of Outil 12's pages, with its joins: the number of queries of a page does not grow with the data."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, prefetch_related_objects

from cycles.models import Cycle
from diagnostic.selectors import partnership_results
from factors.models import ProtectiveFactor
from organizations.models import Organization
from partnerships.models import Partnership
from plan.models import Action, ActionStatus, DesiredChange, Indicator, Target
from priorities.models import Objective

from .models import ActionDecision, Decision, Measurement, Questioning, Review
from .trend import Direction, direction, next_target


def measurements_of(indicator: Indicator) -> list[Measurement]:
    return list(Measurement.objects.filter(indicator=indicator).order_by("measured_on", "id"))


def targets_of(indicator: Indicator) -> list[Target]:
    return list(Target.objects.filter(indicator=indicator).order_by("date", "id"))


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    last: Measurement | None
    count: int
    target: Target | None
    direction: Direction
    first: Measurement | None = None
    targets: list[Target] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)

    @property
    def baseline(self) -> Decimal | None:
        return self.indicator.baseline_value


def _indicator_rows(indicators: QuerySet[Indicator], today: datetime.date) -> list[IndicatorRow]:
    """The indicators with their targets and measurements: three queries, grouped here."""
    found = list(indicators.select_related("transformation__objective"))
    ids = [indicator.pk for indicator in found]
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(indicator_id__in=ids).order_by("date", "id"):
        targets[target.indicator_id].append(target)
    measurements: dict[int, list[Measurement]] = defaultdict(list)
    for measurement in Measurement.objects.filter(indicator_id__in=ids).order_by("measured_on", "id"):
        measurements[measurement.indicator_id].append(measurement)
    rows = []
    for indicator in found:
        own = measurements[indicator.pk]
        last = own[-1] if own else None
        rows.append(
            IndicatorRow(
                indicator=indicator,
                last=last,
                count=len(own),
                target=next_target(targets[indicator.pk], today),
                direction=direction(
                    polarity=indicator.polarity,
                    baseline=indicator.baseline_value,
                    last=last.value if last else None,
                ),
                first=own[0] if own else None,
                targets=targets[indicator.pk],
                measurements=own,
            )
        )
    return rows


def dashboard_rows(cycle: Cycle, today: datetime.date) -> list[IndicatorRow]:
    """Every indicator of the cycle's plan with where it stands: three queries whatever the number of indicators
    (the indicators, all their targets, all their measurements, grouped here)."""
    indicators = Indicator.objects.filter(transformation__objective__cycle=cycle).order_by(
        "transformation__objective__position", "transformation_id", "id"
    )
    return _indicator_rows(indicators, today)


def transformation_indicator_rows(transformation: DesiredChange, today: datetime.date) -> list[IndicatorRow]:
    return _indicator_rows(Indicator.objects.filter(transformation=transformation).order_by("id"), today)


# --- Reviews and their decisions -------------------------------------------------------------------------------


def cycle_reviews(cycle: Cycle) -> list[Review]:
    return list(
        Review.objects.filter(transformation__objective__cycle=cycle).select_related("transformation__objective")
    )


def cycle_transformations(cycle: Cycle) -> QuerySet[DesiredChange]:
    return DesiredChange.objects.filter(objective__cycle=cycle).select_related("objective")


def partnership_organizations(partnership: Partnership) -> QuerySet[Organization]:
    return Organization.objects.for_partnership(partnership)


def review_detail(review: Review) -> Review:
    """The review (as `access_review` reads it, with its transformation, objective and author) given its partners
    (`partner_list`): one query."""
    partners = Prefetch("partners", queryset=Organization.objects.order_by("name"), to_attr="partner_list")
    prefetch_related_objects([review], partners)
    return review


def review_actions(review: Review) -> list[Action]:
    """The actions of the review's transformation, in the order of their titles."""
    return list(
        Action.objects.filter(transformations=review.transformation_id).select_related("lead").order_by("title", "id")
    )


def review_decisions(review: Review) -> list[ActionDecision]:
    return list(ActionDecision.objects.filter(review=review).select_related("action", "applied_by"))


def decision_state(decisions: list[ActionDecision]) -> list[tuple]:
    """What the fingerprint of a review's decisions is made of: any change to one of them changes it."""
    return sorted(
        (d.action_id, d.decision, d.reason, d.applied_at.isoformat() if d.applied_at else "") for d in decisions
    )


def carried_actions(cycle: Cycle) -> QuerySet[Action]:
    """The actions of `cycle` that go on into the next cycle.

    An action is carried when the latest *applied* decision on it (of any review of the cycle, the latest by
    `applied_at`) is to maintain or to adapt it; an action on which no decision was applied is carried unless its
    status is abandoned. A decision recorded but not applied does not count, and an action whose latest applied
    decision is to abandon it is never carried (even if someone set its status back). Returns a queryset of
    `plan.Action` (one query when evaluated, ordered by title), to be read or filtered further.
    """
    latest = (
        ActionDecision.objects.filter(action=OuterRef("pk"), applied_at__isnull=False)
        .order_by("-applied_at", "-id")
        .values("decision")[:1]
    )
    return (
        Action.objects.filter(cycle=cycle)
        .annotate(latest_decision=Subquery(latest))
        .filter(
            Q(latest_decision__in=[Decision.MAINTAIN, Decision.ADAPT])
            | (Q(latest_decision__isnull=True) & ~Q(status=ActionStatus.ABANDONED))
        )
        .order_by("title", "id")
    )


# --- Questionings ----------------------------------------------------------------------------------------------


def cycle_questionings(cycle: Cycle) -> list[Questioning]:
    return list(Questioning.objects.filter(cycle=cycle).select_related("transformation", "factor", "objective"))


def questioning_detail(questioning: Questioning) -> Questioning:
    """The questioning with the plan's records it changed (`transformation_list`, `objective_list`,
    `action_list`)."""
    return (
        Questioning.objects.filter(pk=questioning.pk)
        .select_related("transformation", "factor", "objective")
        .prefetch_related(
            Prefetch("changed_transformations", queryset=DesiredChange.objects.all(), to_attr="transformation_list"),
            Prefetch("changed_objectives", queryset=Objective.objects.all(), to_attr="objective_list"),
            Prefetch("changed_actions", queryset=Action.objects.order_by("title"), to_attr="action_list"),
        )
        .get()
    )


def cycle_objectives(cycle: Cycle) -> QuerySet[Objective]:
    return Objective.objects.filter(cycle=cycle)


def cycle_actions(cycle: Cycle) -> QuerySet[Action]:
    return Action.objects.filter(cycle=cycle).order_by("title", "id")


def cycle_factors(cycle: Cycle) -> QuerySet[ProtectiveFactor]:
    """The protective factors the cycle works on: those it selected, its objectives' and its transformations'."""
    return ProtectiveFactor.objects.filter(
        Q(selections__cycle=cycle) | Q(objectives__cycle=cycle) | Q(transformations__objective__cycle=cycle)
    ).distinct()


# --- The evaluation summary of a cycle -------------------------------------------------------------------------


@dataclass
class Summary:
    """What the cycle's evaluation summary shows: the objectives with their transformations (`transformation_list`,
    each with its `indicator_rows`: first and last measurements against the baseline and the targets), every
    action with its decisions (`decision_list`, oldest review first), and the partnership's diagnostic rounds
    compiled (`diagnostic.selectors.RoundResults`, oldest first)."""

    objectives: list[Objective]
    actions: list[Action]
    diagnostic: list


def cycle_summary(cycle: Cycle, today: datetime.date) -> Summary:
    """A fixed number of queries whatever the size of the plan."""
    return Summary(
        objectives=summary_objectives(cycle, today),
        actions=with_decisions(list(summary_actions(cycle))),
        diagnostic=summary_diagnostic(cycle),
    )


def summary_objectives(cycle: Cycle, today: datetime.date) -> list[Objective]:
    """The cycle's objectives, each with its transformations (`transformation_list`), each with its
    `indicator_rows`: five queries whatever the size of the plan."""
    transformations = Prefetch(
        "transformations",
        queryset=DesiredChange.objects.order_by(*DesiredChange._meta.ordering),
        to_attr="transformation_list",
    )
    objectives = list(Objective.objects.filter(cycle=cycle).prefetch_related(transformations))
    indicators: dict[int, list[IndicatorRow]] = defaultdict(list)
    for row in dashboard_rows(cycle, today):
        indicators[row.indicator.transformation_id].append(row)
    for objective in objectives:
        for transformation in objective.transformation_list:
            transformation.indicator_rows = indicators[transformation.pk]
    return objectives


def summary_actions(cycle: Cycle) -> QuerySet[Action]:
    """The cycle's actions in the order of their titles, with what the summary shows of each and no more: a cycle
    has hundreds of them. To be paged, then given their decisions by `with_decisions`."""
    return Action.objects.filter(cycle=cycle).only("cycle_id", "title", "status").order_by("title", "id")


def with_decisions(actions: list[Action]) -> list[Action]:
    """Each action with the decisions of the reviews on it (`decision_list`, oldest review first): one query."""
    decisions: dict[int, list[ActionDecision]] = defaultdict(list)
    for decision in (
        ActionDecision.objects.filter(action__in=[action.pk for action in actions])
        .select_related("review")
        .only("action_id", "review__period_end", "decision", "reason", "applied_at")
        .order_by("review__period_end", "review_id", "id")
    ):
        decisions[decision.action_id].append(decision)
    for action in actions:
        action.decision_list = decisions[action.pk]
    return actions


def summary_diagnostic(cycle: Cycle) -> list:
    """The partnership's diagnostic rounds compiled (`diagnostic.selectors.RoundResults`, oldest first)."""
    return list(partnership_results(partnership=cycle.partnership).values())


def measurements_of_cycle(cycle: Cycle) -> list[Measurement]:
    """Every measurement of the cycle's indicators, indicator by indicator, with its indicator (one query)."""
    return list(
        Measurement.objects.filter(indicator__transformation__objective__cycle=cycle)
        .select_related("indicator")
        .order_by("indicator__transformation__objective__position", "indicator_id", "measured_on", "id")
    )
