"""A partnership's own factors and elements: added, edited and removed by coordination and the committee."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.rendering import render_conflict
from core.systems import System
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import services
from .access import access_factor, access_local_element, access_local_factor
from .forms import LocalElementForm, LocalFactorForm
from .views import page_context, sheet_url


@partnership_view(Perm.MANAGE_LOCAL_FACTORS)
def local_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    initial = {"system": request.GET.get("systeme")} if request.GET.get("systeme") in System.values else {}
    form = LocalFactorForm(request.POST or None, initial=initial, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        factor = services.local_factor_create(partnership=access.partnership, factor=form.instance)
        messages.success(request, _("Le facteur local « %(name)s » a été ajouté.") % {"name": factor.name})
        return redirect(sheet_url(access, factor.pk))
    return render(request, "factors/local_factor_form.html", page_context(access, form=form))


@partnership_view(Perm.MANAGE_LOCAL_FACTORS)
def local_edit(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor = access_local_factor(access, factor_pk)
    form = LocalFactorForm(request.POST or None, instance=factor, partnership=access.partnership)
    back_url = sheet_url(access, factor.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.local_factor_update(factor=factor, expected_version=form.cleaned_data["version"])
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=back_url, context=page_context(access)
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(back_url)
    return render(request, "factors/local_factor_form.html", page_context(access, form=form, factor=factor))


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=("POST",))
def local_delete(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor = access_local_factor(access, factor_pk)
    try:
        services.local_factor_delete(factor=factor)
    except services.FactorInUse:
        messages.error(request, _("Ce facteur ne peut pas être supprimé : d'autres fiches y font référence."))
        return redirect(sheet_url(access, factor.pk))
    messages.success(request, _("Le facteur local « %(name)s » a été supprimé.") % {"name": factor.name})
    return redirect("factors:summary", slug=access.partnership.slug)


@partnership_view(Perm.MANAGE_LOCAL_FACTORS)
def element_create(request: HttpRequest, access: PartnershipAccess, factor_pk: int) -> HttpResponse:
    factor = access_factor(access, factor_pk)
    form = LocalElementForm(request.POST or None, partnership=access.partnership, factor=factor)
    if request.method == "POST" and form.is_valid():
        element = services.local_element_create(partnership=access.partnership, factor=factor, element=form.instance)
        messages.success(request, _("La composante « %(name)s » a été ajoutée.") % {"name": element.name})
        return redirect(sheet_url(access, factor.pk))
    return render(request, "factors/local_element_form.html", page_context(access, form=form, factor=factor))


@partnership_view(Perm.MANAGE_LOCAL_FACTORS)
def element_edit(request: HttpRequest, access: PartnershipAccess, element_pk: int) -> HttpResponse:
    element = access_local_element(access, element_pk)
    form = LocalElementForm(
        request.POST or None, instance=element, partnership=access.partnership, factor=element.factor
    )
    back_url = sheet_url(access, element.factor_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.local_element_update(element=element, expected_version=form.cleaned_data["version"])
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=back_url, context=page_context(access)
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(back_url)
    context = page_context(access, form=form, factor=element.factor, element=element)
    return render(request, "factors/local_element_form.html", context)


@partnership_view(Perm.MANAGE_LOCAL_FACTORS, methods=("POST",))
def element_delete(request: HttpRequest, access: PartnershipAccess, element_pk: int) -> HttpResponse:
    element = access_local_element(access, element_pk)
    back_url = sheet_url(access, element.factor_id)
    try:
        services.local_element_delete(element=element)
    except services.FactorInUse:
        messages.error(request, _("Cette composante ne peut pas être supprimée : d'autres fiches y font référence."))
        return redirect(back_url)
    messages.success(request, _("La composante « %(name)s » a été supprimée.") % {"name": element.name})
    return redirect(back_url)
