"""The cycle's indicator dashboard: every indicator with its baseline, its last value, its next target, and
whether the curve goes the right way."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cycles.access import access_cycle
from partnerships.access import PartnershipAccess, partnership_view

from .. import selectors
from .common import page_context


@partnership_view()
def dashboard(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    rows = selectors.dashboard_rows(cycle, timezone.localdate())
    return render(request, "evaluation/dashboard.html", page_context(access, cycle, rows=rows))
