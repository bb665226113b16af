"""The "Historique" of a record, or of a set of child rows: who changed what, and when, read from
django-simple-history.

`history_entries(record)` is a record's own history; `child_history(Model, subject=…, **filters)` the history of
the rows of a set that belong to one parent (the cells of an organization's matrix row, the factors selected for
a cycle, the names of a partnership's territory), each entry naming its row. Both give `HistoryEntry` lists that
`core.rendering.render_history` shows with one template.

A model shows a field in words through its `HISTORY_DISPLAY` ({field name: function of the stored value});
choices, dates, booleans and related records are shown in words without it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import long_date, long_datetime

IGNORED_FIELDS = {"version", "updated_at", "id"}
KIND_LABELS = {"+": _("Création"), "~": _("Modification"), "-": _("Suppression")}
CHILD_KIND_LABELS = {"+": _("Ajout"), "~": _("Modification"), "-": _("Retrait")}
LIMIT = 200


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)
    subject: str = ""  # the row of a set the entry is about; empty for a record's own history


def history_entries(instance: models.Model, *, limit: int = LIMIT) -> list[HistoryEntry]:
    """Newest first. Related rows named in the changes are read in one query per related model."""
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    model = type(instance)
    pairs = [(rec, records[i + 1] if i + 1 < len(records) else None) for i, rec in enumerate(records[:limit])]
    links = _m2m_links(model, records)
    deltas = [(rec, _changed_fields(rec, prev) + _changed_links(rec, prev, links)) for rec, prev in pairs]
    labels = _related_labels(model, [changes for _rec, changes in deltas])
    return [_entry(model, rec, changes, labels, KIND_LABELS) for rec, changes in deltas]


def child_history(
    model: type[models.Model],
    *,
    subject: Callable[[models.Model], str],
    fields: tuple[str, ...] = (),
    limit: int = LIMIT,
    **filters,
) -> list[HistoryEntry]:
    """Every change of every row of `model` matching `filters` (rows since deleted included), newest first, each
    entry naming its row with `subject(historical record)` and compared with that row's previous record. `fields`
    are the fields shown (what names the row is in the subject already); none: the additions and removals only."""
    newest_first = list(
        model.history.filter(**filters).select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    )
    previous: dict[object, object] = {}
    deltas = []
    for rec in reversed(newest_first):
        pk = getattr(rec, model._meta.pk.attname)
        changes = [change for change in _changed_fields(rec, previous.get(pk)) if change[0] in fields]
        deltas.append((rec, changes))
        previous[pk] = rec
    deltas.reverse()
    labels = _related_labels(model, [changes for _rec, changes in deltas])
    entries = []
    for rec, changes in deltas:
        entry = _entry(model, rec, changes if rec.history_type != "-" else [], labels, CHILD_KIND_LABELS)
        entry.subject = subject(rec)
        entries.append(entry)
    return entries


def merge_histories(*histories: list[HistoryEntry], limit: int = LIMIT) -> list[HistoryEntry]:
    """Several histories in one, newest first (a profile's own changes and its territory's)."""
    return sorted((entry for history in histories for entry in history), key=lambda e: e.when, reverse=True)[:limit]


def _entry(model, rec, changes, labels: dict, kind_labels: dict) -> HistoryEntry:
    return HistoryEntry(
        when=rec.history_date,
        who=str(rec.history_user) if rec.history_user else str(_("système")),
        kind=str(kind_labels.get(rec.history_type, rec.history_type)),
        reason=rec.history_change_reason or "",
        changes=[
            FieldChange(
                label=str(model._meta.get_field(name).verbose_name),
                old=_display(model, name, old, labels),
                new=_display(model, name, new, labels),
            )
            for name, old, new in changes
        ],
    )


def _changed_fields(rec, prev) -> list[tuple[str, object, object]]:
    names = [f.attname for f in rec.instance_type._meta.concrete_fields if f.attname not in IGNORED_FIELDS]
    if prev is None:
        return [(_name(rec, n), None, getattr(rec, n)) for n in names if getattr(rec, n) not in (None, "", [])]
    return [(_name(rec, n), getattr(prev, n), getattr(rec, n)) for n in names if getattr(prev, n) != getattr(rec, n)]


def _m2m_links(model: type[models.Model], records: list) -> dict[str, dict[int, frozenset]]:
    """For each many-to-many field kept in history: {history_id: ids linked at that moment}, one query a field."""
    if not records:
        return {}
    links: dict[str, dict[int, frozenset]] = {}
    for m2m in getattr(records[0], "_history_m2m_fields", []):
        through = getattr(records[0], m2m.name).model
        target = m2m.m2m_reverse_field_name()
        rows = through._default_manager.filter(history__in=[r.history_id for r in records]).values_list(
            "history_id", target
        )
        by_record: dict[int, set] = {r.history_id: set() for r in records}
        for history_id, target_id in rows:
            by_record[history_id].add(target_id)
        links[m2m.name] = {key: frozenset(ids) for key, ids in by_record.items()}
    return links


def _changed_links(rec, prev, links: dict[str, dict[int, frozenset]]) -> list[tuple[str, object, object]]:
    changes = []
    for name, by_record in links.items():
        new = by_record.get(rec.history_id, frozenset())
        old = by_record.get(prev.history_id, frozenset()) if prev is not None else frozenset()
        if new != old:
            changes.append((name, old, new))
    return changes


def _name(rec, attname: str) -> str:
    """Field name from attribute name (organization_id -> organization)."""
    for f in rec.instance_type._meta.concrete_fields:
        if f.attname == attname:
            return f.name
    return attname


def _related_labels(model: type[models.Model], all_changes: list[list[tuple]]) -> dict[tuple[str, object], str]:
    wanted: dict[str, set] = {}
    for changes in all_changes:
        for name, old, new in changes:
            f = model._meta.get_field(name)
            if f.many_to_many:
                wanted.setdefault(name, set()).update((old or frozenset()) | new)
            elif f.is_relation and f.many_to_one:
                wanted.setdefault(name, set()).update(v for v in (old, new) if v is not None)
    labels = {}
    for name, ids in wanted.items():
        related = model._meta.get_field(name).related_model
        for pk, obj in related._default_manager.in_bulk(list(ids)).items():
            labels[(name, pk)] = str(obj)
    return labels


def _display(model: type[models.Model], name: str, value: object, labels: dict) -> str:
    if value is None or value == "":
        return "—"
    readable = getattr(model, "HISTORY_DISPLAY", {}).get(name)
    if readable is not None:
        return readable(value)
    f = model._meta.get_field(name)
    if f.many_to_many:
        names = sorted(labels.get((name, pk), str(_("élément supprimé"))) for pk in value)
        return "; ".join(names) or "—"
    if f.is_relation:
        return labels.get((name, value), str(_("élément supprimé")))
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("oui") if value else _("non"))
    if isinstance(value, datetime):
        return long_datetime(value)
    if isinstance(value, date):
        return long_date(value)
    return str(value)
