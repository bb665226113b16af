"""Outil 8 — Nos priorités: what the group has decided so far, and the choice made straight from the candidates."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from analysis.models import Finding
from cycles.access import access_cycle
from cycles.models import Cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors
from ..forms import ChooseForm
from ..overview import priorities_overview
from .common import page_context


def direct_choose_form(cycle: Cycle, candidates: list[Finding], data=None) -> ChooseForm:
    """The group's choice made without a vote: any candidate not yet a priority."""
    chosen = selectors.chosen_finding_ids(cycle)
    return ChooseForm(data, cycle=cycle, offered=[f for f in candidates if f.pk not in chosen])


def render_home(request: HttpRequest, access: PartnershipAccess, cycle: Cycle, choose_form=None) -> HttpResponse:
    overview = priorities_overview(cycle)
    if choose_form is None and access.can(Perm.EDIT_PRIORITIES):
        candidates = [f for group in overview.candidate_groups for f in group.findings]
        choose_form = direct_choose_form(cycle, candidates)
    context = page_context(
        access,
        cycle,
        overview=overview,
        choose_form=choose_form,
        can_edit=access.can(Perm.EDIT_PRIORITIES),
        can_run_votes=access.can(Perm.RUN_VOTES),
    )
    return render(request, "priorities/home.html", context)


@partnership_view()
def home(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    return render_home(request, access, cycle)
