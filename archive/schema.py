"""Which models a partnership's archive holds, found from the models themselves (never a list kept by hand).

A model belongs to the archive when it is a concrete model of a project app with a path to a partnership: its
`PARTNERSHIP_PATH` (core.models.PartnershipQuerySet) or, for the factor catalogue's local rows, a direct foreign
key to the partnership. A path that starts at a person (a calendar feed, an API token) is that person's, not the
partnership's: those secrets stay with the installation. The partnership itself is the root. People (accounts)
travel as `people.jsonl` (e-mail and name). Shared reference data (a row of a model with a partnership key left
empty: the protective factor catalogue, the reference questionnaire) is named by its natural key, the fields of
the model's unique constraint for reference rows. With history, each model's django-simple-history table and the
tables of its many-to-many history come along.
"""

from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q

from core.hooks import project_apps
from partnerships.models import Partnership


@dataclass(frozen=True)
class Reference:
    """A foreign key (or many-to-many) of an archived model, and the model it points to."""

    name: str
    attname: str
    target: type[models.Model]
    null: bool
    many: bool = False


@dataclass
class ArchivedModel:
    model: type[models.Model]
    # How rows are selected: the path to the partnership, or for history, the archived model whose rows they follow.
    path: str | None = None
    history_of: "ArchivedModel | None" = None
    values: list[models.Field] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    files: list[models.FileField] = field(default_factory=list)
    # A secret drawn anew by each installation (an invitation's token): neither exported nor compared.
    regenerated: list[models.Field] = field(default_factory=list)
    # For a historical model: its `id` field names the archived record it is the history of.
    record_field: str | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label

    @property
    def is_history(self) -> bool:
        return self.history_of is not None

    @property
    def file_name(self) -> str:
        return f"records/{self.label}.jsonl"


def _is_secret(model_field: models.Field) -> bool:
    return (
        model_field.unique
        and not model_field.primary_key
        and not model_field.editable
        and callable(model_field.default)
    )


def _describe(archived: ArchivedModel, *, record_target: type[models.Model] | None = None) -> ArchivedModel:
    # A history table copies the record's secret without its uniqueness: it stays out of the archive all the same.
    secrets = {f.name for f in record_target._meta.concrete_fields if _is_secret(f)} if record_target else set()
    for model_field in archived.model._meta.concrete_fields:
        if model_field.primary_key:
            continue
        if model_field.is_relation:
            archived.references.append(
                Reference(model_field.name, model_field.attname, model_field.related_model, model_field.null)
            )
        elif record_target is not None and model_field.name == "id":
            archived.record_field = "id"
            archived.references.append(Reference("id", "id", record_target, False))
        elif isinstance(model_field, models.FileField):
            archived.files.append(model_field)
        elif _is_secret(model_field) or model_field.name in secrets:
            archived.regenerated.append(model_field)
        else:
            archived.values.append(model_field)
    for m2m in archived.model._meta.local_many_to_many:
        archived.references.append(Reference(m2m.name, m2m.attname, m2m.related_model, True, many=True))
    return archived


def _path_of(model: type[models.Model]) -> str | None:
    path = getattr(model, "PARTNERSHIP_PATH", None)
    if path is None:
        direct = [f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is Partnership]
        path = direct[0] if len(direct) == 1 else None
    if path is None:
        return None
    first_hop = model._meta.get_field(path.split("__")[0])
    if first_hop.is_relation and first_hop.related_model is get_user_model():
        return None
    return path


def _is_historical(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type") or any(
        f.name == "history" and f.is_relation and hasattr(f.related_model, "instance_type")
        for f in model._meta.concrete_fields
    )


@cache
def archived_models() -> tuple[ArchivedModel, ...]:
    """Every archived model of the records (the partnership first), in INSTALLED_APPS order."""
    found = [_describe(ArchivedModel(Partnership))]
    for app in project_apps():
        for model in apps.get_app_config(app).get_models():
            if model is Partnership or model._meta.abstract or model._meta.proxy or _is_historical(model):
                continue
            path = _path_of(model)
            if path is not None:
                found.append(_describe(ArchivedModel(model, path=path)))
    return tuple(found)


@cache
def history_models() -> tuple[ArchivedModel, ...]:
    """The history tables of the archived models, each followed by the tables of its many-to-many history."""
    found = []
    for archived in archived_models():
        manager = getattr(archived.model, "history", None)
        historical = getattr(manager, "model", None)
        if historical is None or not hasattr(historical, "instance_type"):
            continue
        entry = _describe(ArchivedModel(historical, history_of=archived), record_target=archived.model)
        found.append(entry)
        for related in historical._meta.related_objects:
            m2m_history = related.related_model
            if related.field.name == "history" and m2m_history is not historical:
                found.append(_describe(ArchivedModel(m2m_history, history_of=entry)))
    return tuple(found)


def by_label() -> dict[str, ArchivedModel]:
    return {archived.label: archived for archived in archived_models() + history_models()}


def rows_of(archived: ArchivedModel, partnership: Partnership) -> models.QuerySet:
    """The archived model's rows of `partnership`, as a query (never loaded whole)."""
    manager = archived.model._base_manager
    if archived.model is Partnership:
        return manager.filter(pk=partnership.pk)
    if archived.history_of is None:
        return manager.filter(**{archived.path: partnership})
    parent_rows = rows_of(archived.history_of, partnership)
    if archived.record_field:
        return manager.filter(id__in=parent_rows.values("pk"))
    return manager.filter(history__in=parent_rows.values("pk"))


# Shared reference data --------------------------------------------------------------------------------------------


def _shared_filter(model: type[models.Model]) -> str | None:
    """The field whose emptiness marks a row of the installation's shared reference data (`partnership`)."""
    for model_field in model._meta.concrete_fields:
        if model_field.is_relation and model_field.related_model is Partnership and model_field.null:
            return model_field.name
    return None


@cache
def natural_key_fields(model: type[models.Model]) -> tuple[str, ...] | None:
    """The fields of the unique constraint that holds for the shared reference rows, or None."""
    shared = _shared_filter(model)
    if shared is None:
        return None
    for constraint in model._meta.constraints:
        if (
            isinstance(constraint, models.UniqueConstraint)
            and constraint.fields
            and constraint.condition == Q(**{f"{shared}__isnull": True})
        ):
            return tuple(constraint.fields)
    return None


def is_shared(model: type[models.Model], instance: models.Model) -> bool:
    shared = _shared_filter(model)
    return shared is not None and getattr(instance, f"{shared}_id") is None and natural_key_fields(model) is not None


def shared_query(model: type[models.Model]) -> models.QuerySet:
    return model._base_manager.filter(**{f"{_shared_filter(model)}__isnull": True})
