"""The plan's sets of rows edited as a whole: an indicator's targets, an action's partners, milestones and budget
lines. One description per set (`RowSet`); one service saves any of them through core.concurrency.save_set
(refused with SetChanged when someone saved the set since the page was read)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models

from core.concurrency import fingerprint, save_set, save_versioned
from core.models import VersionedModel

from .models import Action, ActionPartner, BudgetLine, Indicator, Milestone, Target

Row = Mapping[str, Any]  # {"pk": int | None, field: value…}


@dataclass(frozen=True)
class RowSet:
    name: str  # the URL's name and the formset's prefix
    model: type[models.Model]
    parent: str  # the foreign key to the indicator or the action
    fields: tuple[str, ...]

    def saved(self, parent: models.Model) -> list[models.Model]:
        return list(self.model._default_manager.filter(**{self.parent: parent}).order_by("pk"))

    def state(self, rows: list[models.Model]) -> list[tuple]:
        return [(row.pk, *(_plain(getattr(row, _attname(self.model, name))) for name in self.fields)) for row in rows]

    def fingerprint(self, rows: list[models.Model]) -> str:
        return fingerprint(self.state(rows))


TARGETS = RowSet("targets", Target, "indicator", ("value", "date"))
PARTNERS = RowSet(
    "partners", ActionPartner, "action", ("organization", "role", "contribution_in_kind", "contribution_money")
)
MILESTONES = RowSet("milestones", Milestone, "action", ("title", "date", "done"))
BUDGET = RowSet("budget", BudgetLine, "action", ("year", "funder", "amount", "status", "nature"))


def rows_save(
    *, rows_of: RowSet, parent: Indicator | Action, rows: list[Row], expected_fingerprint: str | None
) -> None:
    """Make the parent's set exactly `rows`: rows without a pk are added, saved rows left out are removed."""

    def write(saved: list[models.Model]) -> None:
        by_pk = {row.pk: row for row in saved}
        kept = {row["pk"] for row in rows if row.get("pk") in by_pk}
        for row in saved:
            if row.pk not in kept:
                row.delete()
        for values in rows:
            record = by_pk.get(values.get("pk")) or rows_of.model(**{rows_of.parent: parent})
            if record.pk and all(getattr(record, name) == values[name] for name in rows_of.fields):
                continue
            _write(rows_of, record, values, expected_version=getattr(record, "version", None))

    save_set(
        lock=type(parent)._default_manager.filter(pk=parent.pk),
        read=lambda: rows_of.saved(parent),
        digest=rows_of.fingerprint,
        expected=expected_fingerprint,
        write=write,
    )


def row_save(*, rows_of: RowSet, parent: Indicator | Action, record: models.Model | None, values: Row) -> None:
    """One row of a set added (`record` None) or changed, the others left as they are: what an import writes. A
    versioned row (an action's partner) is refused with EditConflict if saved since it was read."""
    _write(
        rows_of,
        record or rows_of.model(**{rows_of.parent: parent}),
        values,
        expected_version=getattr(record, "version", None),
    )


def _write(rows_of: RowSet, record: models.Model, values: Row, *, expected_version: int | None) -> None:
    for name in rows_of.fields:
        setattr(record, name, values[name])
    if record.pk and isinstance(record, VersionedModel):
        save_versioned(record, expected_version=expected_version)
    else:
        record.save()


def _attname(model: type[models.Model], name: str) -> str:
    return model._meta.get_field(name).attname


def _plain(value: object) -> object:
    return str(value) if value is not None else None
