from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.history import history_entries
from core.rendering import confirm_deletion, render_history, render_region, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_organization
from ..forms import OrganizationFilterForm, OrganizationForm
from ..models import Organization


def _page(access: PartnershipAccess, **extra) -> dict:
    return page_context(access, Section.ORGANIZATIONS, **extra)


def _detail_url(access: PartnershipAccess, organization: Organization) -> str:
    return reverse("organizations:detail", kwargs={"slug": access.partnership.slug, "organization_pk": organization.pk})


@partnership_view()
def organization_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = OrganizationFilterForm(request.GET)
    filters.is_valid()
    organizations = selectors.organization_list(
        partnership=access.partnership,
        search=filters.cleaned_data.get("q", ""),
        sector=filters.cleaned_data.get("sector", ""),
    )
    context = _page(
        access, filters=filters, organizations=organizations, can_create=access.can(Perm.MANAGE_ORGANIZATIONS)
    )
    return render_region(
        request,
        page="organizations/organization_list.html",
        region="organizations/_organization_table.html",
        context=context,
    )


@partnership_view(Perm.MANAGE_ORGANIZATIONS, methods=FORM)
def organization_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = OrganizationForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.organization_create(partnership=access.partnership, organization=form.instance),
            url=lambda organization: _detail_url(access, organization),
            message=lambda organization: _("L'organisme « %(name)s » a été ajouté.") % {"name": organization.name},
        )
        if created:
            return created
    return render(request, "organizations/organization_form.html", _page(access, form=form))


@partnership_view()
def organization_detail(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, can_edit = access_organization(access, organization_pk)
    context = _page(
        access,
        organization=organization,
        can_edit=can_edit,
        can_delete=access.can(Perm.MANAGE_ORGANIZATIONS),
        representatives=selectors.organization_representatives(organization=organization),
    )
    return render(request, "organizations/organization_detail.html", context)


@partnership_view(methods=FORM)
def organization_edit(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, can_edit = access_organization(access, organization_pk)
    if not can_edit:
        raise PermissionDenied
    form = OrganizationForm(request.POST or None, instance=organization, partnership=access.partnership)
    detail_url = _detail_url(access, organization)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.organization_update(
                organization=organization, expected_version=form.cleaned_data["version"]
            ),
            success_url=detail_url,
            context=_page(access),
        )
    return render(request, "organizations/organization_form.html", _page(access, form=form, organization=organization))


@partnership_view(Perm.MANAGE_ORGANIZATIONS, methods=FORM)
def organization_delete(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, _can_edit = access_organization(access, organization_pk)
    return confirm_deletion(
        request,
        instance=organization,
        title=organization.name,
        cancel_url=_detail_url(access, organization),
        delete=lambda: services.organization_delete(organization=organization),
        success_url=reverse("organizations:list", kwargs={"slug": access.partnership.slug}),
        success_message=_("L'organisme « %(name)s » a été retiré du regroupement.") % {"name": organization.name},
        context=_page(access),
    )


@partnership_view()
def organization_history(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, _can_edit = access_organization(access, organization_pk)
    return render_history(
        request,
        title=organization.name,
        back_url=_detail_url(access, organization),
        entries=history_entries(organization),
        context=_page(access),
    )
