from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.deletion import deletion_consequences
from core.rendering import render_conflict, render_history
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors, services
from .access import access_organization
from .forms import OrganizationFilterForm, OrganizationForm


@partnership_view()
def organization_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = OrganizationFilterForm(request.GET)
    filters.is_valid()
    organizations = selectors.organization_list(
        partnership=access.partnership,
        search=filters.cleaned_data.get("q", ""),
        sector=filters.cleaned_data.get("sector", ""),
    )
    context = {
        "access": access,
        "section": "organizations",
        "filters": filters,
        "organizations": organizations,
        "can_create": access.can(Perm.MANAGE_ORGANIZATIONS),
    }
    if request.htmx:
        return render(request, "organizations/_organization_table.html", context)
    return render(request, "organizations/organization_list.html", context)


@partnership_view(Perm.MANAGE_ORGANIZATIONS)
def organization_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = OrganizationForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        organization = services.organization_create(partnership=access.partnership, organization=form.instance)
        messages.success(request, _("L'organisme « %(name)s » a été ajouté.") % {"name": organization.name})
        return redirect("organizations:detail", slug=access.partnership.slug, organization_pk=organization.pk)
    return render(
        request, "organizations/organization_form.html", {"access": access, "section": "organizations", "form": form}
    )


@partnership_view()
def organization_detail(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, can_edit = access_organization(access, organization_pk)
    representatives = organization.representatives.select_related("user").order_by("user__full_name")
    context = {
        "access": access,
        "section": "organizations",
        "organization": organization,
        "can_edit": can_edit,
        "can_delete": access.can(Perm.MANAGE_ORGANIZATIONS),
        "deleted_with": deletion_consequences(organization) if access.can(Perm.MANAGE_ORGANIZATIONS) else [],
        "representatives": representatives,
    }
    return render(request, "organizations/organization_detail.html", context)


@partnership_view()
def organization_edit(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, can_edit = access_organization(access, organization_pk)
    if not can_edit:
        raise PermissionDenied
    form = OrganizationForm(request.POST or None, instance=organization, partnership=access.partnership)
    detail_url = reverse(
        "organizations:detail", kwargs={"slug": access.partnership.slug, "organization_pk": organization.pk}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(organization=organization, expected_version=form.cleaned_data["version"])
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=detail_url, context={"access": access}
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(detail_url)
    context = {"access": access, "section": "organizations", "form": form, "organization": organization}
    return render(request, "organizations/organization_form.html", context)


@partnership_view(Perm.MANAGE_ORGANIZATIONS, methods=("POST",))
def organization_delete(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, _can_edit = access_organization(access, organization_pk)
    try:
        services.organization_delete(organization=organization)
    except ProtectedError:
        messages.error(request, _("Cet organisme ne peut pas être supprimé : d'autres fiches y font référence."))
        return redirect("organizations:detail", slug=access.partnership.slug, organization_pk=organization.pk)
    messages.success(request, _("L'organisme « %(name)s » a été retiré du regroupement.") % {"name": organization.name})
    return redirect("organizations:list", slug=access.partnership.slug)


@partnership_view()
def organization_history(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, _can_edit = access_organization(access, organization_pk)
    back_url = reverse(
        "organizations:detail", kwargs={"slug": access.partnership.slug, "organization_pk": organization.pk}
    )
    return render_history(
        request,
        obj=organization,
        title=organization.name,
        back_url=back_url,
        context={"access": access, "section": "organizations"},
    )
