"""Desired transformations: one per objective and system."""

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
from ..access import access_transformation
from ..forms import TransformationForm
from ..models import DesiredChange
from .common import page_context, plan_url


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def transformation_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    initial = {"objective": request.GET.get("objectif"), "system": request.GET.get("systeme")}
    form = TransformationForm(request.POST or None, cycle=cycle, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.transformation_create(
                transformation=form.instance,
                factors=form.cleaned_data["factors"],
                partners=form.cleaned_data["partners"],
            ),
            url=lambda t: plan_url("transformation_detail", access, cycle.pk, transformation_pk=t.pk),
            message=lambda t: _("La transformation souhaitée a été ajoutée."),
        )
        if created:
            return created
    return render(request, "plan/transformation_form.html", page_context(access, cycle, form=form))


@partnership_view()
def transformation_detail(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, transformation_pk: int
) -> HttpResponse:
    transformation, can_edit = access_transformation(access, cycle_pk, transformation_pk)
    context = page_context(
        access,
        transformation.objective.cycle,
        transformation=transformation,
        can_edit=can_edit,
        indicators=selectors.indicators_of(transformation),
        actions=selectors.transformation_actions(transformation),
        chain=chain_of(transformation, partnership=access.partnership),
    )
    return render(request, "plan/transformation_detail.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> DesiredChange:
    transformation, can_edit = access_transformation(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return transformation


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def transformation_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, transformation_pk: int
) -> HttpResponse:
    transformation = _editable(access, cycle_pk, transformation_pk)
    cycle = transformation.objective.cycle
    form = TransformationForm(request.POST or None, instance=transformation, cycle=cycle)
    context = page_context(access, cycle, form=form, transformation=transformation)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.transformation_update(
                transformation=transformation,
                expected_version=form.cleaned_data["version"],
                factors=form.cleaned_data["factors"],
                partners=form.cleaned_data["partners"],
            ),
            success_url=plan_url("transformation_detail", access, cycle_pk, transformation_pk=transformation.pk),
            context=context,
        )
    return render(request, "plan/transformation_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def transformation_delete(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, transformation_pk: int
) -> HttpResponse:
    transformation = _editable(access, cycle_pk, transformation_pk)
    return confirm_deletion(
        request,
        instance=transformation,
        title=str(transformation),
        cancel_url=plan_url("transformation_detail", access, cycle_pk, transformation_pk=transformation.pk),
        delete=lambda: services.transformation_delete(transformation=transformation),
        success_url=plan_url("home", access, cycle_pk),
        success_message=_("La transformation souhaitée a été supprimée."),
        context=page_context(access, transformation.objective.cycle),
    )


@partnership_view()
def transformation_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, transformation_pk: int
) -> HttpResponse:
    transformation, _can_edit = access_transformation(access, cycle_pk, transformation_pk)
    return render_history(
        request,
        title=str(transformation),
        back_url=plan_url("transformation_detail", access, cycle_pk, transformation_pk=transformation.pk),
        entries=history_entries(transformation),
        context=page_context(access, transformation.objective.cycle),
    )
