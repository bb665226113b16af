from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.rendering import render_conflict, render_history
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors, services
from .access import access_service, editable_organizations, may_add_services
from .forms import GapFilterForm, ServiceFilterForm, ServiceForm
from .gaps import gap_table
from .links import finding_create_url
from .models import Service

SECTION = "offer"


def _page(access: PartnershipAccess, **context) -> dict:
    return {"access": access, "section": SECTION, **context}


@partnership_view()
def home(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = ServiceFilterForm(request.GET, partnership=access.partnership)
    values = filters.values()
    context = _page(
        access,
        filters=filters,
        is_filtered=any(values.values()),
        services=selectors.service_list(partnership=access.partnership, **values),
        can_add=may_add_services(access),
        edits_all=access.can(Perm.EDIT_ANALYSIS),
    )
    if request.htmx:
        return render(request, "offer/_service_list.html", context)
    context["without_service"] = selectors.organizations_without_service(partnership=access.partnership)
    return render(request, "offer/home.html", context)


@partnership_view()
def service_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    organizations = editable_organizations(access)
    if not may_add_services(access):
        raise PermissionDenied
    initial = {"organization": request.GET.get("organization") or access.organization_id}
    form = ServiceForm(
        request.POST or None, partnership=access.partnership, organizations=organizations, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        service = services.service_create(
            service=form.instance, links=services.ServiceLinks.from_cleaned_data(form.cleaned_data)
        )
        messages.success(request, _("Le service « %(name)s » a été ajouté.") % {"name": service.name})
        return redirect("offer:service_detail", slug=access.partnership.slug, service_pk=service.pk)
    return render(request, "offer/service_form.html", _page(access, form=form))


@partnership_view()
def service_detail(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, can_edit = access_service(access, service_pk)
    context = _page(access, service=service, can_edit=can_edit, **selectors.service_detail(service))
    return render(request, "offer/service_detail.html", context)


@partnership_view()
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
        try:
            services.service_update(
                service=service,
                links=services.ServiceLinks.from_cleaned_data(form.cleaned_data),
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=detail_url, context=_page(access)
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(detail_url)
    return render(request, "offer/service_form.html", _page(access, form=form, service=service))


@partnership_view(methods=("POST",))
def service_delete(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, can_edit = access_service(access, service_pk)
    if not can_edit:
        raise PermissionDenied
    services.service_delete(service=service)
    messages.success(request, _("Le service « %(name)s » a été supprimé.") % {"name": service.name})
    return redirect("offer:home", slug=access.partnership.slug)


@partnership_view()
def service_history(request: HttpRequest, access: PartnershipAccess, service_pk: int) -> HttpResponse:
    service, _can_edit = access_service(access, service_pk)
    return render_history(
        request, obj=service, title=service.name, back_url=_detail_url(access, service), context=_page(access)
    )


@partnership_view()
def gaps(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = GapFilterForm(request.GET, partnership=access.partnership)
    values = filters.values()
    services_shown = selectors.filtered_services(partnership=access.partnership, **values)
    context = _page(
        access,
        filters=filters,
        is_filtered=any(values.values()),
        table=gap_table(partnership=access.partnership, services=services_shown),
        finding_url=finding_create_url(access, origin="services"),
    )
    if request.htmx:
        return render(request, "offer/_gaps_table.html", context)
    return render(request, "offer/gaps.html", context)


def _detail_url(access: PartnershipAccess, service: Service) -> str:
    return reverse("offer:service_detail", kwargs={"slug": access.partnership.slug, "service_pk": service.pk})
