"""Which reports are due and which are late: for coordination, every action of the cycle; for a partner, the
actions its organization leads or joins."""

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from core.rendering import render_region
from core.routes import row_url
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
    may_write = access.can(Perm.REVIEW_REPORTS) or (mine and access.can(Perm.REPORT_OWN_ACTIONS))
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = _link_rows(
        page.object_list, slug=access.partnership.slug, cycle_pk=cycle.pk, may_write=may_write
    )
    context = page_context(
        access,
        cycle,
        page=page,
        counts=counts,
        mine=mine,
        has_organization=access.organization_id is not None,
        # Everyone who may write reports on these actions gets the "Rédiger" link: coordination on every action, a
        # partner on its own organization's (the page of "mine" lists only those).
        may_write=may_write,
        standing=Standing,
    )
    return render_region(request, page="followup/due_reports.html", region="followup/_due_table.html", context=context)


def _link_rows(rows: list[selectors.DueRow], *, slug: str, cycle_pk: int, may_write: bool) -> list[selectors.DueRow]:
    """Each shown row with the page it links to: its report, else the form to write it (for who may), from one
    reverse() per kind of page (a reverse() per row in the template costs more than the row)."""
    report_url = row_url("followup:report_detail", "report_pk", slug=slug, cycle_pk=cycle_pk)
    write_url = row_url("followup:report_create", "action_pk", slug=slug, cycle_pk=cycle_pk)
    linked = []
    for row in rows:
        if row.report:
            url = report_url(row.report.pk)
        elif may_write:
            url = f"{write_url(row.action.pk)}?debut={row.period.start:%Y-%m-%d}&fin={row.period.end:%Y-%m-%d}"
        else:
            url = ""
        linked.append(replace(row, url=url))
    return linked
