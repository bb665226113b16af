"""A meeting's agenda, edited as one set: rows in order, a row left without a title is removed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import ConflictRow, SetChanged
from core.rendering import set_conflict
from partnerships.access import FORM, PartnershipAccess, partnership_view

from .. import selectors, services
from ..access import access_meeting
from ..forms import AgendaFingerprintForm, AgendaFormSet, agenda_initial
from ..models import Meeting
from .common import meeting_url, page_context


@partnership_view(methods=FORM)
def agenda_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, can_edit = access_meeting(access, cycle_pk, meeting_pk)
    if not can_edit:
        raise PermissionDenied
    items = selectors.agenda(meeting)
    kwargs = {"form_kwargs": {"cycle": meeting.cycle}, "prefix": "agenda"}
    if request.method != "POST":
        formset = AgendaFormSet(initial=agenda_initial(items), **kwargs)
        form = AgendaFingerprintForm(initial={"fingerprint": services.agenda_fingerprint(items)})
        return _render(request, access, meeting, formset, form)
    formset = AgendaFormSet(request.POST, **kwargs)
    form = AgendaFingerprintForm(request.POST)
    if not (formset.is_valid() and form.is_valid()):
        return _render(request, access, meeting, formset, form)
    try:
        services.agenda_save(
            meeting=meeting, rows=formset.rows(), expected_fingerprint=form.cleaned_data["fingerprint"]
        )
    except SetChanged as conflict:
        return _render(request, access, meeting, formset, form, conflict=conflict)
    messages.success(request, _("L'ordre du jour a été enregistré."))
    return redirect(meeting_url(access, meeting))


def _render(request, access: PartnershipAccess, meeting: Meeting, formset, form, *, conflict=None) -> HttpResponse:
    context = page_context(access, meeting.cycle, meeting=meeting, formset=formset, form=form)
    if conflict is None:
        return render(request, "meetings/agenda_form.html", context)
    typed = [row.title for row in formset.rows()]
    saved = [item.title for item in conflict.saved]
    context["set_conflict"] = set_conflict(
        form,
        conflict,
        alert=_(
            "Quelqu'un a enregistré l'ordre du jour pendant que vous le modifiiez : le vôtre n'a pas été enregistré."
        ),
        caption=_("Points où l'ordre du jour enregistré diffère du vôtre"),
        label_heading=_("Rang"),
        differences=[
            ConflictRow(label=str(n), saved=s, yours=y)
            for n, (s, y) in enumerate(_pad(saved, typed), start=1)
            if s != y
        ],
    )
    return render(request, "meetings/agenda_form.html", context, status=409)


def _pad(saved: list[str], typed: list[str]) -> list[tuple[str, str]]:
    size = max(len(saved), len(typed))
    return list(zip(saved + [""] * (size - len(saved)), typed + [""] * (size - len(typed)), strict=True))
