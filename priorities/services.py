"""Writes of Outil 8. Each change goes through save() or delete() on one row, so it lands in the history."""

from django.db import transaction
from django.db.models import Max

from accounts.models import User
from analysis.models import Finding
from core.concurrency import save_versioned
from cycles.models import Cycle
from factors.models import ProtectiveFactor

from .models import Objective, Priority, SelectedFactor, Vote


class PriorityInUse(Exception):
    """A priority that an objective answers cannot be removed."""

    def __init__(self, objective: Objective) -> None:
        super().__init__(objective.title)
        self.objective = objective


@transaction.atomic
def candidates_update(*, cycle: Cycle, candidates: set[int]) -> int:
    """Mark as candidates exactly the findings whose pk is in `candidates`; returns how many changed.

    Only the flag is written (update_fields), so a finding edited at the same moment keeps its other changes.
    """
    changed = 0
    for finding in Finding.objects.filter(cycle=cycle).select_for_update():
        wanted = finding.pk in candidates
        if finding.is_candidate != wanted:
            finding.is_candidate = wanted
            finding.save(update_fields=["is_candidate", "updated_at"])
            changed += 1
    return changed


# --- The group's choice ------------------------------------------------------------------------------------


@transaction.atomic
def priorities_choose(
    *, cycle: Cycle, findings: list[Finding], vote: Vote | None, note: str, user: User | None
) -> list[Priority]:
    """Add `findings` as priorities after the existing ones, in the given order; ones already chosen are kept."""
    existing = set(Priority.objects.filter(cycle=cycle).values_list("finding_id", flat=True))
    last = Priority.objects.filter(cycle=cycle).aggregate(last=Max("position"))["last"] or 0
    added = []
    for finding in findings:
        if finding.pk in existing:
            continue
        last += 1
        added.append(
            Priority.objects.create(cycle=cycle, finding=finding, position=last, vote=vote, note=note, chosen_by=user)
        )
    return added


@transaction.atomic
def priority_remove(*, priority: Priority) -> None:
    objective = priority.objectives.order_by("position", "pk").first()
    if objective is not None:
        raise PriorityInUse(objective)
    cycle = priority.cycle
    priority.delete()
    _renumber(Priority.objects.filter(cycle=cycle).order_by("position", "pk"))


def _renumber(rows) -> None:
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position"])


# --- Selected factors --------------------------------------------------------------------------------------


@transaction.atomic
def selected_factors_save(*, cycle: Cycle, choices: dict[ProtectiveFactor, str], user: User | None) -> None:
    """Make the cycle's selected factors exactly `choices` ({factor: rationale})."""
    current = {s.factor_id: s for s in SelectedFactor.objects.filter(cycle=cycle).select_for_update()}
    wanted = {factor.pk: (factor, rationale) for factor, rationale in choices.items()}
    for factor_id, selection in current.items():
        if factor_id not in wanted:
            selection.delete()
        elif selection.rationale != wanted[factor_id][1]:
            selection.rationale = wanted[factor_id][1]
            selection.save()
    for factor_id, (factor, rationale) in wanted.items():
        if factor_id not in current:
            SelectedFactor.objects.create(cycle=cycle, factor=factor, rationale=rationale, selected_by=user)


# --- Objectives --------------------------------------------------------------------------------------------


def _next_position(cycle: Cycle) -> int:
    return (Objective.objects.filter(cycle=cycle).aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def objective_create(*, cycle: Cycle, objective: Objective, priorities, factors) -> Objective:
    objective.cycle = cycle
    if objective.position is None:
        objective.position = _next_position(cycle)
    objective.save()
    objective.priorities.set(priorities)
    objective.factors.set(factors)
    return objective


@transaction.atomic
def objective_update(*, objective: Objective, expected_version: int, priorities, factors) -> None:
    if objective.position is None:
        objective.position = _next_position(objective.cycle)
    save_versioned(objective, expected_version=expected_version)
    objective.priorities.set(priorities)
    objective.factors.set(factors)


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    objective.delete()
