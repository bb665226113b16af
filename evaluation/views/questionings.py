"""The questionings of the cycle: a transformation, a protective factor or an objective questioned, why, what was
decided, and the changes to the plan it led to."""

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
from ..access import access_questioning
from ..forms import QuestioningForm
from ..models import Questioning
from .common import evaluation_url, page_context


def _detail_url(access: PartnershipAccess, questioning: Questioning) -> str:
    return evaluation_url("questioning_detail", access, questioning.cycle_id, questioning_pk=questioning.pk)


@partnership_view()
def questioning_list(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    context = page_context(
        access,
        cycle,
        questionings=selectors.cycle_questionings(cycle),
        can_edit=access.can(Perm.EDIT_PLAN),
        current="questionings",
    )
    return render(request, "evaluation/questioning_list.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def questioning_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = QuestioningForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.questioning_create(cycle=cycle, questioning=form.instance, changed=form.changed()),
            url=lambda questioning: _detail_url(access, questioning),
            message=lambda questioning: _("La remise en question a été enregistrée."),
        )
        if created:
            return created
    return render(request, "evaluation/questioning_form.html", page_context(access, cycle, form=form))


@partnership_view()
def questioning_detail(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, questioning_pk: int
) -> HttpResponse:
    questioning, can_edit = access_questioning(access, cycle_pk, questioning_pk)
    context = page_context(
        access,
        questioning.cycle,
        questioning=selectors.questioning_detail(questioning),
        can_edit=can_edit,
        chain=chain_of(questioning, partnership=access.partnership),
        current="questionings",
    )
    return render(request, "evaluation/questioning_detail.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> Questioning:
    questioning, can_edit = access_questioning(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return questioning


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def questioning_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, questioning_pk: int
) -> HttpResponse:
    questioning = _editable(access, cycle_pk, questioning_pk)
    form = QuestioningForm(request.POST or None, instance=questioning, cycle=questioning.cycle)
    context = page_context(access, questioning.cycle, form=form, questioning=questioning)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.questioning_update(
                questioning=questioning, expected_version=form.cleaned_data["version"], changed=form.changed()
            ),
            success_url=_detail_url(access, questioning),
            context=context,
        )
    return render(request, "evaluation/questioning_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def questioning_delete(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, questioning_pk: int
) -> HttpResponse:
    questioning = _editable(access, cycle_pk, questioning_pk)
    return confirm_deletion(
        request,
        instance=questioning,
        title=str(questioning),
        cancel_url=_detail_url(access, questioning),
        delete=lambda: services.questioning_delete(questioning=questioning),
        success_url=evaluation_url("questionings", access, cycle_pk),
        success_message=_("La remise en question a été supprimée."),
        context=page_context(access, questioning.cycle),
    )


@partnership_view()
def questioning_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, questioning_pk: int
) -> HttpResponse:
    questioning, _can_edit = access_questioning(access, cycle_pk, questioning_pk)
    return render_history(
        request,
        title=str(questioning),
        back_url=_detail_url(access, questioning),
        entries=history_entries(questioning),
        context=page_context(access, questioning.cycle),
    )
