"""Writes of Outil 7: an organization's whole row of the matrix, saved at once and refused on concurrent change."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from core.concurrency import fingerprint, save_set, save_versioned
from organizations.models import Organization

from .models import ActionKind, CellKey, FactorIntervention
from .selectors import organization_interventions


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


def row_fingerprint(interventions: Iterable[FactorIntervention], *, detail: bool) -> str:
    """A digest of the cells the form shows and their versions: any save of one of them changes it."""
    return fingerprint(sorted((i.pk, i.version) for i in interventions if detail or i.element_id is None))


def row_save(
    *, organization: Organization, cells: list[CellInput], expected_fingerprint: str | None, detail: bool
) -> int:
    """Create, update or clear (intensity None) the cells that differ from what is saved, each with its own
    history record; leave the others untouched. Returns the number of cells changed. Raises SetChanged (and
    writes nothing) if the row is no longer the one the person started from; its `saved` is the row now,
    {cell key: intervention}. `expected_fingerprint` None skips the check (scripts that own the data)."""
    return save_set(
        lock=Organization.objects.filter(pk=organization.pk),
        read=lambda: organization_interventions(organization),
        digest=lambda saved: row_fingerprint(saved.values(), detail=detail),
        expected=expected_fingerprint,
        write=lambda saved: _write_cells(organization, cells, saved),
    )


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
