"""Two cycles side by side (cycles.comparison)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partnerships.access import PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context

from .. import selectors
from ..comparison import compare
from ..forms import CompareForm


@partnership_view()
def cycle_compare(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    cycles = selectors.cycle_choices(partnership=access.partnership)
    chosen = (
        request.GET if {"a", "b"} & request.GET.keys() else selectors.default_comparison(partnership=access.partnership)
    )
    form = CompareForm(chosen or None, cycles=cycles)
    comparison = None
    if form.is_bound and form.is_valid():
        comparison = compare(
            first=form.cleaned_data["a"], second=form.cleaned_data["b"], partnership=access.partnership
        )
    context = page_context(access, Section.CYCLES, form=form, comparison=comparison, enough=chosen != {})
    return render(request, "cycles/cycle_compare.html", context)
