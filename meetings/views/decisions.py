"""What a meeting decided, the record it decided about, and its follow-up tasks."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.history import child_history, history_entries, merge_histories
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_decision, access_meeting, access_task
from ..forms import DecisionForm, TaskForm
from ..models import DecisionTask
from .common import meeting_url, page_context


def _decisions_url(access: PartnershipAccess, meeting) -> str:
    return meeting_url(access, meeting) + "#decisions"


@partnership_view(Perm.MANAGE_MEETINGS, methods=FORM)
def decision_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    members = selectors.partnership_members(access.partnership)
    form = DecisionForm(
        request.POST or None, cycle=meeting.cycle, members=members, initial={"subject": request.GET.get("sujet", "")}
    )
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.decision_create(
                meeting=meeting, decision=form.instance, tasks=form.task_rows(), user=request.user
            ),
            url=lambda decision: _decisions_url(access, meeting),
            message=lambda decision: _("La décision a été consignée."),
        )
        if created:
            return created
    return render(
        request, "meetings/decision_form.html", page_context(access, meeting.cycle, meeting=meeting, form=form)
    )


@partnership_view(methods=FORM)
def decision_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int, decision_pk: int
) -> HttpResponse:
    meeting, _can = access_meeting(access, cycle_pk, meeting_pk)
    decision, can_edit = access_decision(access, meeting, decision_pk)
    if not can_edit:
        raise PermissionDenied
    members = selectors.partnership_members(access.partnership)
    form = DecisionForm(request.POST or None, instance=decision, cycle=meeting.cycle, members=members)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.decision_update(decision=decision, expected_version=form.cleaned_data["version"]),
            success_url=_decisions_url(access, meeting),
            context=page_context(access, meeting.cycle),
        )
    context = page_context(access, meeting.cycle, meeting=meeting, form=form, decision=decision)
    return render(request, "meetings/decision_form.html", context)


@partnership_view(methods=FORM)
def decision_delete(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int, decision_pk: int
) -> HttpResponse:
    meeting, _can = access_meeting(access, cycle_pk, meeting_pk)
    decision, can_edit = access_decision(access, meeting, decision_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=decision,
        title=str(decision),
        cancel_url=_decisions_url(access, meeting),
        delete=lambda: services.decision_delete(decision=decision),
        success_url=_decisions_url(access, meeting),
        success_message=_("La décision a été supprimée."),
        context=page_context(access, meeting.cycle),
    )


@partnership_view()
def decision_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int, decision_pk: int
) -> HttpResponse:
    meeting, _can = access_meeting(access, cycle_pk, meeting_pk)
    decision, _can_edit = access_decision(access, meeting, decision_pk)
    tasks = child_history(
        DecisionTask, subject=lambda record: record.description, fields=("due_on", "done_on"), decision_id=decision.pk
    )
    return render_history(
        request,
        title=str(decision),
        back_url=_decisions_url(access, meeting),
        entries=merge_histories(history_entries(decision), tasks),
        context=page_context(access, meeting.cycle),
    )


@partnership_view(methods=FORM)
def task_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int, task_pk: int
) -> HttpResponse:
    meeting, _can = access_meeting(access, cycle_pk, meeting_pk)
    task, can_edit = access_task(access, meeting, task_pk)
    if not can_edit:
        raise PermissionDenied
    form = TaskForm(request.POST or None, instance=task, members=selectors.partnership_members(access.partnership))
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.task_update(task=task, expected_version=form.cleaned_data["version"]),
            success_url=_decisions_url(access, meeting),
            context=page_context(access, meeting.cycle),
        )
    return render(
        request, "meetings/task_form.html", page_context(access, meeting.cycle, meeting=meeting, form=form, task=task)
    )
