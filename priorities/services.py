"""Writes of Outil 8. Each change goes through save() or delete() on one row, so it lands in the history."""

import hashlib
from collections.abc import Iterable, Mapping

from django.db import IntegrityError, transaction
from django.db.models import Max

from accounts.models import User
from analysis.models import Finding
from core.saving import save_with_links
from cycles.models import Cycle
from factors.models import ProtectiveFactor

from .models import Objective, Priority, SelectedFactor, Vote


class PriorityInUse(Exception):
    """A priority that an objective answers cannot be removed."""

    def __init__(self, objective: Objective) -> None:
        super().__init__(objective.title)
        self.objective = objective


# --- Whole sets saved at once: refused when someone saved the set since the page was read ---------------------


class SetChanged(Exception):
    """Someone saved the set since the form was opened; nothing was written. `fingerprint` is the set now."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__("the set changed since it was read")
        self.fingerprint = fingerprint


class CandidatesChanged(SetChanged):
    """`saved`: the pks of the findings that are candidates now."""

    def __init__(self, saved: set[int]) -> None:
        super().__init__(candidates_fingerprint(saved))
        self.saved = saved


class SelectionChanged(SetChanged):
    """`saved`: the cycle's selected factors now, {factor pk: rationale}."""

    def __init__(self, saved: dict[int, str]) -> None:
        super().__init__(selection_fingerprint(saved))
        self.saved = saved


def _digest(state: object) -> str:
    return hashlib.sha256(repr(state).encode()).hexdigest()[:24]


def candidates_fingerprint(candidate_ids: Iterable[int]) -> str:
    """A digest of which findings are candidates: ticking or unticking any of them changes it."""
    return _digest(sorted(candidate_ids))


def selection_fingerprint(selection: Mapping[int, str]) -> str:
    """A digest of the selected factors and their rationales: any change to one of them changes it."""
    return _digest(sorted(selection.items()))


@transaction.atomic
def candidates_update(*, cycle: Cycle, candidates: set[int], expected_fingerprint: str | None) -> int:
    """Mark as candidates exactly the findings whose pk is in `candidates`; returns how many changed.

    Raises CandidatesChanged (and writes nothing) if the candidates are no longer those the person started
    from; `expected_fingerprint` None skips that check (scripts that own the data, such as the demo).
    Only the flag is written (update_fields), so a finding edited at the same moment keeps its other changes.
    """
    # The lock makes a second save wait here, then see the first one's flags and refuse.
    findings = list(Finding.objects.filter(cycle=cycle).select_for_update())
    saved = {finding.pk for finding in findings if finding.is_candidate}
    if expected_fingerprint is not None and candidates_fingerprint(saved) != expected_fingerprint:
        raise CandidatesChanged(saved)
    changed = 0
    for finding in findings:
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
def selected_factors_save(
    *, cycle: Cycle, choices: dict[ProtectiveFactor, str], user: User | None, expected_fingerprint: str | None
) -> None:
    """Make the cycle's selected factors exactly `choices` ({factor: rationale}).

    Raises SelectionChanged (and writes nothing) if the selection is no longer the one the person started
    from; `expected_fingerprint` None skips that check (scripts that own the data).
    """
    # Locking the cycle row also serializes two saves that only add factors (no selection row to lock yet).
    Cycle.objects.select_for_update().filter(pk=cycle.pk).exists()
    current = {s.factor_id: s for s in SelectedFactor.objects.filter(cycle=cycle).select_for_update()}
    saved = {factor_id: selection.rationale for factor_id, selection in current.items()}
    if expected_fingerprint is not None and selection_fingerprint(saved) != expected_fingerprint:
        raise SelectionChanged(saved)
    try:
        with transaction.atomic():
            _write_selection(cycle, current, choices, user)
    except IntegrityError:
        # Someone added the same factor between the read and the writes (only where FOR UPDATE does not lock).
        now = SelectedFactor.objects.filter(cycle=cycle).values_list("factor_id", "rationale")
        raise SelectionChanged(dict(now)) from None


def _write_selection(
    cycle: Cycle, current: dict[int, SelectedFactor], choices: dict[ProtectiveFactor, str], user: User | None
) -> None:
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
    save_with_links(objective, links={"priorities": priorities, "factors": factors})
    return objective


@transaction.atomic
def objective_update(*, objective: Objective, expected_version: int, priorities, factors) -> None:
    if objective.position is None:
        objective.position = _next_position(objective.cycle)
    save_with_links(objective, links={"priorities": priorities, "factors": factors}, expected_version=expected_version)


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    objective.delete()
