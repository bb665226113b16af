"""Outil 3 (the summary table) and Outil 4 (one descriptive sheet per factor): reading the catalogue."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.history import history_entries
from core.rendering import render_history
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors
from ..access import access_element, access_factor

SUMMARY, SHEETS = 3, 4


def sheet_page(access: PartnershipAccess, **extra) -> dict:
    """The page context of Outil 4's pages, the local factors' forms included."""
    return tool_context(access, SHEETS, can_manage=access.can(Perm.MANAGE_LOCAL_FACTORS), **extra)


def sheet_url(access: PartnershipAccess, factor_pk: int) -> str:
    return reverse("factors:sheet", kwargs={"slug": access.partnership.slug, "factor_pk": factor_pk})


@partnership_view()
def summary(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    systems = selectors.factors_by_system(partnership=access.partnership)
    context = tool_context(access, SUMMARY, can_manage=access.can(Perm.MANAGE_LOCAL_FACTORS), systems=systems)
    return render(request, "factors/summary.html", context)


@partnership_view()
def sheet_index(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    systems = selectors.factors_by_system(partnership=access.partnership)
    return render(request, "factors/sheet_index.html", sheet_page(access, systems=systems))


@partnership_view()
def sheet(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor, can_edit = access_factor(access, factor_pk)
    elements = selectors.factor_elements(factor=factor, partnership=access.partnership)
    return render(
        request, "factors/sheet.html", sheet_page(access, factor=factor, can_edit=can_edit, elements=elements)
    )


@partnership_view()
def factor_history(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor, _can_edit = access_factor(access, factor_pk)
    return render_history(
        request,
        title=factor.name,
        back_url=sheet_url(access, factor.pk),
        entries=history_entries(factor),
        context=sheet_page(access),
    )


@partnership_view()
def element_history(request: HttpRequest, access: PartnershipAccess, element_pk: int) -> HttpResponse:
    element, _can_edit = access_element(access, element_pk)
    return render_history(
        request,
        title=element.name,
        back_url=sheet_url(access, element.factor_id),
        entries=history_entries(element),
        context=sheet_page(access),
    )
