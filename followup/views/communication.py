"""Step 4's communication plan: to whom the partnership speaks about its plan, what it says, how, when, and who
does it. One list per cycle, kept by those who prepare the plan."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.history import history_entries
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_communication
from ..forms import CommunicationForm
from ..models import CommunicationItem
from .common import followup_url, page_context


@partnership_view(methods=FORM)
def communication_plan(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """The list, and the form that adds a line (for those who prepare the plan)."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    can_edit = access.can(Perm.EDIT_PLAN)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = CommunicationForm(request.POST or None, cycle=cycle) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.communication_create(cycle=cycle, item=form.instance),
            url=lambda item: followup_url("communication", access, cycle.pk),
            message=lambda item: _("La ligne « %(item)s » a été ajoutée au plan de communication.") % {"item": item},
        )
        if created:
            return created
    items = selectors.communication_items(cycle)
    context = page_context(access, cycle, items=items, form=form, can_edit=can_edit)
    return render(request, "followup/communication_plan.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> CommunicationItem:
    item, can_edit = access_communication(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return item


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def communication_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, item_pk: int) -> HttpResponse:
    item = _editable(access, cycle_pk, item_pk)
    form = CommunicationForm(request.POST or None, instance=item, cycle=item.cycle)
    context = page_context(access, item.cycle, form=form, item=item)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.communication_update(item=item, expected_version=form.cleaned_data["version"]),
            success_url=followup_url("communication", access, cycle_pk),
            context=context,
        )
    return render(request, "followup/communication_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def communication_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, item_pk: int) -> HttpResponse:
    item = _editable(access, cycle_pk, item_pk)
    back = followup_url("communication", access, cycle_pk)
    return confirm_deletion(
        request,
        instance=item,
        title=str(item),
        cancel_url=back,
        delete=lambda: services.communication_delete(item=item),
        success_url=back,
        success_message=_("La ligne « %(item)s » a été retirée du plan de communication.") % {"item": item},
        context=page_context(access, item.cycle),
    )


@partnership_view()
def communication_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, item_pk: int) -> HttpResponse:
    item, _can_edit = access_communication(access, cycle_pk, item_pk)
    return render_history(
        request,
        title=str(item),
        back_url=followup_url("communication", access, cycle_pk),
        entries=history_entries(item),
        context=page_context(access, item.cycle),
    )
