"""Reads of Outil 7: the factor columns, the matrix organizations × factors, and the coverage per factor.

Each read is a fixed handful of queries whatever the number of organizations: organizations, factors (and their
elements), and the interventions of the whole partnership, assembled in Python.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.systems import SystemGroup, group_by_system
from factors.models import FactorElement, ProtectiveFactor
from organizations.models import Organization
from partnerships.access import PartnershipAccess
from partnerships.models import Partnership

from .models import CellKey, FactorIntervention, Intensity, KindLabel, kind_legend


@dataclass(frozen=True)
class Column:
    factor: ProtectiveFactor
    element: FactorElement | None = None

    @property
    def key(self) -> CellKey:
        return (self.factor.pk, self.element.pk if self.element else None)

    @property
    def label(self) -> str:
        return self.element.name if self.element else self.factor.name

    @property
    def field_prefix(self) -> str:
        return f"f{self.factor.pk}" + (f"-e{self.element.pk}" if self.element else "")


@dataclass
class FactorGroup:
    """A factor and its columns: the factor as a whole, then its elements when the detail is shown."""

    factor: ProtectiveFactor
    columns: list[Column]


@dataclass
class SystemColumns(SystemGroup[FactorGroup]):
    """A system's factors, each with its columns."""

    @property
    def columns(self) -> list[Column]:
        return [column for group in self.items for column in group.columns]


def visible_factors(partnership: Partnership, *, detail: bool = False) -> list[ProtectiveFactor]:
    factors = ProtectiveFactor.objects.for_partnership(partnership)
    if detail:
        elements = FactorElement.objects.for_partnership(partnership)
        factors = factors.prefetch_related(Prefetch("elements", queryset=elements))
    return list(factors)


def system_groups(partnership: Partnership, *, detail: bool = False) -> list[SystemColumns]:
    groups = []
    for factor in visible_factors(partnership, detail=detail):
        columns = [Column(factor)]
        if detail:
            columns += [Column(factor, element) for element in factor.elements.all()]
        groups.append(FactorGroup(factor=factor, columns=columns))
    return group_by_system(
        groups, system_of=lambda group: group.factor.system, keep_empty=False, group_type=SystemColumns
    )


def organization_interventions(organization: Organization) -> dict[CellKey, FactorIntervention]:
    return {(i.factor_id, i.element_id): i for i in FactorIntervention.objects.filter(organization=organization)}


@dataclass(frozen=True)
class MatrixCell:
    column: Column
    intervention: FactorIntervention | None

    @property
    def intensity(self) -> int | None:
        return self.intervention.intensity if self.intervention else None

    @property
    def intensity_label(self) -> str:
        return str(Intensity(self.intensity).label) if self.intervention else ""

    @property
    def kinds(self) -> list[KindLabel]:
        return kind_legend(self.intervention.kinds or []) if self.intervention else []

    @property
    def kind_text(self) -> str:
        return ", ".join(kind.label for kind in self.kinds)


@dataclass
class MatrixRow:
    organization: Organization
    can_edit: bool
    is_filled: bool


@dataclass
class SystemTable:
    """One system's part of the matrix: its factor columns, and each organization's cells in them."""

    group: SystemColumns
    rows: list[tuple[MatrixRow, list[MatrixCell]]]


def matrix(
    access: PartnershipAccess, *, detail: bool, system: str | None = None
) -> tuple[list[SystemTable], list[MatrixRow]]:
    """The matrix as one table per system (all three, or the one `system`), and the organizations' rows."""
    groups = [g for g in system_groups(access.partnership, detail=detail) if system in (None, g.system)]
    interventions: dict[int, dict[CellKey, FactorIntervention]] = {}
    for intervention in FactorIntervention.objects.filter(organization__partnership=access.partnership):
        interventions.setdefault(intervention.organization_id, {})[
            (intervention.factor_id, intervention.element_id)
        ] = intervention
    rows = [
        MatrixRow(
            organization=organization,
            can_edit=access.can_edit_organization_data(organization.pk),
            is_filled=bool(interventions.get(organization.pk)),
        )
        for organization in Organization.objects.for_partnership(access.partnership)
    ]
    tables = []
    for group in groups:
        cells = []
        for row in rows:
            own = interventions.get(row.organization.pk, {})
            cells.append((row, [MatrixCell(column, own.get(column.key)) for column in group.columns]))
        tables.append(SystemTable(group=group, rows=cells))
    return tables, rows


def organization_count(partnership: Partnership) -> int:
    return Organization.objects.for_partnership(partnership).count()


def cell_labels(partnership: Partnership):
    """`label(factor_pk, element_pk)`: a cell's name ("Pratiques parentales — Habitudes de lecture"), read in two
    queries for a whole history; a cell whose factor is gone reads "élément supprimé"."""
    factors = {f.pk: f.name for f in ProtectiveFactor.objects.for_partnership(partnership)}
    elements = {e.pk: e.name for e in FactorElement.objects.for_partnership(partnership)}

    def label(factor_pk: int, element_pk: int | None) -> str:
        factor = factors.get(factor_pk)
        if factor is None:
            return str(_("élément supprimé"))
        element = elements.get(element_pk) if element_pk else None
        return f"{factor} — {element}" if element else factor

    return label
