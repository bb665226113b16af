"""Pages shared by every area: the edit-conflict page, a refused set, and a record's history."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db import models
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext

from .concurrency import ConflictRow, EditConflict, SetChanged, conflict_rows
from .deletion import DeletionRefused, deletion_of
from .history import HistoryEntry
from .models import VersionedModel


def render_conflict(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    current: VersionedModel,
    cancel_url: str,
    context: dict | None = None,
) -> HttpResponse:
    """Refuse a save that would overwrite someone else's: show both versions and keep what was typed.

    The form is shown again with the person's own values and the current version number, so that saving it
    once more is a deliberate choice to replace the other version.
    """
    data = form.data.copy()
    data["version"] = str(current.version)
    form.data = data
    page = {
        "form": form,
        "rows": conflict_rows(form, current),
        "current": current,
        "last_editor": _last_editor(current),
        "cancel_url": cancel_url,
        "action_url": request.get_full_path(),
        **(context or {}),
    }
    return render(request, "core/conflict.html", page, status=409)


def render_region(request: HttpRequest, *, page: str, region: str, context: dict, status: int = 200) -> HttpResponse:
    """A page with a region that HTMX refreshes (a filtered list, a step's status): the region's partial for an
    HTMX request, the whole page otherwise, which includes the same partial and works without JavaScript.

    When htmx restores a page from its history (the person comes back to a pushed URL), it asks for the whole
    page; and the answer varies with HX-Request, so no cache hands a partial to a full page load.
    """
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(request, region if partial else page, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


@dataclass(frozen=True)
class SetConflict:
    """What `core/_set_conflict.html` shows above a set's form whose save was refused (status 409)."""

    alert: str
    caption: str
    label_heading: str
    differences: list[ConflictRow]


def set_conflict(
    form: forms.BaseForm, conflict: SetChanged, *, alert: str, caption: str, label_heading: str, differences
) -> SetConflict:
    """Keep everything the person typed but carry the set's current fingerprint, so that saving again is a
    deliberate choice to replace what the other person saved; `differences` are the rows where the saved set
    differs from the person's own choice."""
    data = form.data.copy()
    data["fingerprint"] = conflict.fingerprint
    form.data = data
    return SetConflict(alert=alert, caption=caption, label_heading=label_heading, differences=list(differences))


def save_or_conflict(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    save: Callable[[], object],
    success_url: str,
    context: dict,
    message: str = "",
) -> HttpResponse:
    """Every edit of one record: `save()` (the app's service, which saves with save_versioned), then
    `success_url` with a message; the conflict page (409) if someone saved the record since the form was opened,
    with what the person typed kept and the way back to `success_url`."""
    try:
        save()
    except EditConflict as conflict:
        return render_conflict(request, form=form, current=conflict.current, cancel_url=success_url, context=context)
    messages.success(request, message or gettext("Les modifications ont été enregistrées."))
    return redirect(success_url)


def _last_editor(instance: models.Model) -> str:
    record = instance.history.select_related("history_user").order_by("-history_date").first()
    return str(record.history_user) if record and record.history_user else ""


def render_history(
    request: HttpRequest, *, title: str, back_url: str, entries: list[HistoryEntry], context: dict
) -> HttpResponse:
    """The "Historique" page of a record or of a set: `entries` from core.history (history_entries of a record,
    child_history of a set's rows, or both merged), `context` the page context of the page it belongs to."""
    page = {**context, "entries": entries, "title": title, "back_url": back_url}
    return render(request, "core/history.html", page)


def confirm_deletion(
    request: HttpRequest,
    *,
    instance: models.Model,
    title: str,
    cancel_url: str,
    delete: Callable[[], object],
    success_url: str,
    success_message: str,
    context: dict,
) -> HttpResponse:
    """Every deletion's page. GET: what deleting `instance` removes with it, which records lose a link to it,
    what prevents it, and the button that confirms. POST: `delete()` (the app's service) when nothing prevents
    it, then `success_url` with `success_message`; refused (409) if something came to protect it meanwhile or
    the service refuses (DeletionRefused)."""
    deletion = deletion_of(instance)
    refusal = ""
    if request.method == "POST" and deletion.allowed:
        try:
            delete()
        except ProtectedError:
            deletion = deletion_of(instance)
        except DeletionRefused as refused:
            refusal = str(refused)
        else:
            messages.success(request, success_message)
            return redirect(success_url)
    page = {**context, "deletion": deletion, "refusal": refusal, "title": title, "cancel_url": cancel_url}
    return render(request, "core/confirm_delete.html", page, status=409 if request.method == "POST" else 200)
