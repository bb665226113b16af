"""Writes of Outil 7: an organization's whole row of the matrix, saved at once and refused on concurrent change."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from core.concurrency import EditConflict, save_versioned
from organizations.models import Organization

from .models import ActionKind, CellKey, FactorIntervention


@dataclass(frozen=True)
class CellInput:
    factor_id: int
    element_id: int | None
    intensity: int | None  # None: not answered
    kinds: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def key(self) -> CellKey:
        return (self.factor_id, self.element_id)

    @property
    def ordered_kinds(self) -> list[str]:
        wanted = set(self.kinds)
        return [code for code in ActionKind.values if code in wanted]

    def differs_from(self, intervention: FactorIntervention) -> bool:
        return (intervention.intensity, list(intervention.kinds or []), intervention.note) != (
            self.intensity,
            self.ordered_kinds,
            self.note,
        )


class RowChanged(Exception):
    """Someone saved this organization's row since the form was opened; `saved` is the row as it is now."""

    def __init__(self, saved: dict[CellKey, FactorIntervention], fingerprint: str) -> None:
        super().__init__("the row changed since it was read")
        self.saved = saved
        self.fingerprint = fingerprint


def row_fingerprint(interventions: Iterable[FactorIntervention], *, detail: bool) -> str:
    """A digest of the cells the form shows and their versions: any save of one of them changes it."""
    pairs = sorted((i.pk, i.version) for i in interventions if detail or i.element_id is None)
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:24]


@transaction.atomic
def row_save(*, organization: Organization, cells: list[CellInput], expected_fingerprint: str, detail: bool) -> int:
    """Create, update or clear (intensity None) the cells that differ from what is saved, each with its own
    history record; leave the others untouched. Returns the number of cells changed. Raises RowChanged (and
    writes nothing) if the row is no longer the one the person started from."""
    # Serializes two saves of the same row on PostgreSQL; the checks below catch the rest elsewhere.
    Organization.objects.select_for_update().filter(pk=organization.pk).exists()
    saved = _saved_cells(organization)
    current = row_fingerprint(saved.values(), detail=detail)
    if current != expected_fingerprint:
        raise RowChanged(saved, current)
    try:
        with transaction.atomic():
            return _write_cells(organization, cells, saved)
    except (EditConflict, IntegrityError):
        # Someone saved between the read and the writes (only where SELECT … FOR UPDATE does not lock).
        saved = _saved_cells(organization)
        raise RowChanged(saved, row_fingerprint(saved.values(), detail=detail)) from None


def _saved_cells(organization: Organization) -> dict[CellKey, FactorIntervention]:
    return {(i.factor_id, i.element_id): i for i in FactorIntervention.objects.filter(organization=organization)}


def _write_cells(organization: Organization, cells: list[CellInput], saved: dict[CellKey, FactorIntervention]) -> int:
    changed = 0
    for cell in cells:
        intervention = saved.get(cell.key)
        if cell.intensity is None:
            if intervention is None:
                continue
            intervention.delete()
        elif intervention is None:
            FactorIntervention.objects.create(
                organization=organization,
                factor_id=cell.factor_id,
                element_id=cell.element_id,
                intensity=cell.intensity,
                kinds=cell.ordered_kinds,
                note=cell.note,
            )
        elif cell.differs_from(intervention):
            intervention.intensity = cell.intensity
            intervention.kinds = cell.ordered_kinds
            intervention.note = cell.note
            save_versioned(intervention, expected_version=intervention.version)
        else:
            continue
        changed += 1
    return changed
