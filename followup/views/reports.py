"""An action's periodic reports: written by its partners, submitted, sent back by coordination when needed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.concurrency import EditConflict
from core.history import child_history, history_entries, merge_histories
from core.rendering import confirm_deletion, render_conflict, render_history, render_region, save_or_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_report, access_report_action, access_report_review
from ..forms import ReportForm, SendBackForm, SubmitForm
from ..models import ActionReport, BudgetSpent, ReportReach
from .common import followup_url, page_context

PAGE_SIZE = 50


@partnership_view()
def report_list(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """The cycle's reports, 50 a page; "mine" keeps those on my organization's actions."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    mine = request.GET.get("mine") == "1" and access.organization_id is not None
    reports = selectors.cycle_reports(cycle, organization_id=access.organization_id if mine else None)
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    context = page_context(access, cycle, page=page, reports=page.object_list, mine=mine)
    return render_region(
        request, page="followup/report_list.html", region="followup/_report_table.html", context=context
    )


def _links(form: ReportForm) -> dict:
    return {"partners": form.cleaned_data["partners"], "milestones": form.cleaned_data["milestones_reached"]}


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def report_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, action_pk: int) -> HttpResponse:
    action, may_report = access_report_action(access, cycle_pk, action_pk)
    if not may_report:
        raise PermissionDenied
    initial = {"period_start": request.GET.get("debut"), "period_end": request.GET.get("fin")}
    if access.organization_id:
        initial["partners"] = [access.organization_id]
    form = ReportForm(request.POST or None, action=action, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.report_create(
                action=action, report=form.instance, created_by=request.user, **_links(form)
            ),
            url=lambda report: followup_url("report_detail", access, cycle_pk, report_pk=report.pk),
            message=lambda report: _("Le suivi a été enregistré comme brouillon."),
        )
        if created:
            return created
    return render(request, "followup/report_form.html", page_context(access, action.cycle, form=form, action=action))


@partnership_view()
def report_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report, can_edit = access_report(access, cycle_pk, report_pk)
    _report, can_review = access_report_review(access, cycle_pk, report_pk)
    context = page_context(
        access,
        report.action.cycle,
        report=selectors.report_detail(report),
        can_edit=can_edit,
        can_review=can_review,
        submit_form=SubmitForm(initial={"version": report.version}) if can_edit else None,
        send_back_form=SendBackForm(initial={"version": report.version}) if can_review else None,
        chain=chain_of(report, partnership=access.partnership),
    )
    return render(request, "followup/report_detail.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> ActionReport:
    report, can_edit = access_report(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return report


def _detail_url(access: PartnershipAccess, report: ActionReport) -> str:
    return followup_url("report_detail", access, report.action.cycle_id, report_pk=report.pk)


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def report_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report = _editable(access, cycle_pk, report_pk)
    form = ReportForm(request.POST or None, instance=report, action=report.action)
    context = page_context(access, report.action.cycle, form=form, report=report, action=report.action)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.report_update(
                report=report, expected_version=form.cleaned_data["version"], **_links(form)
            ),
            success_url=_detail_url(access, report),
            context=context,
        )
    return render(request, "followup/report_form.html", context)


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=("POST",))
def report_submit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report = _editable(access, cycle_pk, report_pk)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Le formulaire était incomplet : rien n'a été remis."))
        return redirect(_detail_url(access, report))
    return _state_change(
        request,
        access,
        report,
        form,
        change=lambda: services.report_submit(report=report, expected_version=form.cleaned_data["version"]),
        message=_("Le suivi a été remis à la coordination."),
    )


@partnership_view(Perm.REVIEW_REPORTS, methods=FORM)
def report_send_back(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report, can_review = access_report_review(access, cycle_pk, report_pk)
    if not can_review:
        raise PermissionDenied
    form = SendBackForm(request.POST or None, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        return _state_change(
            request,
            access,
            report,
            form,
            change=lambda: services.report_send_back(
                report=report, expected_version=form.cleaned_data["version"], comment=form.cleaned_data["comment"]
            ),
            message=_("Le suivi a été renvoyé à ses auteurs pour correction."),
        )
    context = page_context(access, report.action.cycle, form=form, report=report)
    return render(request, "followup/report_send_back.html", context)


def _state_change(request, access, report, form, *, change, message: str) -> HttpResponse:
    try:
        change()
    except EditConflict as conflict:
        context = page_context(access, report.action.cycle, report=report)
        return render_conflict(
            request, form=form, current=conflict.current, cancel_url=_detail_url(access, report), context=context
        )
    messages.success(request, message)
    return redirect(_detail_url(access, report))


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def report_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report = _editable(access, cycle_pk, report_pk)
    return confirm_deletion(
        request,
        instance=report,
        title=str(report),
        cancel_url=_detail_url(access, report),
        delete=lambda: services.report_delete(report=report),
        success_url=followup_url("reports", access, cycle_pk),
        success_message=_("Le suivi « %(report)s » a été supprimé.") % {"report": report},
        context=page_context(access, report.action.cycle),
    )


@partnership_view()
def report_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report, _can_edit = access_report(access, cycle_pk, report_pk)
    entries = merge_histories(
        history_entries(report),
        *(child_history(model, subject=str, report_id=report.pk) for model in (ReportReach, BudgetSpent)),
    )
    return render_history(
        request,
        title=str(report),
        back_url=_detail_url(access, report),
        entries=entries,
        context=page_context(access, report.action.cycle),
    )
