"""No lost updates. A record's save names the version it started from; a whole set's save (a row of the
Outil 7 matrix, the candidate priorities, the selected factors, an attendance list…) names the fingerprint of the
set it started from. Either is refused if someone saved in between, and nothing is written."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .models import VersionedModel

S = TypeVar("S")
R = TypeVar("R")
INCOMPLETE_FORM = _("Le formulaire est incomplet : rechargez la page et recommencez.")


class EditConflict(Exception):
    """Someone saved the record after the form was opened; `current` is the record as it is now."""

    def __init__(self, current: VersionedModel) -> None:
        super().__init__(f"{type(current).__name__} {current.pk} changed since it was read")
        self.current = current


def save_versioned(instance: VersionedModel, *, expected_version: int, reason: str = "") -> None:
    """Save `instance` only if its row is still at `expected_version`, and move it to the next version.

    The conditional UPDATE claims the row atomically on every database, so two concurrent saves from the
    same version cannot both succeed. The following save() writes the fields and the history record.
    """
    model = type(instance)
    with transaction.atomic():
        claimed = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not claimed:
            raise EditConflict(model._default_manager.get(pk=instance.pk))
        instance.version = expected_version + 1
        if reason:
            instance._change_reason = reason
        instance.save()


class VersionedFormMixin(forms.Form):
    """Carries the version the person started from through the round trip of an edit form."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["version"] = instance.version
        self.fields["version"].error_messages["required"] = INCOMPLETE_FORM


# --- Whole sets ------------------------------------------------------------------------------------------------


def fingerprint(state: object) -> str:
    """A digest of a whole set as the person saw it: give it something ordered and stable (sorted pairs of
    primary keys and versions, of factors and rationales…); any save in the set must change it."""
    return hashlib.sha256(repr(state).encode()).hexdigest()[:24]


class SetChanged(Exception, Generic[S]):
    """Someone saved the set since the form was opened; nothing was written. `saved` is the set as it is now and
    `fingerprint` its digest, which the page carries so that saving again is a deliberate choice."""

    def __init__(self, saved: S, fingerprint: str) -> None:
        super().__init__("the set changed since it was read")
        self.saved = saved
        self.fingerprint = fingerprint


def save_set(
    *,
    lock: models.QuerySet,
    read: Callable[[], S],
    digest: Callable[[S], str],
    expected: str | None,
    write: Callable[[S], R],
) -> R:
    """Write a whole set if it is still the one the person started from.

    The rows of `lock` are locked first (SELECT … FOR UPDATE: the parent every save of the set goes through,
    such as the cycle or the organization), so a second save waits, then reads the first one's result and is
    refused. `read` returns
    the set as saved, `digest` its fingerprint, `write` the changes (given the saved set). `expected` None skips
    the check, for scripts that own the data (the demo). Where the database does not lock (SQLite), a save that
    slips in between shows up as an EditConflict or an IntegrityError, and is refused the same way.
    """
    with transaction.atomic():
        list(lock.select_for_update().values_list("pk", flat=True))
        saved = read()
        if expected is not None and digest(saved) != expected:
            raise SetChanged(saved, digest(saved))
        try:
            with transaction.atomic():
                return write(saved)
        except (EditConflict, IntegrityError):
            saved = read()
            raise SetChanged(saved, digest(saved)) from None


class FingerprintFormMixin(forms.Form):
    """Carries the fingerprint of the set the person started from through the round trip of a set's form."""

    fingerprint = forms.CharField(widget=forms.HiddenInput, error_messages={"required": INCOMPLETE_FORM})


@dataclass(frozen=True)
class ConflictRow:
    label: str
    saved: str
    yours: str

    @property
    def differs(self) -> bool:
        return self.saved != self.yours


def conflict_rows(form: forms.BaseForm, current: VersionedModel) -> list[ConflictRow]:
    """Field by field, the saved value beside what the person typed, for the conflict page."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or isinstance(field.widget, forms.HiddenInput):
            continue
        saved = _display(field, getattr(current, name, ""))
        yours = _display(field, form.cleaned_data.get(name, "") if hasattr(form, "cleaned_data") else "")
        rows.append(ConflictRow(label=str(field.label or name), saved=saved, yours=yours))
    return rows


def _display(field: forms.Field, value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "all") and callable(value.all):
        value = list(value.all())
    if isinstance(value, (list, tuple, set)):
        return ", ".join(sorted(_display(field, v) for v in value))
    choices = getattr(field, "choices", None)
    if choices is not None and not hasattr(value, "pk"):
        for key, label in choices:
            if str(key) == str(value):
                return str(label)
    if isinstance(value, bool):
        return str(_("oui") if value else _("non"))
    if hasattr(value, "name") and hasattr(value, "url"):
        return str(value.name)
    return str(value)
