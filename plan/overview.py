"""Outil 10, the whole plan on one page: objectives × systems × transformations × actions, filtered; the timeline
of the actions and their milestones over the cycle's years; the budget totals; the completeness check. All of it
read from the plan loaded once (selectors.plan_of): the page's queries do not grow with the plan."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.systems import System

from .completeness import Gap, plan_gaps
from .links import label_actions
from .models import Action, BudgetLine, BudgetStatus, DesiredChange
from .selectors import Plan

CONFIRMED = BudgetStatus.CONFIRMED.value


@dataclass(frozen=True)
class Filters:
    system: str = ""
    organization_id: int | None = None
    funder_id: int | None = None
    status: str = ""

    @property
    def on_actions(self) -> bool:
        return bool(self.organization_id or self.funder_id or self.status)

    def keeps(self, action: Action) -> bool:
        if self.status and action.status != self.status:
            return False
        if self.organization_id and self.organization_id not in _organizations(action):
            return False
        return not self.funder_id or any(line.funder_id == self.funder_id for line in action.budget_list)

    def keeps_line(self, line: BudgetLine) -> bool:
        return not self.funder_id or line.funder_id == self.funder_id


def _organizations(action: Action) -> set[int]:
    return {action.lead_id, *(part.organization_id for part in action.partner_list)} - {None}


@dataclass
class TransformationRow:
    transformation: DesiredChange
    actions: list[Action]


@dataclass
class ObjectiveBlock:
    objective: object
    rows: list[TransformationRow]


# --- Timeline --------------------------------------------------------------------------------------------------

WIDTH = 900
ROW_HEIGHT = 22
AXIS_HEIGHT = 24


@dataclass(frozen=True)
class Mark:
    """A milestone: a diamond on its action's bar, `y` its top and `cy` the centre it turns around."""

    x: float
    y: int
    cy: int
    label: str
    date: str  # ISO, as the table beside the drawing shows it
    done: bool


@dataclass(frozen=True)
class Bar:
    """An action from its start to its end; the drawing and the table read the same values, ready to write (a
    page of 200 actions would otherwise format each date and sum each coordinate in the template)."""

    action: Action
    y: int
    x: float
    width: float
    starts: str
    ends: str
    marks: list[Mark]
    label: str  # the title, shortened to fit beside the bar
    label_x: int
    label_y: int


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    undated: list[Action]


def _shortened(title: str, length: int = 70) -> str:
    """The title beside its bar; Truncator only for the long ones (it normalizes every title it reads)."""
    return title if len(title) < length else Truncator(title).chars(length)


def timeline(actions: list[Action], start: datetime.date, end: datetime.date) -> Timeline:
    span = max((end - start).days, 1)

    def x(day: datetime.date) -> float:
        clamped = min(max(day, start), end)
        return round((clamped - start).days / span * WIDTH, 1)

    dated = [a for a in actions if a.starts_on and a.ends_on]
    dated.sort(key=lambda a: (a.starts_on, a.title))

    def bar(index: int, action: Action) -> Bar:
        y = AXIS_HEIGHT + index * ROW_HEIGHT
        return Bar(
            action=action,
            y=y,
            x=x(action.starts_on),
            width=max(x(action.ends_on) - x(action.starts_on), 2),
            starts=action.starts_on.isoformat(),
            ends=action.ends_on.isoformat(),
            marks=[
                Mark(x=x(m.date), y=y + 2, cy=y + 6, label=m.title, date=m.date.isoformat(), done=m.done)
                for m in action.milestone_list
            ],
            label=_shortened(action.title),
            label_x=int(x(action.starts_on)) + 14,
            label_y=y + 11,
        )

    bars = [bar(index, action) for index, action in enumerate(dated)]
    ticks = [Tick(x=x(datetime.date(year, 1, 1)), label=str(year)) for year in range(start.year, end.year + 1)]
    return Timeline(
        width=WIDTH,
        height=AXIS_HEIGHT + len(bars) * ROW_HEIGHT + 4,
        bars=bars,
        ticks=ticks,
        undated=[a for a in actions if not (a.starts_on and a.ends_on)],
    )


# --- Budget ----------------------------------------------------------------------------------------------------


@dataclass
class Total:
    label: str
    confirmed: Decimal = Decimal("0")
    requested: Decimal = Decimal("0")

    @property
    def total(self) -> Decimal:
        return self.confirmed + self.requested

    @property
    def short(self) -> bool:
        return self.requested > self.confirmed

    def add(self, line: BudgetLine) -> None:
        if line.status == CONFIRMED:
            self.confirmed += line.amount
        else:
            self.requested += line.amount


@dataclass
class BudgetTable:
    caption: str
    heading: str
    rows: list[Total] = field(default_factory=list)


def budget_tables(lines: list[tuple[Action, BudgetLine]]) -> tuple[Total, list[BudgetTable]]:
    """The grand total and the five tables, in one pass over the lines (a plan has hundreds of them, and each
    counts in every table)."""
    grand = Total(label=_("Total"))
    keys = _action_keys({id(action): action for action, _line in lines}.values())
    totals: list[dict[str, Total]] = [{} for _table in range(5)]
    for action, line in lines:
        grand.add(line)
        of_action = keys[id(action)]
        labels = ([str(line.year)], [line.funder.name], of_action.objectives, of_action.systems, of_action.lead)
        for table, names in zip(totals, labels, strict=True):
            for name in names:
                (table.get(name) or table.setdefault(name, Total(label=name))).add(line)
    headings = [
        (_("Budget par année"), _("Année")),
        (_("Budget par bailleur"), _("Bailleur")),
        (_("Budget par objectif"), _("Objectif")),
        (_("Budget par système"), _("Système")),
        (_("Budget par organisme porteur"), _("Organisme")),
    ]
    tables = [
        BudgetTable(caption=caption, heading=heading, rows=[table[name] for name in sorted(table)])
        for (caption, heading), table in zip(headings, totals, strict=True)
    ]
    return grand, tables


@dataclass(frozen=True)
class _ActionKeys:
    objectives: list[str]
    systems: list[str]
    lead: list[str]


def _action_keys(actions: Iterable[Action]) -> dict[int, _ActionKeys]:
    """Where each action's lines count in the tables by objective, system and lead: once per action, not per
    line and table."""
    systems = {code: str(label) for code, label in System.choices}
    no_objective, no_system, no_lead = _("Sans objectif"), _("Sans système"), _("Sans organisme porteur")
    keys = {}
    for action in actions:
        codes = {t.system for t in action.transformation_list}
        keys[id(action)] = _ActionKeys(
            objectives=sorted({t.objective.title for t in action.transformation_list}) or [no_objective],
            systems=[systems[c] for c in System.values if c in codes] or [no_system],
            lead=[action.lead.name if action.lead else no_lead],
        )
    return keys


# --- The page --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    blocks: list[ObjectiveBlock]
    actions: list[Action]
    timeline: Timeline
    grand_total: Total
    budget: list[BudgetTable]
    gaps: list[Gap]


def overview(plan: Plan, filters: Filters, *, slug: str) -> Overview:
    kept = [a for a in plan.actions if filters.keeps(a)]
    label_actions(kept, slug=slug, cycle_pk=plan.cycle.pk)
    kept_ids = {a.pk for a in kept}
    blocks = []
    for objective in plan.objectives:
        rows = []
        for transformation in objective.plan_transformations:
            if filters.system and transformation.system != filters.system:
                continue
            serving = [a for a in plan.actions_by_transformation.get(transformation.pk, []) if a.pk in kept_ids]
            if filters.on_actions and not serving:
                continue
            rows.append(TransformationRow(transformation=transformation, actions=serving))
        if rows or not (filters.system or filters.on_actions):
            blocks.append(ObjectiveBlock(objective=objective, rows=rows))
    if filters.system:
        kept = [a for a in kept if any(t.system == filters.system for t in a.transformation_list)]
    lines = [(a, line) for a in kept for line in a.budget_list if filters.keeps_line(line)]
    grand, tables = budget_tables(lines)
    return Overview(
        blocks=blocks,
        actions=kept,
        timeline=timeline(kept, plan.cycle.starts_on, plan.cycle.ends_on),
        grand_total=grand,
        budget=tables,
        gaps=plan_gaps(plan, slug),
    )


# --- The page's summary and its one objective in detail ----------------------------------------------------------
# A plan of 200 actions written whole made Outil 10 the slowest page; the page shows each objective in a line and
# one objective's actions at a time (the plan's document keeps the whole plan, from `overview`).


@dataclass(frozen=True)
class SystemTransformations:
    system: str
    label: str
    transformations: list[DesiredChange]


@dataclass(frozen=True)
class ObjectiveSummary:
    """One objective in a line: its transformations by system, its actions kept by the filters, their budget and
    the plan's gaps that concern it."""

    block: ObjectiveBlock
    systems: list[SystemTransformations]
    actions: int
    budget: Decimal
    gaps: int


def objective_summaries(result: Overview, filters: Filters) -> list[ObjectiveSummary]:
    gaps_by_objective: dict[int, int] = {}
    for gap in result.gaps:
        for objective_id in gap.objectives:
            gaps_by_objective[objective_id] = gaps_by_objective.get(objective_id, 0) + 1
    codes = [(code, str(label)) for code, label in System.choices if not filters.system or code == filters.system]
    summaries = []
    for block in result.blocks:
        actions = {a.pk: a for row in block.rows for a in row.actions}.values()
        transformations = block.objective.plan_transformations
        summaries.append(
            ObjectiveSummary(
                block=block,
                systems=[
                    SystemTransformations(code, label, [t for t in transformations if t.system == code])
                    for code, label in codes
                ],
                actions=len(actions),
                budget=sum(
                    (line.amount for a in actions for line in a.budget_list if filters.keeps_line(line)),
                    Decimal("0"),
                ),
                gaps=gaps_by_objective.get(block.objective.pk, 0),
            )
        )
    return summaries


@dataclass(frozen=True)
class Detail:
    """The objective shown in full, and its neighbours for the links "previous" and "next"."""

    block: ObjectiveBlock | None
    previous: ObjectiveBlock | None
    following: ObjectiveBlock | None


def objective_detail(blocks: list[ObjectiveBlock], wanted: str | None) -> Detail:
    """The objective asked for in the address (`?objectif=<pk>`), the first one otherwise."""
    keys = [str(block.objective.pk) for block in blocks]
    if not blocks:
        return Detail(None, None, None)
    index = keys.index(wanted) if wanted in keys else 0
    return Detail(
        block=blocks[index],
        previous=blocks[index - 1] if index > 0 else None,
        following=blocks[index + 1] if index + 1 < len(blocks) else None,
    )
