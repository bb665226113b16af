"""The partnership's funders, one list reused by every cycle's budget lines."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.history import history_entries
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_funder
from ..forms import FunderForm
from ..models import Funder
from .common import page_context


def _list_url(access: PartnershipAccess) -> str:
    return reverse("plan:funders", kwargs={"slug": access.partnership.slug})


@partnership_view(methods=FORM)
def funders(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    """The list, and the form that adds one (for those who prepare the plan)."""
    can_edit = access.can(Perm.EDIT_PLAN)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = FunderForm(request.POST or None, partnership=access.partnership) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.funder_create(partnership=access.partnership, funder=form.instance),
            url=lambda funder: _list_url(access),
            message=lambda funder: _("Le bailleur « %(name)s » a été ajouté.") % {"name": funder.name},
        )
        if created:
            return created
    context = page_context(access, None, funders=selectors.funders(access.partnership), form=form, can_edit=can_edit)
    return render(request, "plan/funders.html", context)


def _editable(access: PartnershipAccess, funder_pk: int) -> Funder:
    funder, can_edit = access_funder(access, funder_pk)
    if not can_edit:
        raise PermissionDenied
    return funder


@partnership_view(methods=FORM)
def funder_edit(request: HttpRequest, access: PartnershipAccess, funder_pk: int) -> HttpResponse:
    funder = _editable(access, funder_pk)
    form = FunderForm(request.POST or None, instance=funder, partnership=access.partnership)
    context = page_context(access, None, form=form, funder=funder)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.funder_update(funder=funder, expected_version=form.cleaned_data["version"]),
            success_url=_list_url(access),
            context=context,
        )
    return render(request, "plan/funder_form.html", context)


@partnership_view(methods=FORM)
def funder_delete(request: HttpRequest, access: PartnershipAccess, funder_pk: int) -> HttpResponse:
    funder = _editable(access, funder_pk)
    return confirm_deletion(
        request,
        instance=funder,
        title=funder.name,
        cancel_url=_list_url(access),
        delete=lambda: services.funder_delete(funder=funder),
        success_url=_list_url(access),
        success_message=_("Le bailleur « %(name)s » a été supprimé.") % {"name": funder.name},
        context=page_context(access, None),
    )


@partnership_view()
def funder_history(request: HttpRequest, access: PartnershipAccess, funder_pk: int) -> HttpResponse:
    funder, _can_edit = access_funder(access, funder_pk)
    return render_history(
        request,
        title=funder.name,
        back_url=_list_url(access),
        entries=history_entries(funder),
        context=page_context(access, None),
    )
