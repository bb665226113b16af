"""Outil 6: each organization's services, listed, described, changed and removed by those who keep them."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import history_entries
from core.rendering import confirm_deletion, render_history, render_region, save_or_conflict
from core.submissions import create_once
from cycles.pages import tool_context
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_service, editable_organizations, may_add_services
from ..forms import ServiceFilterForm, ServiceForm
from ..models import Service

TOOL = 6


def service_page(access: PartnershipAccess, **extra) -> dict:
    return tool_context(access, TOOL, **extra)


def _detail_url(access: PartnershipAccess, service: Service) -> str:
    return reverse("offer:service_detail", kwargs={"slug": access.partnership.slug, "service_pk": service.pk})


@partnership_view()
def home(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = ServiceFilterForm(request.GET, partnership=access.partnership)
    values = filters.values()
    context = service_page(
        access,
        filters=filters,
        is_filtered=any(values.values()),
        listing=selectors.service_pages(partnership=access.partnership, page_number=request.GET.get("page"), **values),
        can_add=may_add_services(access),
        edits_all=access.can(Perm.EDIT_ANALYSIS),
        without_service=selectors.organizations_without_service(partnership=access.partnership),
    )
    return render_region(request, page="offer/home.html", region="offer/_service_list.html", context=context)


@partnership_view(methods=FORM)
def service_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    if not may_add_services(access):
        raise PermissionDenied
    initial = {"organization": request.GET.get("organization") or access.organization_id}
    form = ServiceForm(
        request.POST or None,
        partnership=access.partnership,
        organizations=editable_organizations(access),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.service_create(
                service=form.instance, links=services.ServiceLinks.from_cleaned_data(form.cleaned_data)
            ),
            url=lambda service: _detail_url(access, service),
            message=lambda service: _("Le service « %(name)s » a été ajouté.") % {"name": service.name},
        )
        if created:
            return created
    return render(request, "offer/service_form.html", service_page(access, form=form))


@partnership_view()
def service_detail(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, can_edit = access_service(access, service_pk)
    context = service_page(
        access,
        service=service,
        can_edit=can_edit,
        chain=chain_of(service, partnership=access.partnership),
        **selectors.service_detail(service),
    )
    return render(request, "offer/service_detail.html", context)


@partnership_view(methods=FORM)
def service_edit(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, can_edit = access_service(access, service_pk)
    if not can_edit:
        raise PermissionDenied
    form = ServiceForm(
        request.POST or None,
        instance=service,
        partnership=access.partnership,
        organizations=editable_organizations(access),
    )
    detail_url = _detail_url(access, service)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.service_update(
                service=service,
                links=services.ServiceLinks.from_cleaned_data(form.cleaned_data),
                expected_version=form.cleaned_data["version"],
            ),
            success_url=detail_url,
            context=service_page(access),
        )
    return render(request, "offer/service_form.html", service_page(access, form=form, service=service))


@partnership_view(methods=FORM)
def service_delete(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, can_edit = access_service(access, service_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=service,
        title=service.name,
        cancel_url=_detail_url(access, service),
        delete=lambda: services.service_delete(service=service),
        success_url=reverse("offer:home", kwargs={"slug": access.partnership.slug}),
        success_message=_("Le service « %(name)s » a été supprimé.") % {"name": service.name},
        context=service_page(access),
    )


@partnership_view()
def service_history(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, _can_edit = access_service(access, service_pk)
    return render_history(
        request,
        title=service.name,
        back_url=_detail_url(access, service),
        entries=history_entries(service),
        context=service_page(access),
    )
