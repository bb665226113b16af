"""Two cycles of a partnership side by side: their plans matched through `origin` (what the next cycle copied
from the earlier one), the indicators' baseline, last value and last target in each, the actions carried, dropped
and new, and the budget of each cycle. A fixed number of queries, whatever the size of the plans."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from core.systems import system_rank
from partnerships.models import Partnership
from plan.links import label_actions
from plan.models import Action, BudgetLine, BudgetStatus, DesiredChange, Indicator
from priorities.models import Objective

from .models import Cycle
from .seeding import indicators_with_last_measurement


@dataclass
class Pair:
    """The same record in each cycle: `later` was copied (perhaps through the cycles between) from `earlier`;
    either is None when the record is in one cycle only."""

    earlier: object | None
    later: object | None
    children: list["Pair"] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.later or self.earlier)

    @property
    def sides(self) -> tuple[object | None, object | None]:
        return (self.earlier, self.later)


@dataclass(frozen=True)
class Budget:
    confirmed: Decimal
    requested: Decimal

    @property
    def total(self) -> Decimal:
        return self.confirmed + self.requested


@dataclass
class Comparison:
    earlier: Cycle
    later: Cycle
    objectives: list[Pair]
    carried: list[Pair]
    dropped: list[Action]
    new: list[Action]
    budgets: tuple[Budget, Budget]

    @property
    def sides(self) -> list[tuple[Cycle, Budget]]:
        return [(self.earlier, self.budgets[0]), (self.later, self.budgets[1])]


def _origins(model, partnership) -> dict[int, int | None]:
    """Every record of the kind in the partnership and the record it was copied from: one query of two columns, so
    that records several cycles apart are matched too."""
    return dict(model.objects.for_partnership(partnership).values_list("pk", "origin_id"))


def _pairs(earlier: Iterable, later: Iterable, origins: dict[int, int | None]) -> list[Pair]:
    """The earlier records in their order, each with its copy among `later`, then the later records copied from
    none of them."""
    earlier_by_pk = {record.pk: record for record in earlier}
    pairs = {pk: Pair(earlier=record, later=None) for pk, record in earlier_by_pk.items()}
    new = []
    for record in later:
        ancestor = origins.get(record.pk)
        while ancestor is not None and ancestor not in earlier_by_pk:
            ancestor = origins.get(ancestor)
        if ancestor is not None and pairs[ancestor].later is None:
            pairs[ancestor].later = record
        else:
            new.append(Pair(earlier=None, later=record))
    return [*pairs.values(), *new]


def _children(records: Iterable, parent_attr: str) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for record in records:
        grouped.setdefault(getattr(record, parent_attr), []).append(record)
    return grouped


def _with_last_target(indicators: QuerySet[Indicator]) -> list[Indicator]:
    """Each indicator with `last_target`, its target of the latest date (the cycle's end point), or None."""
    found = list(indicators.prefetch_related("targets"))
    for indicator in found:
        targets = list(indicator.targets.all())
        indicator.last_target = targets[-1] if targets else None  # targets are ordered by date
    return found


def _budget(cycle: Cycle, totals: dict) -> Budget:
    row = totals.get(cycle.pk, {})
    return Budget(confirmed=row.get("confirmed") or Decimal("0"), requested=row.get("requested") or Decimal("0"))


def compare(*, first: Cycle, second: Cycle, partnership: Partnership) -> Comparison:
    earlier, later = sorted((first, second), key=lambda cycle: (cycle.starts_on, cycle.pk))
    cycles = (earlier, later)
    objectives = Objective.objects.filter(cycle__in=cycles).order_by("position", "pk")
    transformations = DesiredChange.objects.filter(objective__cycle__in=cycles).order_by(system_rank(), "pk")
    indicators = _children(_with_last_target(indicators_with_last_measurement(cycles)), "transformation_id")
    by_objective = _children(transformations, "objective_id")
    origins = {model: _origins(model, partnership) for model in (Objective, DesiredChange, Indicator, Action)}

    def side(records: Iterable, cycle: Cycle, attr: str = "cycle_id") -> list:
        return [record for record in records if getattr(record, attr) == cycle.pk]

    objective_pairs = _pairs(side(objectives, earlier), side(objectives, later), origins[Objective])
    for pair in objective_pairs:
        pair.children = _pairs(
            by_objective.get(getattr(pair.earlier, "pk", None), []),
            by_objective.get(getattr(pair.later, "pk", None), []),
            origins[DesiredChange],
        )
        for transformation in pair.children:
            transformation.children = _pairs(
                indicators.get(getattr(transformation.earlier, "pk", None), []),
                indicators.get(getattr(transformation.later, "pk", None), []),
                origins[Indicator],
            )
    actions = list(
        Action.objects.filter(cycle__in=cycles)
        .select_related("lead")
        .only("cycle_id", "title", "status", "lead__name")
        .order_by("title", "pk")
    )
    earlier_actions, later_actions = side(actions, earlier), side(actions, later)
    label_actions(earlier_actions, slug=partnership.slug, cycle_pk=earlier.pk)
    label_actions(later_actions, slug=partnership.slug, cycle_pk=later.pk)
    action_pairs = _pairs(earlier_actions, later_actions, origins[Action])
    totals = {
        row["action__cycle_id"]: row
        for row in BudgetLine.objects.filter(action__cycle__in=cycles)
        .values("action__cycle_id")
        .annotate(
            confirmed=Sum("amount", filter=Q(status=BudgetStatus.CONFIRMED)),
            requested=Sum("amount", filter=Q(status=BudgetStatus.REQUESTED)),
        )
    }
    return Comparison(
        earlier=earlier,
        later=later,
        objectives=objective_pairs,
        carried=[pair for pair in action_pairs if pair.earlier and pair.later],
        dropped=[pair.earlier for pair in action_pairs if pair.later is None],
        new=[pair.later for pair in action_pairs if pair.earlier is None],
        budgets=(_budget(earlier, totals), _budget(later, totals)),
    )
