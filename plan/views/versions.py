"""Adopted versions of the plan: adopting freezes the plan; any two versions, or a version and today's plan,
compare item by item."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_version
from ..forms import AdoptForm
from ..snapshot import compare, plan_snapshot
from .common import page_context, plan_url

TODAY = "aujourdhui"


@partnership_view()
def versions(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    context = page_context(
        access, cycle, versions=selectors.versions(cycle), can_adopt=access.can(Perm.ADOPT_PLAN), today=TODAY
    )
    return render(request, "plan/versions.html", context)


@partnership_view(Perm.ADOPT_PLAN, methods=FORM)
def version_adopt(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = AdoptForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        adopted = create_once(
            request,
            form,
            create=lambda: services.version_adopt(
                cycle=cycle,
                adopted_on=form.cleaned_data["adopted_on"],
                meeting=form.cleaned_data["meeting"],
                note=form.cleaned_data["note"],
                adopted_by=request.user,
            ),
            url=lambda version: plan_url("version_detail", access, cycle.pk, version_pk=version.pk),
            message=lambda version: _("La version %(number)s du plan a été adoptée.") % {"number": version.number},
        )
        if adopted:
            return adopted
    return render(request, "plan/version_adopt.html", page_context(access, cycle, form=form))


@partnership_view()
def version_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, version_pk: int) -> HttpResponse:
    version, _can_edit = access_version(access, cycle_pk, version_pk)
    since = compare(version.snapshot, plan_snapshot(version.cycle))
    context = page_context(access, version.cycle, version=version, comparison=since, today=TODAY)
    return render(request, "plan/version_detail.html", context)


@partnership_view()
def version_compare(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """?de=<version>&a=<version or aujourdhui>: what changed from the first to the second."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    older, older_label = _side(access, cycle, request.GET.get("de", ""))
    newer, newer_label = _side(access, cycle, request.GET.get("a", TODAY))
    context = page_context(
        access,
        cycle,
        versions=selectors.versions(cycle),
        comparison=compare(older, newer),
        older_label=older_label,
        newer_label=newer_label,
        chosen={"de": request.GET.get("de", ""), "a": request.GET.get("a", TODAY)},
        today=TODAY,
    )
    return render(request, "plan/version_compare.html", context)


def _side(access: PartnershipAccess, cycle, value: str) -> tuple[dict, str]:
    if value == TODAY:
        return plan_snapshot(cycle), _("le plan d'aujourd'hui")
    if not value.isdigit():
        return {}, _("rien")
    version, _can_edit = access_version(access, cycle.pk, int(value))
    return version.snapshot, _("la version %(number)s") % {"number": version.number}
