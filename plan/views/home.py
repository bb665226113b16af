"""Outil 9's main page: the plan by objective and system, and "the actions of my organization"."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cycles.access import access_cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors
from ..board import plan_board
from ..completeness import untouched_factors
from ..links import label_actions
from .common import page_context


@partnership_view()
def home(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    plan = selectors.plan_outline(cycle)
    context = page_context(
        access,
        cycle,
        rows=plan_board(plan),
        plan=plan,
        untouched=untouched_factors(plan),
        can_edit=access.can(Perm.EDIT_PLAN),
    )
    return render(request, "plan/home.html", context)


@partnership_view()
def my_actions(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    organization_id = access.organization_id
    actions = list(selectors.action_rows(cycle, organization_id=organization_id)) if organization_id else []
    label_actions(actions, slug=access.partnership.slug, cycle_pk=cycle.pk)
    context = page_context(access, cycle, actions=actions, organization=access.membership.organization)
    return render(request, "plan/my_actions.html", context)
