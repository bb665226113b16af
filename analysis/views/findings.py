from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import history_entries
from core.rendering import confirm_deletion, render_history, render_region, save_or_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_finding
from ..filters import FindingFilterForm, filter_value
from ..forms import FindingForm
from ..models import Finding
from .common import page_context


def _detail_url(access: PartnershipAccess, finding: Finding) -> str:
    kwargs = {"slug": access.partnership.slug, "cycle_pk": finding.cycle_id, "finding_pk": finding.pk}
    return reverse("analysis:finding_detail", kwargs=kwargs)


@partnership_view()
def finding_list(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    filters = FindingFilterForm(request.GET)
    findings = selectors.finding_list(
        cycle=cycle,
        origin=filter_value(filters, "origin"),
        nature=filter_value(filters, "nature"),
        system=filter_value(filters, "system"),
    )
    context = page_context(access, cycle=cycle, filters=filters, findings=findings)
    return render_region(
        request, page="analysis/finding_list.html", region="analysis/_finding_table.html", context=context
    )


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def finding_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = FindingForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.finding_create(
                cycle=cycle, finding=form.instance, relations=form.relations(), created_by=request.user
            ),
            url=lambda finding: _detail_url(access, finding),
            message=lambda finding: _("Le constat a été ajouté."),
        )
        if created:
            return created
    if request.method != "POST":
        form.prefill(request.GET)
    return render(request, "analysis/finding_form.html", page_context(access, cycle=cycle, form=form))


@partnership_view()
def finding_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    finding, can_edit = access_finding(access, cycle_pk, finding_pk)
    context = page_context(
        access,
        cycle=finding.cycle,
        finding=finding,
        can_edit=can_edit,
        evidence=selectors.finding_evidence(finding),
        chain=chain_of(finding, partnership=access.partnership, sources=False),
    )
    return render(request, "analysis/finding_detail.html", context)


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def finding_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    finding, _can_edit = access_finding(access, cycle_pk, finding_pk)
    form = FindingForm(request.POST or None, instance=finding, partnership=access.partnership)
    detail_url = _detail_url(access, finding)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.finding_update(
                finding=finding, expected_version=form.cleaned_data["version"], relations=form.relations()
            ),
            success_url=detail_url,
            context=page_context(access, cycle=finding.cycle),
        )
    context = page_context(access, cycle=finding.cycle, form=form, finding=finding)
    return render(request, "analysis/finding_form.html", context)


@partnership_view(methods=FORM)
def finding_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    finding, can_edit = access_finding(access, cycle_pk, finding_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=finding,
        title=str(finding),
        cancel_url=_detail_url(access, finding),
        delete=lambda: services.finding_delete(finding=finding),
        success_url=reverse("analysis:findings", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk}),
        success_message=_("Le constat a été supprimé."),
        context=page_context(access, cycle=finding.cycle),
    )


@partnership_view()
def finding_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    finding, _can_edit = access_finding(access, cycle_pk, finding_pk)
    return render_history(
        request,
        title=str(finding),
        back_url=_detail_url(access, finding),
        entries=history_entries(finding),
        context=page_context(access, cycle=finding.cycle),
    )
