"""Saving a record with its many-to-many links as one change: one history entry per user action.

django-simple-history writes a record on every save() and on every change of a many-to-many field, so saving an
objective and setting its priorities and factors would leave three entries for one click. Every service that
saves links goes through `save_with_links`.
"""

from collections.abc import Iterable, Mapping

from django.db import models, transaction

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
