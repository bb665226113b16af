"""Outil 7's coverage map: how many organizations act on each factor, and the factors nobody covers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from analysis.links import finding_create_url
from core.systems import system_view
from partnerships.access import PartnershipAccess, partnership_view

from .. import selectors
from ..heatmap import ENOUGH_ANSWERS, coverage_by_system, filled_rows
from .matrix import matrix_page


@partnership_view()
def heatmap(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    organizations = selectors.organization_count(access.partnership)
    systems = coverage_by_system(access.partnership, organizations=organizations)
    every_factor = [coverage for system in systems for coverage in system.items]
    view = system_view(request.GET)
    context = matrix_page(
        access,
        systems=view.keep(systems),
        system_view=view,
        projector=view.projector,
        uncovered=[coverage for coverage in every_factor if coverage.status == "uncovered"],
        thin=[coverage for coverage in every_factor if coverage.status == "thin"],
        unknown=[coverage for coverage in every_factor if coverage.status == "unknown"],
        organization_count=organizations,
        filled_rows=filled_rows(access.partnership),
        enough_percent=round(ENOUGH_ANSWERS * 100),
    )
    context["finding_url"] = finding_create_url(access, context["cycle"], origin="factors")
    return render(request, "coverage/heatmap.html", context)
