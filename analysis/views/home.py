from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cycles.access import access_cycle
from partnerships.access import PartnershipAccess, partnership_view

from .. import selectors
from .common import page_context


@partnership_view()
def home(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """Outil 5: the data the partnership pooled, and the findings this cycle drew from the three analyses."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    context = page_context(
        access,
        cycle=cycle,
        summary=selectors.analysis_summary(access.partnership, cycle),
        groups=selectors.findings_by_origin(cycle),
    )
    return render(request, "analysis/home.html", context)
