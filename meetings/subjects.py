"""What an agenda item or a decision may be about: for each field of models.SUBJECT_FIELDS, the records of the
cycle a meeting may name, for the choice list. A decision joins the chain through the same fields (its CHAIN),
so the page of the record it names lists it among what depends on the record."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.chain import node_of
from cycles.models import Cycle


@dataclass(frozen=True)
class SubjectKind:
    field: str  # the field of AgendaItem and Decision
    heading: Promise  # the group of the choice list
    candidates: Callable[[Cycle], models.QuerySet]


def _model(label: str) -> type[models.Model]:
    return apps.get_model(label)


KINDS: tuple[SubjectKind, ...] = (
    SubjectKind("finding", _("Constats"), lambda cycle: _model("analysis.Finding").objects.filter(cycle=cycle)),
    SubjectKind(
        "priority",
        _("Priorités"),
        lambda cycle: _model("priorities.Priority").objects.filter(cycle=cycle).select_related("finding"),
    ),
    SubjectKind("objective", _("Objectifs"), lambda cycle: _model("priorities.Objective").objects.filter(cycle=cycle)),
    SubjectKind(
        "transformation",
        _("Transformations souhaitées"),
        lambda cycle: _model("plan.DesiredChange").objects.filter(objective__cycle=cycle),
    ),
    SubjectKind("action", _("Actions"), lambda cycle: _model("plan.Action").objects.filter(cycle=cycle)),
    SubjectKind(
        "round",
        _("Passations de l'outil diagnostique"),
        lambda cycle: _model("diagnostic.Round").objects.filter(partnership_id=cycle.partnership_id),
    ),
)

# What naming a row's subject reads, joined with the row (a priority is named by its finding).
SUBJECT_JOINS = ("finding", "priority__finding", "objective", "transformation", "action", "round")


def subject_url(record: models.Model | None, slug: str) -> str:
    """The page of a subject: the one its model declares for the chain."""
    return node_of(type(record)).url(record, slug) if record is not None else ""
