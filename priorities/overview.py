"""Outil 8 at a glance: what the group has decided so far, and what is still missing."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from analysis.selectors import OriginGroup, group_by_origin
from core.systems import SystemGroup, group_by_system
from cycles.models import Cycle

from . import selectors
from .models import Objective, Priority, SelectedFactor, Vote


@dataclass
class Overview:
    candidate_groups: list[OriginGroup]
    candidate_count: int
    votes: list[Vote]
    priorities: list[Priority]
    factors_by_system: list[SystemGroup[SelectedFactor]]
    objectives: list[Objective]
    missing: list[str]


def priorities_overview(cycle: Cycle) -> Overview:
    candidates = list(selectors.candidate_findings(cycle))
    priorities = list(selectors.priority_list(cycle))
    selected = list(selectors.selected_factor_list(cycle))
    objectives = list(selectors.objective_list(cycle))
    by_system = group_by_system(selected, system_of=lambda selection: selection.factor.system)
    return Overview(
        candidate_groups=group_by_origin(candidates),
        candidate_count=len(candidates),
        votes=list(selectors.vote_list(cycle)),
        priorities=priorities,
        factors_by_system=by_system,
        objectives=objectives,
        missing=missing_items(bool(candidates), priorities, by_system, objectives),
    )


def priorities_missing(cycle: Cycle) -> list[str]:
    """The overview's `missing` alone, for the dashboard: from only the reads the gaps need (whether there is a
    candidate, the priorities with their objectives), without the votes nor the candidates' factors."""
    selected = list(selectors.selected_factor_list(cycle))
    return missing_items(
        selectors.candidate_findings(cycle).exists(),
        list(selectors.priorities_with_objectives(cycle)),
        group_by_system(selected, system_of=lambda selection: selection.factor.system),
        list(selectors.objective_list(cycle)),
    )


def missing_items(
    has_candidates: bool,
    priorities: list[Priority],
    factors_by_system: list[SystemGroup[SelectedFactor]],
    objectives: list[Objective],
) -> list[str]:
    """Plain sentences naming each gap, in the order the group works through the tool."""
    missing = []
    if not has_candidates:
        missing.append(_("Aucun constat n'est encore marqué comme priorité candidate."))
    if not priorities:
        missing.append(_("Le groupe n'a encore retenu aucune priorité."))
    for group in factors_by_system:
        if not group.items:
            missing.append(
                _("Aucun facteur de protection n'est retenu pour le système « %(system)s ».") % {"system": group.label}
            )
    if not objectives:
        missing.append(_("Aucun objectif n'est encore défini."))
    missing += _objective_gaps(objectives)
    missing += _unanswered(priorities, factors_by_system, objectives)
    return missing


def _objective_gaps(objectives: list[Objective]) -> list[str]:
    gaps = []
    for objective in objectives:
        if not objective.factors.all():
            gaps.append(
                _("L'objectif « %(title)s » n'est lié à aucun facteur de protection.") % {"title": objective.title}
            )
        if not objective.priorities.all():
            gaps.append(_("L'objectif « %(title)s » ne répond à aucune priorité.") % {"title": objective.title})
        elif unsupported := objective.factors_without_priority():
            gaps.append(
                _("L'objectif « %(title)s » vise « %(factor)s », qu'aucune de ses priorités ne nomme.")
                % {"title": objective.title, "factor": unsupported[0].name}
            )
    return gaps


def _unanswered(
    priorities: list[Priority],
    factors_by_system: list[SystemGroup[SelectedFactor]],
    objectives: list[Objective],
) -> list[str]:
    gaps = []
    for priority in priorities:
        if not priority.objectives.all():
            gaps.append(
                _("La priorité « %(finding)s » n'est reprise par aucun objectif.")
                % {"finding": _short(priority.finding.statement)}
            )
    targeted = {factor.pk for objective in objectives for factor in objective.factors.all()}
    for group in factors_by_system:
        for selection in group.items:
            if selection.factor_id not in targeted:
                gaps.append(
                    _("Le facteur « %(factor)s » est retenu, mais aucun objectif ne le vise.")
                    % {"factor": selection.factor.name}
                )
    return gaps


def _short(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
