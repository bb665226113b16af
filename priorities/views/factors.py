"""The protective factors the cycle's plan will target, per system: a set saved at once."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import SetChanged
from core.history import child_history
from core.rendering import render_history, set_conflict
from cycles.access import access_cycle
from cycles.models import Cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import conflicts, selectors, services
from ..forms import SelectedFactorsForm
from ..models import SelectedFactor
from .common import page_context, tool_url


@partnership_view(methods=FORM)
def factors(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    if request.method == "POST":
        access.require(Perm.EDIT_PRIORITIES)
    groups = selectors.factor_choices(partnership=access.partnership, cycle=cycle)
    if request.method != "POST":
        initial = {"fingerprint": services.selection_fingerprint(selectors.selected_rationales(cycle))}
        return _render_factors(request, access, cycle, SelectedFactorsForm(groups=groups, initial=initial))
    form = SelectedFactorsForm(request.POST, groups=groups)  # bound even when every box is unticked
    if not form.is_valid():
        return _render_factors(request, access, cycle, form)
    try:
        services.selected_factors_save(
            cycle=cycle,
            choices=form.choices(),
            user=request.user,
            expected_fingerprint=form.cleaned_data["fingerprint"],
        )
    except SetChanged as conflict:
        return _render_factors(request, access, cycle, form, conflict=conflict)
    messages.success(request, _("Les facteurs de protection retenus ont été enregistrés."))
    return redirect(tool_url("factors", access, cycle.pk))


def _render_factors(
    request: HttpRequest,
    access: PartnershipAccess,
    cycle: Cycle,
    form: SelectedFactorsForm,
    *,
    conflict: SetChanged | None = None,
) -> HttpResponse:
    context = page_context(access, cycle, form=form, can_edit=access.can(Perm.EDIT_PRIORITIES))
    if conflict is None:
        return render(request, "priorities/factors.html", context)
    chosen = {factor.pk: rationale for factor, rationale in form.choices().items()}
    context["set_conflict"] = set_conflict(
        form,
        conflict,
        alert=_(
            "Quelqu'un a enregistré les facteurs retenus pendant que vous les modifiiez : votre choix n'a pas été "
            "enregistré."
        ),
        caption=_("Facteurs où la version enregistrée diffère de votre choix"),
        label_heading=_("Facteur de protection"),
        differences=conflicts.factor_differences(form.groups, conflict.saved, chosen),
    )
    return render(request, "priorities/factors.html", context, status=409)


@partnership_view()
def factors_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """Factors selected or removed and rationales changed, each entry naming its factor."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    name = selectors.factor_names(access.partnership)
    entries = child_history(
        SelectedFactor, subject=lambda record: name(record.factor_id), fields=("rationale",), cycle_id=cycle.pk
    )
    return render_history(
        request,
        title=_("Facteurs de protection retenus"),
        back_url=tool_url("factors", access, cycle.pk),
        entries=entries,
        context=page_context(access, cycle),
    )
