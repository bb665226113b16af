from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.rendering import render_conflict
from cycles.access import access_cycle
from cycles.models import Cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_finding
from ..filters import FindingFilterForm, filter_value
from ..forms import FindingForm
from ..history import history_with_systems
from ..models import FindingOrigin
from .common import int_param, page_context

EVIDENCE_PARAMS = {"factor": "factors", **{name[:-1]: name for name in selectors.EVIDENCE_FIELDS}}


@partnership_view()
def finding_list(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    filters = FindingFilterForm(request.GET)
    findings = selectors.finding_list(
        cycle=cycle,
        origin=filter_value(filters, "origin"),
        nature=filter_value(filters, "nature"),
        system=filter_value(filters, "system"),
    )
    context = page_context(access, cycle=cycle, filters=filters, findings=findings)
    if request.htmx:
        return render(request, "analysis/_finding_table.html", context)
    return render(request, "analysis/finding_list.html", context)


def prefilled(request: HttpRequest, form: FindingForm) -> dict:
    """What another tool passes when it links here to draw a finding: ?origin=services&factor=12, or the piece
    of evidence the person was looking at (?statistic=, ?observation=, ?service=, ?intervention=). Only values
    the form itself offers are kept."""
    initial: dict = {}
    if request.GET.get("origin") in FindingOrigin.values:
        initial["origin"] = request.GET["origin"]
    for param, field in EVIDENCE_PARAMS.items():
        pk = int_param(request, param)
        chosen = form.fields[field].queryset.filter(pk=pk).first() if pk is not None else None
        if chosen is not None:
            initial[field] = [chosen.pk]
            if field == "factors":
                initial["systems"] = chosen.system
    return initial


@partnership_view(Perm.EDIT_ANALYSIS)
def finding_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    form = FindingForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        finding = services.finding_create(
            cycle=cycle, finding=form.instance, relations=form.relations(), created_by=request.user
        )
        messages.success(request, _("Le constat a été ajouté."))
        return redirect(_detail_url(access, cycle, finding.pk))
    if request.method != "POST":
        form.initial.update(prefilled(request, form))
    return render(request, "analysis/finding_form.html", page_context(access, cycle=cycle, form=form))


def _detail_url(access: PartnershipAccess, cycle: Cycle, finding_pk: int) -> str:
    kwargs = {"slug": access.partnership.slug, "cycle_pk": cycle.pk, "finding_pk": finding_pk}
    return reverse("analysis:finding_detail", kwargs=kwargs)


@partnership_view()
def finding_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    finding, can_edit = access_finding(access, cycle, finding_pk)
    context = page_context(
        access, cycle=cycle, finding=finding, can_edit=can_edit, evidence=selectors.finding_evidence(finding)
    )
    return render(request, "analysis/finding_detail.html", context)


@partnership_view(Perm.EDIT_ANALYSIS)
def finding_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    finding, _can_edit = access_finding(access, cycle, finding_pk)
    form = FindingForm(request.POST or None, instance=finding, partnership=access.partnership)
    detail_url = _detail_url(access, cycle, finding.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.finding_update(
                finding=finding, expected_version=form.cleaned_data["version"], relations=form.relations()
            )
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=detail_url, context=page_context(access)
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(detail_url)
    context = page_context(access, cycle=cycle, form=form, finding=finding)
    return render(request, "analysis/finding_form.html", context)


@partnership_view(Perm.EDIT_ANALYSIS, methods=("POST",))
def finding_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    finding, _can_edit = access_finding(access, cycle, finding_pk)
    try:
        services.finding_delete(finding=finding)
    except ProtectedError:
        messages.error(request, _("Ce constat ne peut pas être supprimé : il a été retenu comme priorité."))
        return redirect(_detail_url(access, cycle, finding.pk))
    messages.success(request, _("Le constat a été supprimé."))
    return redirect("analysis:findings", slug=access.partnership.slug, cycle_pk=cycle.pk)


@partnership_view()
def finding_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, finding_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    finding, _can_edit = access_finding(access, cycle, finding_pk)
    context = page_context(
        access,
        entries=history_with_systems(finding),
        obj=finding,
        title=str(finding),
        back_url=_detail_url(access, cycle, finding.pk),
    )
    return render(request, "core/history.html", context)
