"""The history of observations and findings: core.history's entries, with systems shown by name."""

from django.db import models

from core.history import FieldChange, HistoryEntry, history_entries
from core.systems import system_labels


def history_with_systems(instance: models.Model) -> list[HistoryEntry]:
    entries = history_entries(instance)
    systems_label = str(type(instance)._meta.get_field("systems").verbose_name)
    for entry in entries:
        entry.changes = [_readable_systems(change, systems_label) for change in entry.changes]
    return entries


def _readable_systems(change: FieldChange, systems_label: str) -> FieldChange:
    """Systems are stored as codes ("enfant,famille"): show their names."""
    if change.label != systems_label:
        return change
    return FieldChange(
        label=change.label,
        old=", ".join(system_labels(change.old)) or change.old,
        new=", ".join(system_labels(change.new)) or change.new,
    )
