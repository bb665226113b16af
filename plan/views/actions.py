"""The plan's actions: who leads, with whom, when and with what means; a partner edits its own contribution."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import child_history, history_entries, merge_histories
from core.rendering import confirm_deletion, render_history, render_region, save_or_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_action, access_action_milestones, access_contribution
from ..forms import ActionForm, ContributionForm
from ..links import label_actions
from ..models import Action, ActionPartner, BudgetLine, Milestone
from .common import page_context, plan_url

PAGE_SIZE = 50


@partnership_view()
def actions(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """The plan's actions by title, 50 a page (Outil 10 shows them by objective and the whole timeline)."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    page = Paginator(selectors.action_rows(cycle), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = label_actions(list(page.object_list), slug=access.partnership.slug, cycle_pk=cycle.pk)
    context = page_context(access, cycle, page=page, actions=rows, can_edit=access.can(Perm.EDIT_PLAN))
    return render_region(request, page="plan/action_list.html", region="plan/_action_results.html", context=context)


def _links(form: ActionForm) -> dict:
    return {name: form.cleaned_data[name] for name in ("transformations", "factors", "services")}


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def action_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    initial = {"transformations": request.GET.getlist("transformation")}
    form = ActionForm(request.POST or None, cycle=cycle, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.action_create(cycle=cycle, action=form.instance, **_links(form)),
            url=lambda action: plan_url("action_detail", access, cycle.pk, action_pk=action.pk),
            message=lambda action: _("L'action « %(title)s » a été ajoutée.") % {"title": action.title},
        )
        if created:
            return created
    return render(request, "plan/action_form.html", page_context(access, cycle, form=form))


@partnership_view()
def action_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action, can_edit = access_action(access, cycle_pk, action_pk)
    _action, can_edit_milestones = access_action_milestones(access, cycle_pk, action_pk)
    detail = selectors.action_detail(action)
    own_part = next((p for p in detail.partner_list if p.organization_id == access.organization_id), None)
    context = page_context(
        access,
        action.cycle,
        action=detail,
        can_edit=can_edit,
        can_edit_milestones=can_edit_milestones,
        own_part=own_part if access.can(Perm.REPORT_OWN_ACTIONS) else None,
        chain=chain_of(action, partnership=access.partnership),
    )
    return render(request, "plan/action_detail.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> Action:
    action, can_edit = access_action(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return action


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def action_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action = _editable(access, cycle_pk, action_pk)
    form = ActionForm(request.POST or None, instance=action, cycle=action.cycle)
    context = page_context(access, action.cycle, form=form, action=action)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.action_update(
                action=action, expected_version=form.cleaned_data["version"], **_links(form)
            ),
            success_url=plan_url("action_detail", access, cycle_pk, action_pk=action.pk),
            context=context,
        )
    return render(request, "plan/action_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def action_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action = _editable(access, cycle_pk, action_pk)
    return confirm_deletion(
        request,
        instance=action,
        title=action.title,
        cancel_url=plan_url("action_detail", access, cycle_pk, action_pk=action.pk),
        delete=lambda: services.action_delete(action=action),
        success_url=plan_url("actions", access, cycle_pk),
        success_message=_("L'action « %(title)s » a été supprimée.") % {"title": action.title},
        context=page_context(access, action.cycle),
    )


@partnership_view()
def action_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action, _can_edit = access_action(access, cycle_pk, action_pk)
    entries = merge_histories(
        history_entries(action),
        *(child_history(model, subject=str, action_id=action.pk) for model in (ActionPartner, Milestone, BudgetLine)),
    )
    return render_history(
        request,
        title=action.title,
        back_url=plan_url("action_detail", access, cycle_pk, action_pk=action.pk),
        entries=entries,
        context=page_context(access, action.cycle),
    )


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def contribution_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int, part_pk: int
) -> HttpResponse:
    part, can_edit = access_contribution(access, cycle_pk, action_pk, part_pk)
    if not can_edit:
        raise PermissionDenied
    form = ContributionForm(request.POST or None, instance=part)
    context = page_context(access, part.action.cycle, form=form, part=part, action=part.action)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.contribution_update(part=part, expected_version=form.cleaned_data["version"]),
            success_url=plan_url("action_detail", access, cycle_pk, action_pk=action_pk),
            context=context,
        )
    return render(request, "plan/contribution_form.html", context)
