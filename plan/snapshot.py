"""An adopted plan, frozen: the whole plan as plain values (codes, names, amounts as text) in one JSON document,
and the comparison of two such documents item by item, labels read in the reader's language.

Codes of choices (system, status…) are stored, not their labels, so that a version reads in French or in
English alike; the names of records (an organization, a funder) are stored as they read at the adoption.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.systems import RANK
from cycles.models import Cycle
from priorities.models import Objective

from .models import Action, BudgetLine, DesiredChange, Indicator, clientele_labels
from .money import money
from .selectors import plan_of

Snapshot = dict[str, dict[str, dict]]


def plan_snapshot(cycle: Cycle) -> Snapshot:
    plan = plan_of(cycle)
    return {
        "objectives": {
            str(o.pk): {"title": o.title, "factors": sorted(f.name for f in o.plan_factors)} for o in plan.objectives
        },
        "transformations": {str(t.pk): _transformation(t) for t in plan.transformations},
        "indicators": {str(i.pk): _indicator(i) for i in plan.indicators},
        "actions": {str(a.pk): _action(a) for a in plan.actions},
    }


def _name(record: models.Model | None) -> str:
    return str(record) if record is not None else ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _transformation(t: DesiredChange) -> dict:
    return {
        "objective": t.objective.title,
        "system": t.system,
        "statement": t.statement,
        "lead": _name(t.lead),
        "partners": sorted(o.name for o in t.partner_list),
        "factors": sorted(f.name for f in t.factor_list),
    }


def _indicator(i: Indicator) -> dict:
    values = {name: _text(getattr(i, name)) for name in INDICATOR_FIELDS}
    values["baseline_statistic"] = _name(i.baseline_statistic)
    values["targets"] = [{"value": _text(t.value), "date": _text(t.date)} for t in i.target_list]
    return values


def _action(a: Action) -> dict:
    values = {name: _text(getattr(a, name)) for name in ACTION_FIELDS}
    values["lead"] = _name(a.lead)
    values["transformations"] = sorted(
        ({"system": t.system, "statement": t.statement} for t in a.transformation_list),
        key=lambda t: (RANK[t["system"]], t["statement"]),
    )
    values["partners"] = [
        {
            "organization": p.organization.name,
            "role": p.role,
            "contribution_in_kind": p.contribution_in_kind,
            "contribution_money": _text(p.contribution_money),
        }
        for p in a.partner_list
    ]
    values["milestones"] = [{"title": m.title, "date": _text(m.date), "done": m.done} for m in a.milestone_list]
    values["budget"] = [
        {"year": b.year, "funder": b.funder.name, "amount": _text(b.amount), "status": b.status, "nature": b.nature}
        for b in a.budget_list
    ]
    return values


INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "polarity",
    "data_source",
    "collection_tool",
    "frequency",
    "baseline_value",
    "baseline_date",
    "baseline_source",
)
ACTION_FIELDS = (
    "title",
    "description",
    "clienteles",
    "territory",
    "starts_on",
    "ends_on",
    "human_resources",
    "material_resources",
    "follow_up",
    "status",
)


# --- Reading a snapshot in the reader's language -------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise
    model: type[models.Model]
    name_field: str


KINDS = (
    Kind("objectives", _("Objectifs"), Objective, "title"),
    Kind("transformations", _("Transformations souhaitées"), DesiredChange, "statement"),
    Kind("indicators", _("Indicateurs"), Indicator, "name"),
    Kind("actions", _("Actions"), Action, "title"),
)
LABELS = {
    "title": _("Titre"),
    "objective": _("Objectif"),
    "factors": _("Facteurs de protection"),
    "partners": _("Partenaires"),
    "lead": _("Organisme porteur"),
    "targets": _("Cibles"),
    "milestones": _("Jalons"),
    "budget": _("Budget"),
    "transformations": _("Transformations souhaitées"),
    "baseline_statistic": _("Donnée de l'Outil 5 citée"),
}


def field_label(model: type[models.Model], name: str) -> str:
    if name in LABELS:
        return str(LABELS[name])
    return str(model._meta.get_field(name).verbose_name).capitalize()


def display(model: type[models.Model], name: str, value: object) -> str:
    """A stored value as the reader reads it: a choice's label, a list joined, a set's rows each in words."""
    if isinstance(value, list):
        return "; ".join(display_row(name, item) if isinstance(item, dict) else str(item) for item in value) or "—"
    if name == "clienteles":
        return ", ".join(clientele_labels(str(value))) or "—"
    if name in {f.name for f in model._meta.get_fields()}:
        choices = dict(getattr(model._meta.get_field(name), "choices", None) or ())
        if value in choices:
            return str(choices[value])
    return str(value) if value not in ("", None) else "—"


def display_row(name: str, row: dict) -> str:
    if name == "transformations":
        return f"{display(DesiredChange, 'system', row['system'])} — {row['statement']}"
    if name == "budget":
        status = display(BudgetLine, "status", row["status"])
        nature = display(BudgetLine, "nature", row["nature"])
        return f"{row['year']} · {row['funder']} · {money(Decimal(row['amount']))} · {status} · {nature}"
    if name == "targets":
        return f"{row['value']} ({row['date']})"
    if name == "milestones":
        done = " ✓" if row["done"] else ""
        return f"{row['title']} ({row['date']}){done}"
    parts = [row["organization"], row["role"], row["contribution_in_kind"]]
    if row["contribution_money"]:
        parts.append(money(Decimal(row["contribution_money"])))
    return " · ".join(part for part in parts if part)


# --- Comparing two snapshots ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ItemChange:
    name: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class KindComparison:
    label: str
    added: list[str]
    removed: list[str]
    changed: list[ItemChange]

    @property
    def is_same(self) -> bool:
        return not (self.added or self.removed or self.changed)


def compare(old: Snapshot, new: Snapshot) -> list[KindComparison]:
    return [_compare_kind(kind, old.get(kind.key, {}), new.get(kind.key, {})) for kind in KINDS]


def _compare_kind(kind: Kind, old: dict[str, dict], new: dict[str, dict]) -> KindComparison:
    def name(item: dict) -> str:
        return str(item.get(kind.name_field, ""))

    changed = []
    for key in old.keys() & new.keys():
        differences = [
            FieldChange(
                label=field_label(kind.model, field_name),
                old=display(kind.model, field_name, old[key].get(field_name, "")),
                new=display(kind.model, field_name, new[key].get(field_name, "")),
            )
            for field_name in new[key]
            if old[key].get(field_name) != new[key][field_name]
        ]
        if differences:
            changed.append(ItemChange(name=name(new[key]), changes=differences))
    return KindComparison(
        label=str(kind.label),
        added=sorted(name(new[key]) for key in new.keys() - old.keys()),
        removed=sorted(name(old[key]) for key in old.keys() - new.keys()),
        changed=sorted(changed, key=lambda item: item.name),
    )
