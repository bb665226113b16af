"""The plan's sets of rows, each edited as a whole: an indicator's targets, an action's partners, milestones and
budget lines. "Ajouter une ligne" sends the form back with one more empty row (HTMX swaps the form alone, without
JavaScript the page comes back whole); nothing is saved until "Enregistrer"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.concurrency import ConflictRow, SetChanged
from core.rendering import render_region, set_conflict
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from ..access import access_action, access_action_milestones, access_indicator
from ..forms import RowsFingerprintForm, row_formset
from ..rows import BUDGET, MILESTONES, PARTNERS, TARGETS, RowSet, rows_save
from .common import page_context, plan_url

TITLES = {
    "targets": gettext_lazy("Cibles de l'indicateur « %(name)s »"),
    "partners": gettext_lazy("Partenaires de l'action « %(name)s »"),
    "milestones": gettext_lazy("Jalons de l'action « %(name)s »"),
    "budget": gettext_lazy("Budget de l'action « %(name)s »"),
}


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def targets(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int) -> HttpResponse:
    indicator, can_edit = access_indicator(access, cycle_pk, indicator_pk)
    back = plan_url("indicator_detail", access, cycle_pk, indicator_pk=indicator.pk)
    return _edit(request, access, TARGETS, indicator, can_edit, back, indicator.transformation.objective.cycle)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def partners(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action, can_edit = access_action(access, cycle_pk, action_pk)
    return _edit(request, access, PARTNERS, action, can_edit, _action_url(access, action), action.cycle)


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def milestones(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action, can_edit = access_action_milestones(access, cycle_pk, action_pk)
    return _edit(request, access, MILESTONES, action, can_edit, _action_url(access, action), action.cycle)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def budget(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action, can_edit = access_action(access, cycle_pk, action_pk)
    return _edit(request, access, BUDGET, action, can_edit, _action_url(access, action), action.cycle)


def _action_url(access: PartnershipAccess, action) -> str:
    return plan_url("action_detail", access, action.cycle_id, action_pk=action.pk)


def _edit(request, access, rows_of: RowSet, parent: models.Model, can_edit: bool, back: str, cycle) -> HttpResponse:
    if not can_edit:
        raise PermissionDenied
    saved = rows_of.saved(parent)
    kwargs = {"form_kwargs": {"cycle": cycle}, "prefix": rows_of.name}
    page = {"rows_of": rows_of, "parent": parent, "back_url": back, "title": TITLES[rows_of.name] % {"name": parent}}
    if request.method != "POST":
        formset = row_formset(rows_of.name, extra=2)(initial=_initial(rows_of, saved), **kwargs)
        form = RowsFingerprintForm(initial={"fingerprint": rows_of.fingerprint(saved)})
        return _render(request, access, cycle, page, formset, form)
    if "add_row" in request.POST:
        data = request.POST.copy()
        total = f"{rows_of.name}-TOTAL_FORMS"
        count = data.get(total, "")
        data[total] = str(int(count) + 1) if count.isdigit() else count  # a broken form says so below
        formset = row_formset(rows_of.name, extra=0)(data, **kwargs)
        return _render(request, access, cycle, page, formset, RowsFingerprintForm(data), adding=True)
    formset = row_formset(rows_of.name, extra=0)(request.POST, **kwargs)
    form = RowsFingerprintForm(request.POST)
    if not (formset.is_valid() and form.is_valid()):
        return _render(request, access, cycle, page, formset, form)
    try:
        rows_save(
            rows_of=rows_of, parent=parent, rows=formset.rows(), expected_fingerprint=form.cleaned_data["fingerprint"]
        )
    except SetChanged as conflict:
        return _render(request, access, cycle, page, formset, form, conflict=conflict)
    messages.success(request, _("Les modifications ont été enregistrées."))
    return redirect(back)


def _initial(rows_of: RowSet, saved: list[models.Model]) -> list[dict]:
    return [{"pk": record.pk, **_values(rows_of, record)} for record in saved]


def _render(request, access, cycle, page, formset, form, *, conflict=None, adding=False) -> HttpResponse:
    context = page_context(access, cycle, formset=formset, form=form, adding=adding, **page)
    status = 200
    if conflict is not None:
        status = 409
        rows_of = page["rows_of"]
        saved = [_row_text(rows_of, _values(rows_of, record)) for record in conflict.saved]
        typed = [_row_text(rows_of, row) for row in formset.rows()]
        size = max(len(saved), len(typed))
        saved += [""] * (size - len(saved))
        typed += [""] * (size - len(typed))
        context["set_conflict"] = set_conflict(
            form,
            conflict,
            alert=_(
                "Quelqu'un a enregistré ces lignes pendant que vous les modifiiez : "
                "les vôtres n'ont pas été enregistrées."
            ),
            caption=_("Lignes où ce qui est enregistré diffère de ce que vous avez saisi"),
            label_heading=_("Ligne"),
            differences=[
                ConflictRow(label=str(n), saved=s, yours=y)
                for n, (s, y) in enumerate(zip(saved, typed, strict=True), start=1)
                if s != y
            ],
        )
    return render_region(request, page="plan/row_set.html", region="plan/_row_set.html", context=context, status=status)


def _values(rows_of: RowSet, record: models.Model) -> dict:
    return {name: getattr(record, name) for name in rows_of.fields}


def _row_text(rows_of: RowSet, row: dict) -> str:
    return " · ".join(str(row[name]) for name in rows_of.fields if row[name] not in (None, ""))
