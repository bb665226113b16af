"""The cycle's meetings: the list by step, the standard sequence, a meeting's page and what changes a meeting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.history import child_history, history_entries, merge_histories
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from cycles.models import StepNumber
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm
from partnerships.views.common import site_url

from .. import selectors, services
from ..access import access_meeting
from ..calendar import calendar
from ..forms import MeetingForm
from ..models import AgendaItem, Attendance, Meeting
from ..sequence import read_sequence, step_notes
from .common import meeting_url, meetings_url, page_context, tool_links


@partnership_view()
def meeting_list(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    meetings = list(selectors.meeting_list(cycle=cycle))
    notes = step_notes(read_sequence())
    steps = [
        (number, label, [m for m in meetings if m.step == number], [n for n in notes if n.step == number])
        for number, label in StepNumber.choices
    ]
    context = page_context(access, cycle, steps=steps, meetings=meetings)
    return render(request, "meetings/meeting_list.html", context)


@partnership_view(Perm.MANAGE_MEETINGS, methods=("POST",))
def sequence_give(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    created = services.sequence_give(cycle=cycle)
    if created:
        message = ngettext(
            "%(count)s rencontre de la séquence type a été ajoutée.",
            "%(count)s rencontres de la séquence type ont été ajoutées.",
            len(created),
        )
        messages.success(request, message % {"count": len(created)})
    else:
        messages.info(request, _("Le cycle a déjà toutes les rencontres de la séquence type."))
    return redirect(meetings_url(access, cycle))


@partnership_view(Perm.MANAGE_MEETINGS, methods=FORM)
def meeting_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = MeetingForm(request.POST or None, initial={"step": request.GET.get("etape") or 1})
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.meeting_create(cycle=cycle, meeting=form.instance),
            url=lambda meeting: meeting_url(access, meeting),
            message=lambda meeting: _("La rencontre a été ajoutée."),
        )
        if created:
            return created
    return render(request, "meetings/meeting_form.html", page_context(access, cycle, form=form))


@partnership_view()
def meeting_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, can_edit = access_meeting(access, cycle_pk, meeting_pk)
    return render(request, "meetings/meeting_detail.html", _detail_context(access, meeting, can_edit))


@partnership_view()
def meeting_print(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    """The agenda and the minutes as one printable page."""
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    return render(request, "meetings/meeting_print.html", _detail_context(access, meeting, False))


def _detail_context(access: PartnershipAccess, meeting: Meeting, can_edit: bool) -> dict:
    members = selectors.partnership_members(access.partnership)
    organizations = selectors.partnership_organizations(access.partnership)
    rows = selectors.attendance(meeting)
    by_member = {m.pk: m for m in members}
    by_organization = {o.pk: o for o in organizations}
    return page_context(
        access,
        meeting.cycle,
        meeting=meeting,
        can_edit=can_edit,
        tools=tool_links(access, meeting),
        agenda=selectors.agenda(meeting),
        attendance=[(by_member.get(r.membership_id) or by_organization.get(r.organization_id), r) for r in rows],
        quorum=selectors.quorum(meeting, rows, members, len(organizations)),
        minutes=selectors.minutes_of(meeting),
        to_approve=selectors.minutes_to_approve(meeting) if can_edit else [],
        approved_here=selectors.approved_here(meeting),
        decisions=selectors.decisions(meeting),
        open_tasks=selectors.open_tasks_until(meeting),
        next_meeting=selectors.next_meeting(meeting),
    )


@partnership_view(methods=FORM)
def meeting_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, can_edit = access_meeting(access, cycle_pk, meeting_pk)
    if not can_edit:
        raise PermissionDenied
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.meeting_update(meeting=meeting, expected_version=form.cleaned_data["version"]),
            success_url=meeting_url(access, meeting),
            context=page_context(access, meeting.cycle),
        )
    return render(
        request, "meetings/meeting_form.html", page_context(access, meeting.cycle, form=form, meeting=meeting)
    )


@partnership_view(methods=FORM)
def meeting_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, can_edit = access_meeting(access, cycle_pk, meeting_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=meeting,
        title=str(meeting),
        cancel_url=meeting_url(access, meeting),
        delete=lambda: services.meeting_delete(meeting=meeting),
        success_url=meetings_url(access, meeting.cycle),
        success_message=_("La rencontre a été supprimée."),
        context=page_context(access, meeting.cycle),
    )


@partnership_view()
def meeting_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    """The meeting's own changes, its agenda's and its attendance's."""
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    agenda = child_history(
        AgendaItem, subject=lambda record: record.title, fields=("title", "is_done"), meeting_id=meeting.pk
    )
    attendance = child_history(
        Attendance,
        subject=lambda record: str(record.membership or record.organization or "—"),
        fields=("status",),
        meeting_id=meeting.pk,
    )
    return render_history(
        request,
        title=str(meeting),
        back_url=meeting_url(access, meeting),
        entries=merge_histories(history_entries(meeting), agenda, attendance),
        context=page_context(access, meeting.cycle),
    )


@partnership_view(Perm.MANAGE_MEETINGS, methods=("POST",))
def meeting_move(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    services.meeting_move(meeting=meeting, up=request.POST.get("direction") == "up")
    return redirect(f"{meetings_url(access, meeting.cycle)}#rencontre-{meeting.pk}")


@partnership_view(Perm.MANAGE_MEETINGS, methods=("POST",))
def meeting_next(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    """Create the next meeting from this one, with what this one leaves to carry over."""
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    carried = services.meeting_next(meeting=meeting)
    messages.success(request, _carried_message(carried, created=True))
    return redirect(meeting_url(access, carried.meeting, "meeting_edit"))


@partnership_view(Perm.MANAGE_MEETINGS, methods=("POST",))
def carry_over(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    following = selectors.next_meeting(meeting)
    if following is None:
        messages.error(request, _("Aucune rencontre ne suit celle-ci : créez d'abord la rencontre suivante."))
        return redirect(meeting_url(access, meeting))
    carried = services.carry_over(meeting=meeting, to=following)
    messages.success(request, _carried_message(carried, created=False))
    return redirect(meeting_url(access, following))


def _carried_message(carried: services.CarryOver, *, created: bool) -> str:
    values = {"items": carried.items, "tasks": carried.tasks, "meeting": carried.meeting.title}
    if created:
        return (
            _(
                "La rencontre suivante a été créée. Reportés à son ordre du jour : %(items)s point(s) non traité(s) et "
                "%(tasks)s suivi(s) en cours."
            )
            % values
        )
    return _("Reportés à « %(meeting)s » : %(items)s point(s) non traité(s) et %(tasks)s suivi(s) en cours.") % values


@partnership_view(Perm.MANAGE_MEETINGS, methods=("POST",))
def meeting_invite(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    if meeting.date is None:
        messages.error(request, _("Donnez une date à la rencontre avant d'envoyer l'invitation."))
    else:
        count = services.invitations_send(meeting=meeting, base_url=site_url(request))
        message = ngettext(
            "L'invitation a été envoyée à %(count)s membre.", "L'invitation a été envoyée à %(count)s membres.", count
        )
        messages.success(request, message % {"count": count})
    return redirect(meeting_url(access, meeting))


@partnership_view()
def meeting_ics(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    """The meeting as an iCalendar file, to add it to one's calendar."""
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    content = calendar([meeting], base_url=site_url(request), name=access.partnership.name)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rencontre.ics"'
    return response
