"""Outil 3 (the summary table) and Outil 4 (one descriptive sheet per factor): reading the catalogue."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.rendering import render_history
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors
from .access import access_element, access_factor


def page_context(access: PartnershipAccess, **extra) -> dict:
    return {"access": access, "section": "factors", "can_manage": access.can(Perm.MANAGE_LOCAL_FACTORS), **extra}


def sheet_url(access: PartnershipAccess, factor_pk: int) -> str:
    return reverse("factors:sheet", kwargs={"slug": access.partnership.slug, "factor_pk": factor_pk})


@partnership_view()
def summary(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    systems = selectors.factors_by_system(partnership=access.partnership)
    return render(request, "factors/summary.html", page_context(access, systems=systems))


@partnership_view()
def sheet_index(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    systems = selectors.factors_by_system(partnership=access.partnership)
    return render(request, "factors/sheet_index.html", page_context(access, systems=systems))


@partnership_view()
def sheet(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor = access_factor(access, factor_pk)
    elements = selectors.factor_elements(factor=factor, partnership=access.partnership)
    return render(request, "factors/sheet.html", page_context(access, factor=factor, elements=elements))


@partnership_view()
def factor_history(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor = access_factor(access, factor_pk)
    return render_history(
        request,
        obj=factor,
        title=factor.name,
        back_url=sheet_url(access, factor.pk),
        context=page_context(access),
    )


@partnership_view()
def element_history(request: HttpRequest, access: PartnershipAccess, element_pk: int) -> HttpResponse:
    element = access_element(access, element_pk)
    return render_history(
        request,
        obj=element,
        title=element.name,
        back_url=sheet_url(access, element.factor_id),
        context=page_context(access),
    )
