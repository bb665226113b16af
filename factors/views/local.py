"""A partnership's own factors and elements: added, edited and removed by coordination and the committee."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.rendering import confirm_deletion, save_or_conflict
from core.submissions import create_once
from core.systems import System
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import services
from ..access import access_element, access_factor
from ..forms import LocalElementForm, LocalFactorForm
from .catalogue import sheet_page, sheet_url


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=FORM)
def local_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    initial = {"system": request.GET.get("systeme")} if request.GET.get("systeme") in System.values else {}
    form = LocalFactorForm(request.POST or None, initial=initial, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.local_factor_create(partnership=access.partnership, factor=form.instance),
            url=lambda factor: sheet_url(access, factor.pk),
            message=lambda factor: _("Le facteur local « %(name)s » a été ajouté.") % {"name": factor.name},
        )
        if created:
            return created
    return render(request, "factors/local_factor_form.html", sheet_page(access, form=form))


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=FORM)
def local_edit(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor, can_edit = access_factor(access, factor_pk)
    if not can_edit:
        raise PermissionDenied
    form = LocalFactorForm(request.POST or None, instance=factor, partnership=access.partnership)
    back_url = sheet_url(access, factor.pk)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.local_factor_update(factor=factor, expected_version=form.cleaned_data["version"]),
            success_url=back_url,
            context=sheet_page(access),
        )
    return render(request, "factors/local_factor_form.html", sheet_page(access, form=form, factor=factor))


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=FORM)
def local_delete(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor, can_edit = access_factor(access, factor_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=factor,
        title=factor.name,
        cancel_url=sheet_url(access, factor.pk),
        delete=lambda: services.local_factor_delete(factor=factor),
        success_url=reverse("factors:summary", kwargs={"slug": access.partnership.slug}),
        success_message=_("Le facteur local « %(name)s » a été supprimé.") % {"name": factor.name},
        context=sheet_page(access),
    )


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=FORM)
def element_create(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor, _can_edit = access_factor(access, factor_pk)
    form = LocalElementForm(request.POST or None, partnership=access.partnership, factor=factor)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.local_element_create(
                partnership=access.partnership, factor=factor, element=form.instance
            ),
            url=lambda element: sheet_url(access, factor.pk),
            message=lambda element: _("La composante « %(name)s » a été ajoutée.") % {"name": element.name},
        )
        if created:
            return created
    return render(request, "factors/local_element_form.html", sheet_page(access, form=form, factor=factor))


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=FORM)
def element_edit(request: HttpRequest, access: PartnershipAccess, element_pk: int) -> HttpResponse:
    element, can_edit = access_element(access, element_pk)
    if not can_edit:
        raise PermissionDenied
    form = LocalElementForm(
        request.POST or None, instance=element, partnership=access.partnership, factor=element.factor
    )
    back_url = sheet_url(access, element.factor_id)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.local_element_update(element=element, expected_version=form.cleaned_data["version"]),
            success_url=back_url,
            context=sheet_page(access),
        )
    context = sheet_page(access, form=form, factor=element.factor, element=element)
    return render(request, "factors/local_element_form.html", context)


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=FORM)
def element_delete(request: HttpRequest, access: PartnershipAccess, element_pk: int) -> HttpResponse:
    element, can_edit = access_element(access, element_pk)
    if not can_edit:
        raise PermissionDenied
    back_url = sheet_url(access, element.factor_id)
    return confirm_deletion(
        request,
        instance=element,
        title=element.name,
        cancel_url=back_url,
        delete=lambda: services.local_element_delete(element=element),
        success_url=back_url,
        success_message=_("La composante « %(name)s » a été supprimée.") % {"name": element.name},
        context=sheet_page(access),
    )
