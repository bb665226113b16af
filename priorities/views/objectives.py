"""Objectives: what the plan aims at, linked to the priorities and factors they answer."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import history_entries
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_objective
from ..forms import ObjectiveForm
from .common import page_context, tool_url


@partnership_view()
def objectives(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    context = page_context(
        access, cycle, objectives=selectors.objective_list(cycle), can_edit=access.can(Perm.EDIT_PRIORITIES)
    )
    return render(request, "priorities/objective_list.html", context)


@partnership_view(Perm.EDIT_PRIORITIES, methods=FORM)
def objective_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = ObjectiveForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.objective_create(
                cycle=cycle,
                objective=form.instance,
                priorities=form.cleaned_data["priorities"],
                factors=form.cleaned_data["factors"],
            ),
            url=lambda objective: tool_url("objectives", access, cycle.pk),
            message=lambda objective: _("L'objectif « %(title)s » a été ajouté.") % {"title": objective.title},
        )
        if created:
            return created
    return render(request, "priorities/objective_form.html", page_context(access, cycle, form=form))


@partnership_view()
def objective_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int) -> HttpResponse:
    objective, can_edit = access_objective(access, cycle_pk, objective_pk)
    context = page_context(
        access,
        objective.cycle,
        objective=objective,
        can_edit=can_edit,
        priorities=selectors.objective_priorities(objective),
        factors=objective.factors.all(),
        chain=chain_of(objective, partnership=access.partnership),
    )
    return render(request, "priorities/objective_detail.html", context)


@partnership_view(Perm.EDIT_PRIORITIES, methods=FORM)
def objective_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int) -> HttpResponse:
    objective, can_edit = access_objective(access, cycle_pk, objective_pk)
    if not can_edit:
        raise PermissionDenied
    cycle = objective.cycle
    form = ObjectiveForm(request.POST or None, instance=objective, cycle=cycle)
    list_url = tool_url("objectives", access, cycle.pk)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.objective_update(
                objective=objective,
                expected_version=form.cleaned_data["version"],
                priorities=form.cleaned_data["priorities"],
                factors=form.cleaned_data["factors"],
            ),
            success_url=list_url,
            context=page_context(access, cycle),
        )
    return render(
        request, "priorities/objective_form.html", page_context(access, cycle, form=form, objective=objective)
    )


@partnership_view(Perm.EDIT_PRIORITIES, methods=FORM)
def objective_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int) -> HttpResponse:
    objective, can_edit = access_objective(access, cycle_pk, objective_pk)
    if not can_edit:
        raise PermissionDenied
    list_url = tool_url("objectives", access, cycle_pk)
    return confirm_deletion(
        request,
        instance=objective,
        title=objective.title,
        cancel_url=list_url,
        delete=lambda: services.objective_delete(objective=objective),
        success_url=list_url,
        success_message=_("L'objectif « %(title)s » a été supprimé.") % {"title": objective.title},
        context=page_context(access, objective.cycle),
    )


@partnership_view()
def objective_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, objective_pk: int
) -> HttpResponse:
    objective, _can_edit = access_objective(access, cycle_pk, objective_pk)
    return render_history(
        request,
        title=objective.title,
        back_url=tool_url("objectives", access, cycle_pk),
        entries=history_entries(objective),
        context=page_context(access, objective.cycle),
    )
