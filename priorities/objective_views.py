"""Objectives: what the plan aims at, linked to the priorities and factors they answer."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.rendering import render_conflict, render_history
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors, services
from .access import access_cycle, access_objective
from .forms import ObjectiveForm


def _list_url(access: PartnershipAccess, cycle_pk: int) -> str:
    return reverse("priorities:objectives", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk})


@partnership_view()
def objectives(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    context = {
        "access": access,
        "section": "cycles",
        "cycle": cycle,
        "objectives": selectors.objective_list(cycle),
        "can_edit": access.can(Perm.EDIT_PRIORITIES),
    }
    return render(request, "priorities/objective_list.html", context)


@partnership_view(Perm.EDIT_PRIORITIES)
def objective_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    form = ObjectiveForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        objective = services.objective_create(
            cycle=cycle,
            objective=form.instance,
            priorities=form.cleaned_data["priorities"],
            factors=form.cleaned_data["factors"],
        )
        messages.success(request, _("L'objectif « %(title)s » a été ajouté.") % {"title": objective.title})
        return redirect(_list_url(access, cycle.pk))
    context = {"access": access, "section": "cycles", "cycle": cycle, "form": form}
    return render(request, "priorities/objective_form.html", context)


@partnership_view(Perm.EDIT_PRIORITIES)
def objective_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    objective = access_objective(access, cycle, objective_pk)
    form = ObjectiveForm(request.POST or None, instance=objective, cycle=cycle)
    list_url = _list_url(access, cycle.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_update(
                objective=objective,
                expected_version=form.cleaned_data["version"],
                priorities=form.cleaned_data["priorities"],
                factors=form.cleaned_data["factors"],
            )
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=list_url, context={"access": access}
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(list_url)
    context = {"access": access, "section": "cycles", "cycle": cycle, "form": form, "objective": objective}
    return render(request, "priorities/objective_form.html", context)


@partnership_view(Perm.EDIT_PRIORITIES, methods=("POST",))
def objective_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    objective = access_objective(access, cycle, objective_pk)
    services.objective_delete(objective=objective)
    messages.success(request, _("L'objectif « %(title)s » a été supprimé.") % {"title": objective.title})
    return redirect(_list_url(access, cycle.pk))


@partnership_view()
def objective_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int
) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    objective = access_objective(access, cycle, objective_pk)
    return render_history(
        request,
        obj=objective,
        title=objective.title,
        back_url=_list_url(access, cycle.pk),
        context={"access": access, "section": "cycles"},
    )
