"""Indicators of a transformation, with their baseline; their targets are a set (views/sets.py)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import child_history, history_entries, merge_histories
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import services
from ..access import access_indicator, access_transformation
from ..forms import IndicatorForm
from ..models import Indicator, Target
from .common import page_context, plan_url


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def indicator_create(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, transformation_pk: int
) -> HttpResponse:
    transformation, can_edit = access_transformation(access, cycle_pk, transformation_pk)
    if not can_edit:
        raise PermissionDenied
    form = IndicatorForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.indicator_create(transformation=transformation, indicator=form.instance),
            url=lambda indicator: plan_url("indicator_detail", access, cycle_pk, indicator_pk=indicator.pk),
            message=lambda indicator: _("L'indicateur « %(name)s » a été ajouté.") % {"name": indicator.name},
        )
        if created:
            return created
    context = page_context(access, transformation.objective.cycle, form=form, transformation=transformation)
    return render(request, "plan/indicator_form.html", context)


@partnership_view()
def indicator_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int) -> HttpResponse:
    indicator, can_edit = access_indicator(access, cycle_pk, indicator_pk)
    context = page_context(
        access,
        indicator.transformation.objective.cycle,
        indicator=indicator,
        targets=indicator.targets.all(),
        can_edit=can_edit,
        chain=chain_of(indicator, partnership=access.partnership),
    )
    return render(request, "plan/indicator_detail.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> Indicator:
    indicator, can_edit = access_indicator(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return indicator


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def indicator_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int) -> HttpResponse:
    indicator = _editable(access, cycle_pk, indicator_pk)
    form = IndicatorForm(request.POST or None, instance=indicator, partnership=access.partnership)
    context = page_context(
        access, indicator.transformation.objective.cycle, form=form, indicator=indicator, transformation=None
    )
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.indicator_update(indicator=indicator, expected_version=form.cleaned_data["version"]),
            success_url=plan_url("indicator_detail", access, cycle_pk, indicator_pk=indicator.pk),
            context=context,
        )
    return render(request, "plan/indicator_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def indicator_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int) -> HttpResponse:
    indicator = _editable(access, cycle_pk, indicator_pk)
    back = plan_url("transformation_detail", access, cycle_pk, transformation_pk=indicator.transformation_id)
    return confirm_deletion(
        request,
        instance=indicator,
        title=indicator.name,
        cancel_url=plan_url("indicator_detail", access, cycle_pk, indicator_pk=indicator.pk),
        delete=lambda: services.indicator_delete(indicator=indicator),
        success_url=back,
        success_message=_("L'indicateur « %(name)s » a été supprimé.") % {"name": indicator.name},
        context=page_context(access, indicator.transformation.objective.cycle),
    )


@partnership_view()
def indicator_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int
) -> HttpResponse:
    indicator, _can_edit = access_indicator(access, cycle_pk, indicator_pk)
    entries = merge_histories(
        history_entries(indicator), child_history(Target, subject=lambda target: str(target), indicator_id=indicator.pk)
    )
    return render_history(
        request,
        title=indicator.name,
        back_url=plan_url("indicator_detail", access, cycle_pk, indicator_pk=indicator.pk),
        entries=entries,
        context=page_context(access, indicator.transformation.objective.cycle),
    )
