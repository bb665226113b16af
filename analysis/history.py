"""The history of observations and findings, with the changes of their links (factors, evidence).

core.history reads the record's own columns; the links live in django-simple-history's many-to-many snapshots
(one per historical record), which are compared here record by record and added to the same entries.
"""

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

from core.history import FieldChange, HistoryEntry, history_entries

from .systems import system_labels


def history_with_links(instance: models.Model, *, m2m_fields: tuple[str, ...]) -> list[HistoryEntry]:
    entries = history_entries(instance)
    records = list(
        instance.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True)[
            : len(entries) + 1
        ]
    )
    snapshots = {name: _snapshots(instance, name, records) for name in m2m_fields}
    labels = {name: _labels(instance, name, snapshots[name]) for name in m2m_fields}
    systems_label = str(type(instance)._meta.get_field("systems").verbose_name)
    for position, entry in enumerate(entries):
        entry.changes = [_readable_systems(change, systems_label) for change in entry.changes]
        older = records[position + 1] if position + 1 < len(records) else None
        for name in m2m_fields:
            change = _link_change(instance, name, snapshots[name], labels[name], records[position], older)
            if change:
                entry.changes.append(change)
    return entries


def _snapshots(instance: models.Model, name: str, records: list[int]) -> dict[int, set[int]]:
    history_model = type(instance).history.model
    link_model = history_model.__dict__[name].model
    target = get_m2m_reverse_field_name(type(instance)._meta.get_field(name))
    rows = link_model.objects.filter(history_id__in=records).values_list("history_id", f"{target}_id")
    snapshots: dict[int, set[int]] = defaultdict(set)
    for record, target_id in rows:
        snapshots[record].add(target_id)
    return snapshots


def _labels(instance: models.Model, name: str, snapshots: dict[int, set[int]]) -> dict[int, str]:
    related = type(instance)._meta.get_field(name).related_model
    ids = set().union(*snapshots.values()) if snapshots else set()
    return {pk: str(obj) for pk, obj in related._default_manager.in_bulk(list(ids)).items()}


def _link_change(instance, name, snapshots, labels, record: int, older: int | None) -> FieldChange | None:
    before, after = snapshots.get(older, set()) if older else set(), snapshots.get(record, set())
    if before == after:
        return None
    field = type(instance)._meta.get_field(name)
    return FieldChange(label=str(field.verbose_name), old=_names(before, labels), new=_names(after, labels))


def _names(ids: set[int], labels: dict[int, str]) -> str:
    if not ids:
        return "—"
    return " ; ".join(sorted(labels.get(pk, _("élément supprimé")) for pk in ids))


def _readable_systems(change: FieldChange, systems_label: str) -> FieldChange:
    """Systems are stored as codes ("enfant,famille"): show their names."""
    if change.label != systems_label:
        return change
    return FieldChange(
        label=change.label,
        old=", ".join(system_labels(change.old)) or change.old,
        new=", ".join(system_labels(change.new)) or change.new,
    )
