"""What the plan still lacks (Outil 10), each gap with the form that fills it. Read from the loaded plan: no
query of its own."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import partial

from django.urls import reverse
from django.utils.translation import gettext as _

from core.systems import System
from factors.models import ProtectiveFactor

from .models import BudgetStatus
from .money import money
from .selectors import Plan

CONFIRMED, REQUESTED = BudgetStatus.CONFIRMED.value, BudgetStatus.REQUESTED.value


class GapKind(StrEnum):
    NO_TRANSFORMATION = "no_transformation"
    NO_INDICATOR = "no_indicator"
    NO_ACTION = "no_action"
    NO_BASELINE = "no_baseline"
    NO_TARGET = "no_target"
    NO_LEAD = "no_lead"
    NO_DATES = "no_dates"
    NO_BUDGET = "no_budget"
    NO_FOLLOW_UP = "no_follow_up"
    FACTOR_UNTOUCHED = "factor_untouched"
    YEAR_UNFUNDED = "year_unfunded"


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    label: str
    url: str
    objectives: frozenset[int] = frozenset()  # the objectives it concerns, which Outil 10 counts it under


def plan_gaps(plan: Plan, slug: str) -> list[Gap]:
    url = _urls(slug, plan.cycle.pk)
    return [
        *_objective_gaps(plan, url),
        *_transformation_gaps(plan, url),
        *_indicator_gaps(plan, url),
        *_action_gaps(plan, url),
        *_factor_gaps(plan, url),
        *_budget_gaps(plan, url),
    ]


def _urls(slug: str, cycle_pk: int) -> Callable[..., str]:
    def make(name: str, query: str = "", **kwargs) -> str:
        address = reverse(f"plan:{name}", kwargs={"slug": slug, "cycle_pk": cycle_pk, **kwargs})
        return f"{address}?{query}" if query else address

    return make


def _objective_gaps(plan: Plan, url) -> list[Gap]:
    gaps = []
    for objective in plan.objectives:
        present = {t.system for t in objective.plan_transformations}
        for code, label in System.choices:
            if code not in present:
                text = _("L'objectif « %(objective)s » n'a pas de transformation pour le système %(system)s.")
                gaps.append(
                    Gap(
                        GapKind.NO_TRANSFORMATION,
                        text % {"objective": objective.title, "system": label},
                        url("transformation_create", f"objectif={objective.pk}&systeme={code}"),
                        frozenset({objective.pk}),
                    )
                )
    return gaps


def _transformation_gaps(plan: Plan, url) -> list[Gap]:
    gaps = []
    for transformation in plan.transformations:
        name = {"transformation": _short(transformation.statement), "system": transformation.get_system_display()}
        objective = frozenset({transformation.objective_id})
        if not transformation.indicator_list:
            gaps.append(
                Gap(
                    GapKind.NO_INDICATOR,
                    _("La transformation « %(transformation)s » (%(system)s) n'a pas d'indicateur.") % name,
                    url("indicator_create", transformation_pk=transformation.pk),
                    objective,
                )
            )
        if not plan.actions_by_transformation.get(transformation.pk):
            gaps.append(
                Gap(
                    GapKind.NO_ACTION,
                    _("La transformation « %(transformation)s » (%(system)s) n'a pas d'action.") % name,
                    url("action_create", f"transformation={transformation.pk}"),
                    objective,
                )
            )
    return gaps


def _indicator_gaps(plan: Plan, url) -> list[Gap]:
    gaps = []
    for transformation in plan.transformations:
        objective = frozenset({transformation.objective_id})
        for indicator in transformation.indicator_list:
            name = {"indicator": indicator.name}
            if not indicator.has_baseline:
                gaps.append(
                    Gap(
                        GapKind.NO_BASELINE,
                        _("L'indicateur « %(indicator)s » n'a pas de valeur de départ.") % name,
                        url("indicator_edit", indicator_pk=indicator.pk),
                        objective,
                    )
                )
            if not indicator.target_list:
                gaps.append(
                    Gap(
                        GapKind.NO_TARGET,
                        _("L'indicateur « %(indicator)s » n'a pas de cible.") % name,
                        url("targets", indicator_pk=indicator.pk),
                        objective,
                    )
                )
    return gaps


def _action_gaps(plan: Plan, url) -> list[Gap]:
    gaps = []
    for action in plan.actions:
        name = {"action": action.title}
        edit = partial(url, "action_edit", action_pk=action.pk)  # reversed only for a gap: most actions have none
        objectives = frozenset(t.objective_id for t in action.transformation_list if t.objective_id)
        if action.lead_id is None:
            text = _("L'action « %(action)s » n'a pas d'organisme porteur.") % name
            gaps.append(Gap(GapKind.NO_LEAD, text, edit(), objectives))
        if action.starts_on is None or action.ends_on is None:
            text = _("L'action « %(action)s » n'a pas de dates.") % name
            gaps.append(Gap(GapKind.NO_DATES, text, edit(), objectives))
        if not action.budget_list:
            text = _("L'action « %(action)s » n'a pas de budget.") % name
            gaps.append(Gap(GapKind.NO_BUDGET, text, url("budget", action_pk=action.pk), objectives))
        if not action.follow_up:
            text = _("L'action « %(action)s » n'a pas de calendrier de suivi.") % name
            gaps.append(Gap(GapKind.NO_FOLLOW_UP, text, edit(), objectives))
    return gaps


def untouched_factors(plan: Plan) -> list[ProtectiveFactor]:
    """The factors selected in Outil 8 that no transformation works on."""
    worked_on = {factor.pk for t in plan.transformations for factor in t.factor_list}
    return [factor for factor in plan.selected_factors if factor.pk not in worked_on]


def _factor_gaps(plan: Plan, url) -> list[Gap]:
    return [
        Gap(
            GapKind.FACTOR_UNTOUCHED,
            _("Le facteur retenu « %(factor)s » n'est visé par aucune transformation.") % {"factor": factor.name},
            url("home") + "#facteurs",
        )
        for factor in untouched_factors(plan)
    ]


def budget_by_year(plan: Plan) -> dict[int, dict[str, Decimal]]:
    """{year: {"confirmed": sum, "requested": sum}}, keyed by the plain codes (hashing a choice is slower)."""
    years: dict[int, dict[str, Decimal]] = {}
    for line in plan.budget_lines:
        sums = years.setdefault(line.year, {CONFIRMED: Decimal("0"), REQUESTED: Decimal("0")})
        sums[str(line.status)] += line.amount
    return dict(sorted(years.items()))


def _budget_gaps(plan: Plan, url) -> list[Gap]:
    text = _("En %(year)s, le budget demandé (%(requested)s) dépasse le budget confirmé (%(confirmed)s).")
    return [
        Gap(
            GapKind.YEAR_UNFUNDED,
            text
            % {
                "year": year,
                "requested": money(sums[REQUESTED]),
                "confirmed": money(sums[CONFIRMED]),
            },
            url("overview") + "#budget",
        )
        for year, sums in budget_by_year(plan).items()
        if sums[REQUESTED] > sums[CONFIRMED]
    ]


def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
