"""The evaluation summary of a cycle: objectives, transformations, indicators against their targets, the
decisions on the actions and the diagnostic's rounds, on one page and in one document. The page shows the decisions
PAGE_SIZE actions at a time (a cycle has hundreds of them); the document shows them all."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.rendering import render_region
from cycles.access import access_cycle
from partnerships.access import PartnershipAccess, partnership_view
from plan.links import label_actions

from .. import selectors
from ..links import label_decisions
from .common import page_context

PAGE_SIZE = 50  # rows of the table of decisions


@partnership_view()
def summary(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    page = Paginator(selectors.summary_actions(cycle), PAGE_SIZE).get_page(request.GET.get("page"))
    slug = access.partnership.slug
    actions = label_actions(selectors.with_decisions(list(page.object_list)), slug=slug, cycle_pk=cycle.pk)
    label_decisions([d for action in actions for d in action.decision_list], slug=slug, cycle_pk=cycle.pk)
    context = page_context(
        access,
        cycle,
        objectives=selectors.summary_objectives(cycle, timezone.localdate()),
        page=page,
        actions=actions,
        diagnostic=selectors.summary_diagnostic(cycle),
        current="summary",
    )
    return render_region(
        request, page="evaluation/summary.html", region="evaluation/_summary_actions.html", context=context
    )
