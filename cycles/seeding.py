"""A cycle's evaluation seeds the next cycle: what `cycles.services.cycle_start_next` copies, and its preview.

Copied, each copy naming the record it comes from in `origin` (the chain shows the link both ways):
- the objectives, with their protective factors (their priorities are the old cycle's choice, not copied: the new
  cycle chooses its own in step 2);
- their desired transformations, with factors, lead and partners;
- the indicators, whose baseline becomes their last measurement (Outil 12, latest by date: value, date and source;
  the statistic the old baseline cited no longer describes it), or stays the old baseline if nothing was measured;
- the targets dated after the new cycle's start (the others belong to the old cycle);
- the carried actions (`evaluation.selectors.carried_actions`: maintained or adapted by the latest applied
  decision of a review, or without a decision and not abandoned), status back to "planned", with their
  transformations, factors, services, lead and partners; their dates kept to the new cycle (a start before it
  moves to its first day, an end before that is dropped); the milestones dated after the new start, not reached;
  the budget lines of a year of the new cycle (the years before it are the old cycle's money).
Nothing of the old cycle is changed.
"""

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils.translation import gettext as _

from accounts.models import User
from core.saving import create_all
from core.text import long_date
from evaluation.models import Measurement
from evaluation.selectors import carried_actions
from plan.models import Action, ActionPartner, ActionStatus, BudgetLine, DesiredChange, Indicator, Milestone, Target
from plan.selectors import cycle_years
from priorities.models import Objective

from .models import Cycle

# --- The next cycle's dates and name ---------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def next_dates(cycle: Cycle) -> tuple[datetime.date, datetime.date]:
    """The day after `cycle` ends, and an end giving the new cycle the same length: in whole months when the old
    cycle lasted whole months (April 1 to March 31), in days otherwise."""
    starts_on = cycle.ends_on + datetime.timedelta(days=1)
    following = cycle.ends_on + datetime.timedelta(days=1)
    months = (following.year - cycle.starts_on.year) * 12 + following.month - cycle.starts_on.month
    if following.day == cycle.starts_on.day and months > 0:
        return starts_on, add_months(starts_on, months) - datetime.timedelta(days=1)
    return starts_on, starts_on + (cycle.ends_on - cycle.starts_on)


def next_name(cycle: Cycle, starts_on: datetime.date) -> str:
    """The old name with its years moved on by as many years as the new cycle starts later ("Plan 2025-2028" →
    "Plan 2028-2031"); a name without a year is left for the person to write."""
    shift = starts_on.year - cycle.starts_on.year
    if not shift or not re.search(r"\b(19|20)\d\d\b", cycle.name):
        return ""
    return re.sub(r"\b(?:19|20)\d\d\b", lambda year: str(int(year.group()) + shift), cycle.name)


def check_next_cycle(*, cycle: Cycle, starts_on: datetime.date) -> None:
    """The rules of a next cycle, raised as ValidationError({field: message}): `cycle` is continued once, and the
    new cycle starts after every cycle of the partnership, so that it is the current cycle (the one that started
    last)."""
    following = Cycle.objects.filter(origin=cycle).first()
    if following is not None:
        raise ValidationError(
            _("Le cycle « %(cycle)s » a déjà un cycle suivant : « %(next)s ».")
            % {"cycle": cycle.name, "next": following.name}
        )
    latest = Cycle.objects.filter(partnership_id=cycle.partnership_id).order_by("-starts_on", "-id").first()
    if starts_on <= latest.starts_on:
        raise ValidationError(
            {
                "starts_on": _(
                    "Le cycle suivant doit commencer après le début du cycle le plus récent, « %(cycle)s » "
                    "(le %(date)s) : c'est lui qui deviendra le cycle en cours."
                )
                % {"cycle": latest.name, "date": long_date(latest.starts_on)}
            }
        )


# --- What is copied --------------------------------------------------------------------------------------------


def _last_measurement(field: str) -> Subquery:
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-measured_on", "-id")
    return Subquery(latest.values(field)[:1])


def indicators_with_last_measurement(cycles: Cycle | Iterable[Cycle]) -> QuerySet[Indicator]:
    """The indicators of a cycle (or of several), each with its last measurement's value, date and source."""
    cycles = [cycles] if isinstance(cycles, Cycle) else list(cycles)
    return (
        Indicator.objects.filter(transformation__objective__cycle__in=cycles)
        .annotate(
            last_value=_last_measurement("value"),
            last_measured_on=_last_measurement("measured_on"),
            last_source=_last_measurement("source"),
        )
        .order_by("pk")
    )


def _carried(cycle: Cycle) -> QuerySet[Action]:
    return carried_actions(cycle).prefetch_related(
        "transformations", "factors", "services", "partners", "milestones", "budget_lines"
    )


@dataclass(frozen=True)
class Preview:
    """What starting the next cycle on `starts_on` would copy, counted, and the actions it leaves behind."""

    objectives: int
    transformations: int
    indicators: int
    new_baselines: int  # indicators whose baseline becomes their last measurement
    targets: int
    targets_left: int
    actions: list[Action]
    actions_left: list[Action]
    milestones: int
    budget_lines: int


def preview(*, cycle: Cycle, starts_on: datetime.date, ends_on: datetime.date) -> Preview:
    """A fixed handful of queries, whatever the size of the plan: the actions by their titles only, and what would
    be copied with them counted by the database (a plan of 200 actions would otherwise load their six lists)."""
    indicators = list(indicators_with_last_measurement(cycle).prefetch_related("targets"))
    targets = [target for indicator in indicators for target in indicator.targets.all()]
    carried = list(carried_actions(cycle).only("title").order_by("title", "pk"))
    carried_pks = {action.pk for action in carried}
    of_carried = carried_actions(cycle).values("pk")
    years = cycle_years(Cycle(starts_on=starts_on, ends_on=ends_on))
    return Preview(
        objectives=Objective.objects.filter(cycle=cycle).count(),
        transformations=DesiredChange.objects.filter(objective__cycle=cycle).count(),
        indicators=len(indicators),
        new_baselines=sum(indicator.last_value is not None for indicator in indicators),
        targets=sum(target.date > starts_on for target in targets),
        targets_left=sum(target.date <= starts_on for target in targets),
        actions=carried,
        actions_left=[
            action for action in Action.objects.filter(cycle=cycle).only("title") if action.pk not in carried_pks
        ],
        milestones=Milestone.objects.filter(action__in=of_carried, date__gt=starts_on).count(),
        budget_lines=BudgetLine.objects.filter(action__in=of_carried, year__in=years).count(),
    )


class _Copier:
    """Copies the old cycle's plan into the new one, kind by kind, in a few inserts per kind whatever the size of
    the plan (core.saving.create_all); `copies[Model][old pk]` is the copy of each record."""

    def __init__(self, *, old: Cycle, new: Cycle, by: User | None) -> None:
        self.old, self.new, self.by = old, new, by
        self.reason = _("Copié du cycle « %(cycle)s » au début du cycle suivant") % {"cycle": old.name}
        self.copies: dict[type, dict[int, object]] = {}

    def create(self, records: list, links: list[dict[str, Iterable]] | None = None) -> None:
        """One history entry per copy, naming who started the cycle and why."""
        create_all(records, links=links, reason=self.reason, user=self.by)

    def copied(self, pairs: list[tuple], links: list[dict[str, Iterable]] | None = None) -> None:
        """`pairs` of (original, copy): each copy names its original and is created."""
        for original, copy in pairs:
            copy.origin = original
        self.create([copy for _original, copy in pairs], links)
        for original, copy in pairs:
            self.copies.setdefault(type(original), {})[original.pk] = copy

    def run(self) -> None:
        self.objectives()
        self.transformations()
        self.indicators()
        self.actions()

    def objectives(self) -> None:
        old = list(Objective.objects.filter(cycle=self.old).prefetch_related("factors").order_by("pk"))
        pairs = [
            (o, Objective(cycle=self.new, title=o.title, description=o.description, position=o.position)) for o in old
        ]
        self.copied(pairs, links=[{"factors": o.factors.all()} for o in old])

    def transformations(self) -> None:
        objectives = self.copies.get(Objective, {})
        old = DesiredChange.objects.filter(objective__cycle=self.old).prefetch_related("factors", "partners")
        old = list(old.order_by("pk"))
        pairs = [
            (
                t,
                DesiredChange(
                    objective=objectives[t.objective_id], system=t.system, statement=t.statement, lead_id=t.lead_id
                ),
            )
            for t in old
        ]
        self.copied(pairs, links=[{"factors": t.factors.all(), "partners": t.partners.all()} for t in old])

    def indicators(self) -> None:
        transformations = self.copies.get(DesiredChange, {})
        future = Prefetch("targets", queryset=Target.objects.filter(date__gt=self.new.starts_on).order_by("date"))
        old = list(indicators_with_last_measurement(self.old).prefetch_related(future))
        pairs = []
        for indicator in old:
            copy = Indicator(
                transformation=transformations[indicator.transformation_id],
                **{field: getattr(indicator, field) for field in INDICATOR_FIELDS},
            )
            if indicator.last_value is not None:
                copy.baseline_value, copy.baseline_date = indicator.last_value, indicator.last_measured_on
                copy.baseline_source = indicator.last_source or indicator.data_source
                copy.baseline_statistic = None
            pairs.append((indicator, copy))
        self.copied(pairs)
        self.create(
            [
                Target(indicator=copy, value=t.value, date=t.date)
                for original, copy in pairs
                for t in original.targets.all()
            ]
        )

    def actions(self) -> None:
        transformations = self.copies.get(DesiredChange, {})
        old = list(_carried(self.old).order_by("pk"))
        pairs = [
            (
                action,
                Action(
                    cycle=self.new,
                    status=ActionStatus.PLANNED,
                    **{field: getattr(action, field) for field in ACTION_FIELDS},
                    **self.action_dates(action),
                ),
            )
            for action in old
        ]
        links = [
            {
                "transformations": [transformations[t.pk] for t in action.transformations.all()],
                "factors": action.factors.all(),
                "services": action.services.all(),
            }
            for action in old
        ]
        self.copied(pairs, links=links)
        self.action_rows(pairs)

    def action_dates(self, action: Action) -> dict:
        starts_on = max(action.starts_on, self.new.starts_on) if action.starts_on else None
        ends_on = action.ends_on if action.ends_on and action.ends_on >= (starts_on or self.new.starts_on) else None
        return {"starts_on": starts_on, "ends_on": ends_on}

    def action_rows(self, pairs: list[tuple[Action, Action]]) -> None:
        years = set(cycle_years(self.new))
        self.create(
            [
                ActionPartner(action=copy, **{field: getattr(part, field) for field in PARTNER_FIELDS})
                for action, copy in pairs
                for part in action.partners.all()
            ]
        )
        self.create(
            [
                Milestone(action=copy, title=milestone.title, date=milestone.date, done=False)
                for action, copy in pairs
                for milestone in action.milestones.all()
                if milestone.date > self.new.starts_on
            ]
        )
        self.create(
            [
                BudgetLine(action=copy, **{field: getattr(line, field) for field in BUDGET_FIELDS})
                for action, copy in pairs
                for line in action.budget_lines.all()
                if line.year in years
            ]
        )


INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "polarity",
    "data_source",
    "collection_tool",
    "frequency",
    "baseline_value",
    "baseline_date",
    "baseline_source",
    "baseline_statistic_id",
)
ACTION_FIELDS = (
    "title",
    "description",
    "clienteles",
    "territory",
    "lead_id",
    "human_resources",
    "material_resources",
    "follow_up",
)
PARTNER_FIELDS = ("organization_id", "role", "contribution_in_kind", "contribution_money")
BUDGET_FIELDS = ("year", "funder_id", "amount", "status", "nature")


def seed(*, old: Cycle, new: Cycle, by: User | None) -> None:
    _Copier(old=old, new=new, by=by).run()
