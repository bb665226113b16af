"""The history of one organization's row of the matrix: every change of every cell, newest first."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from core.history import KIND_LABELS, FieldChange
from factors.models import FactorElement, ProtectiveFactor
from organizations.models import Organization

from .models import FactorIntervention, Intensity, kind_labels

LIMIT = 500


@dataclass
class CellChange:
    when: datetime
    who: str
    kind: str
    cell: str
    changes: list[FieldChange]


def row_history(organization: Organization) -> list[CellChange]:
    records = list(
        FactorIntervention.history.filter(organization_id=organization.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:LIMIT]
    )
    records.reverse()  # oldest first, so that each record is compared with the one before it for the same cell
    labels = _cell_labels(records)
    previous: dict[int, object] = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        entries.append(
            CellChange(
                when=record.history_date,
                who=str(record.history_user) if record.history_user else _("système"),
                kind=str(KIND_LABELS.get(record.history_type, record.history_type)),
                cell=labels.get((record.factor_id, record.element_id), _("élément supprimé")),
                changes=_changes(before, record),
            )
        )
    entries.reverse()
    return entries


def _changes(before, after) -> list[FieldChange]:
    shown = [
        (_("Intensité"), lambda r: str(Intensity(r.intensity).label)),
        (_("Types d'action"), lambda r: ", ".join(kind_labels(r.kinds)) or "—"),
        (_("Précisions"), lambda r: r.note or "—"),
    ]
    changes = []
    for label, show in shown:
        old = show(before) if before is not None else "—"
        new = show(after)
        if old != new:
            changes.append(FieldChange(label=str(label), old=old, new=new))
    return changes


def _cell_labels(records) -> dict[tuple[int, int | None], str]:
    factors = ProtectiveFactor.objects.in_bulk({r.factor_id for r in records})
    elements = FactorElement.objects.in_bulk({r.element_id for r in records if r.element_id})
    labels = {}
    for record in records:
        factor = factors.get(record.factor_id)
        if factor is None:
            continue
        element = elements.get(record.element_id) if record.element_id else None
        name = f"{factor.name} — {element.name}" if element else factor.name
        labels[(record.factor_id, record.element_id)] = name
    return labels
