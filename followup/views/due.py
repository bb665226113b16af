"""Which reports are due and which are late: for coordination, every action of the cycle; for a partner, the
actions its organization leads or joins."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from core.rendering import render_region
from cycles.access import access_cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors
from ..schedule import Standing
from .common import page_context, today

PAGE_SIZE = 50  # rows of the table; the counts above it are the whole cycle's


@partnership_view()
def due_reports(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    return _due(request, access, cycle_pk, organization_id=None)


@partnership_view()
def my_due_reports(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    return _due(request, access, cycle_pk, organization_id=access.organization_id or 0, mine=True)


def _due(request, access, cycle_pk: int, *, organization_id: int | None, mine: bool = False) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    rows = selectors.due_rows(cycle, today=today(), organization_id=organization_id)
    waiting = selectors.open_rows(rows)
    counts = {code: sum(1 for row in rows if row.standing == code) for code in (Standing.LATE, Standing.DUE)}
    context = page_context(
        access,
        cycle,
        page=Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page")),
        counts=counts,
        mine=mine,
        has_organization=access.organization_id is not None,
        # Everyone who may write reports on these actions gets the "Rédiger" link: coordination on every action, a
        # partner on its own organization's (the page of "mine" lists only those).
        may_write=access.can(Perm.REVIEW_REPORTS) or (mine and access.can(Perm.REPORT_OWN_ACTIONS)),
        standing=Standing,
    )
    return render_region(request, page="followup/due_reports.html", region="followup/_due_table.html", context=context)
