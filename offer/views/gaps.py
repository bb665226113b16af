"""Outil 6's portrait: clientele × territory, where the services are and where they are missing."""

from django.http import HttpRequest, HttpResponse

from analysis.links import finding_create_url
from core.rendering import render_region
from partnerships.access import PartnershipAccess, partnership_view

from .. import selectors
from ..forms import GapFilterForm
from ..gaps import gap_table
from .services import service_page


@partnership_view()
def gaps(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = GapFilterForm(request.GET, partnership=access.partnership)
    values = filters.values()
    services_shown = selectors.filtered_services(partnership=access.partnership, **values)
    context = service_page(
        access,
        filters=filters,
        is_filtered=any(values.values()),
        table=gap_table(partnership=access.partnership, services=services_shown),
    )
    context["finding_url"] = finding_create_url(access, context["cycle"], origin="services")
    return render_region(request, page="offer/gaps.html", region="offer/_gaps_table.html", context=context)
