"""Saving a record with its many-to-many links as one change: one history entry per user action.

django-simple-history writes a record on every save() and on every change of a many-to-many field, so saving an
objective and setting its priorities and factors would leave three entries for one click. Every service that
saves links goes through `save_with_links`; a copy of many records at once (the next cycle's plan) goes through
`create_all`.
"""

from collections.abc import Iterable, Mapping

from django.db import models, transaction
from simple_history.utils import bulk_create_with_history

from .concurrency import save_versioned
from .models import history_records

Links = Mapping[str, Iterable[models.Model]]


@transaction.atomic
def save_with_links(
    instance: models.Model, *, links: Links, expected_version: int | None = None, reason: str = ""
) -> None:
    """Create `instance` (no primary key yet) or save it, set its many-to-many `links` ({field name: objects}),
    and write one history record holding the fields and the links as they now are.

    An existing record is saved with save_versioned: EditConflict (and nothing written) if someone saved it
    since `expected_version`.
    """
    creating = instance._state.adding
    if not creating and expected_version is None:
        raise TypeError("saving an existing record needs the version the person started from")
    instance.skip_history_when_saving = True
    try:
        if creating:
            instance.save()
        else:
            save_versioned(instance, expected_version=expected_version)
        for name, objects in links.items():
            getattr(instance, name).set(list(objects))
    finally:
        del instance.skip_history_when_saving
    if reason:
        instance._change_reason = reason
    history_records(type(instance)).create_historical_record(instance, "+" if creating else "~")


@transaction.atomic
def create_all(
    instances: list[models.Model],
    *,
    links: list[Links] | None = None,
    reason: str = "",
    user: models.Model | None = None,
) -> None:
    """Create many records of one model at once (a copy of a whole plan), each with one history entry naming
    `user` and `reason`: one insert for the records, one per many-to-many field for their links (`links[n]` holds
    those of `instances[n]`), then each record's history with its links as they now are. Without links, the
    history is one insert too."""
    if not instances:
        return
    model = type(instances[0])
    if links is None:
        bulk_create_with_history(instances, model, default_user=user, default_change_reason=reason or None)
        return
    model._default_manager.bulk_create(instances)
    for name in sorted({name for each in links for name in each}):
        field = model._meta.get_field(name)
        through = field.remote_field.through
        here, there = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through._default_manager.bulk_create(
            through(**{here: instance.pk, there: target.pk})
            for instance, each in zip(instances, links, strict=True)
            for target in each.get(name, ())
        )
    records = history_records(model)
    for instance in instances:
        if user is not None:
            instance._history_user = user
        if reason:
            instance._change_reason = reason
        records.create_historical_record(instance, "+")
