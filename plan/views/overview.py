"""Outil 10: the plan's summary by objective, one objective in full, the whole plan's timeline, budget and gaps;
filtered in the address (GET), printable."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cycles.access import access_cycle
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess, partnership_view

from .. import selectors
from ..forms import OverviewFilters
from ..overview import Filters, objective_detail, objective_summaries, overview
from .common import OVERVIEW


@partnership_view()
def overview_page(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = OverviewFilters(request.GET or None, partnership=access.partnership)
    filters = _filters(form)
    whole = overview(selectors.plan_of(cycle), filters, slug=access.partnership.slug)
    context = tool_context(
        access,
        OVERVIEW,
        cycle=cycle,
        form=form,
        overview=whole,
        summaries=objective_summaries(whole, filters),
        detail=objective_detail(whole.blocks, request.GET.get("objectif")),
        own_organization_id=access.organization_id,
    )
    return render(request, "plan/overview.html", context)


def _filters(form: OverviewFilters) -> Filters:
    if not form.is_bound or not form.is_valid():
        return Filters()
    data = form.cleaned_data
    return Filters(
        system=data["systeme"],
        organization_id=data["organisme"].pk if data["organisme"] else None,
        funder_id=data["bailleur"].pk if data["bailleur"] else None,
        status=data["etat"],
    )
