"""Pages shared by every area: the edit-conflict page and a record's history."""

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .concurrency import conflict_rows
from .history import history_entries
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


def _last_editor(instance: models.Model) -> str:
    record = instance.history.select_related("history_user").order_by("-history_date").first()
    return str(record.history_user) if record and record.history_user else ""


def render_history(
    request: HttpRequest, *, obj: models.Model, title: str, back_url: str, context: dict | None = None
) -> HttpResponse:
    page = {"entries": history_entries(obj), "obj": obj, "title": title, "back_url": back_url, **(context or {})}
    return render(request, "core/history.html", page)
