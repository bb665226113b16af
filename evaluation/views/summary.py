"""The evaluation summary of a cycle: objectives, transformations, indicators against their targets, the
decisions on the actions and the diagnostic's rounds, on one page and in one document."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cycles.access import access_cycle
from partnerships.access import PartnershipAccess, partnership_view
from plan.links import label_actions

from .. import selectors
from ..links import label_decisions
from .common import page_context


@partnership_view()
def summary(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    summary = selectors.cycle_summary(cycle, timezone.localdate())
    slug = access.partnership.slug
    label_actions(summary.actions, slug=slug, cycle_pk=cycle.pk)
    label_decisions([d for action in summary.actions for d in action.decision_list], slug=slug, cycle_pk=cycle.pk)
    context = page_context(access, cycle, summary=summary, current="summary")
    return render(request, "evaluation/summary.html", context)
