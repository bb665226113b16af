from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partnerships.access import PartnershipAccess, partnership_view

from .. import selectors
from ..chart import build_panels, choose_territories, domains_in_order
from ..filters import ChartFilterForm
from .common import page_context


@partnership_view(methods=("GET", "HEAD"))
def statistic_chart(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    indicators = selectors.statistic_values(access.partnership, "indicator")
    indicator = request.GET.get("indicator", "")
    if indicator not in indicators:
        indicator = indicators[0] if indicators else ""
    statistics = selectors.indicator_statistics(partnership=access.partnership, indicator=indicator)
    selection, names = choose_territories(
        statistics, territory=request.GET.get("territory", ""), region=request.GET.get("region", "")
    )
    domains = domains_in_order(statistics)
    domain = request.GET.get("domain", "")
    domain = domain if domain in domains else ""
    form = ChartFilterForm(
        initial={
            "indicator": indicator,
            "domain": domain,
            "territory": selection.territory,
            "region": selection.region,
        },
        indicators=indicators,
        domains=[d for d in domains if d],
        names=names,
    )
    context = page_context(
        access,
        form=form,
        indicator=indicator,
        selection=selection,
        panels=build_panels(statistics, selection, domain=domain) if statistics else [],
    )
    return render(request, "analysis/statistic_chart.html", context)
