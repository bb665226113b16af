"""Writes of Outil 8. Each change goes through save() or delete() on one row, so it lands in the history."""

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.db.models import Max

from accounts.models import User
from analysis.models import Finding
from core.concurrency import fingerprint, save_set, save_versioned
from core.deletion import delete_record
from core.saving import save_with_links
from cycles.models import Cycle
from factors.models import ProtectiveFactor

from .models import Objective, Priority, SelectedFactor, Vote

# --- Whole sets saved at once: refused (SetChanged) when someone saved the set since the page was read ------


def candidates_fingerprint(candidate_ids: Iterable[int]) -> str:
    """A digest of which findings are candidates: ticking or unticking any of them changes it."""
    return fingerprint(sorted(candidate_ids))


def selection_fingerprint(selection: Mapping[int, str]) -> str:
    """A digest of the selected factors and their rationales: any change to one of them changes it."""
    return fingerprint(sorted(selection.items()))


def candidates_update(*, cycle: Cycle, candidates: set[int], expected_fingerprint: str | None) -> int:
    """Mark as candidates exactly the findings whose pk is in `candidates`; returns how many changed.

    Raises SetChanged (its `saved`: the pks of the candidates now) if the candidates are no longer those the
    person started from; `expected_fingerprint` None skips that check (scripts that own the data, such as the
    demo). Each finding that changes moves to its next version, so a form opened on it before sees a conflict.
    """
    return save_set(
        lock=Cycle.objects.filter(pk=cycle.pk),
        read=lambda: set(Finding.objects.filter(cycle=cycle, is_candidate=True).values_list("pk", flat=True)),
        digest=candidates_fingerprint,
        expected=expected_fingerprint,
        write=lambda saved: _write_candidates(cycle, candidates),
    )


def _write_candidates(cycle: Cycle, candidates: set[int]) -> int:
    changed = 0
    for finding in Finding.objects.filter(cycle=cycle):
        wanted = finding.pk in candidates
        if finding.is_candidate != wanted:
            finding.is_candidate = wanted
            save_versioned(finding, expected_version=finding.version)
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
    """Remove the priority (the objectives that answered it lose it, with a history entry), then close the gap
    in the ranks."""
    cycle = priority.cycle
    delete_record(priority)
    _renumber(Priority.objects.filter(cycle=cycle).order_by("position", "pk"))


def _renumber(rows) -> None:
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position"])


# --- Selected factors --------------------------------------------------------------------------------------


def selected_factors_save(
    *, cycle: Cycle, choices: dict[ProtectiveFactor, str], user: User | None, expected_fingerprint: str | None
) -> None:
    """Make the cycle's selected factors exactly `choices` ({factor: rationale}).

    Raises SetChanged (its `saved`: {factor pk: rationale} now) if the selection is no longer the one the person
    started from; `expected_fingerprint` None skips that check (scripts that own the data).
    """
    save_set(
        lock=Cycle.objects.filter(pk=cycle.pk),
        read=lambda: dict(SelectedFactor.objects.filter(cycle=cycle).values_list("factor_id", "rationale")),
        digest=selection_fingerprint,
        expected=expected_fingerprint,
        write=lambda saved: _write_selection(cycle, choices, user),
    )


def _write_selection(cycle: Cycle, choices: dict[ProtectiveFactor, str], user: User | None) -> None:
    current = {selection.factor_id: selection for selection in SelectedFactor.objects.filter(cycle=cycle)}
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


def objective_delete(*, objective: Objective) -> None:
    delete_record(objective)
