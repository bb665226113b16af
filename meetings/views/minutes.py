"""A meeting's minutes: a draft, rich text sanitized, until a later meeting approves them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import history_entries
from core.rendering import render_conflict, render_history
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_meeting, access_minutes
from ..forms import MinutesForm
from .common import meeting_url, page_context


@partnership_view(methods=FORM)
def minutes_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, can_edit = access_meeting(access, cycle_pk, meeting_pk)
    minutes = selectors.minutes_of(meeting)
    if not can_edit or (minutes and minutes.is_approved):
        raise PermissionDenied
    initial = {"content": minutes.content, "version": minutes.version} if minutes else {}
    form = MinutesForm(request.POST or None, initial=initial)
    back = meeting_url(access, meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(
                meeting=meeting, content=form.cleaned_data["content"], expected_version=form.cleaned_data["version"]
            )
        except EditConflict as conflict:
            return render_conflict(
                request,
                form=form,
                current=conflict.current,
                cancel_url=back,
                context=page_context(access, meeting.cycle),
            )
        except services.MinutesRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Le compte rendu a été enregistré."))
            return redirect(back)
    context = page_context(access, meeting.cycle, meeting=meeting, form=form, cancel_url=back)
    return render(request, "meetings/minutes_form.html", context)


@partnership_view(Perm.MANAGE_MEETINGS, methods=("POST",))
def minutes_approve(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int, minutes_pk: int
) -> HttpResponse:
    """This meeting approves the minutes of an earlier one."""
    meeting, _can_edit = access_meeting(access, cycle_pk, meeting_pk)
    minutes, _can_change = access_minutes(access, cycle_pk, minutes_pk)
    try:
        services.minutes_approve(minutes=minutes, at=meeting)
    except services.MinutesRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Le compte rendu de « %(meeting)s » est approuvé à cette rencontre.") % {"meeting": minutes.meeting},
        )
    return redirect(meeting_url(access, meeting))


@partnership_view()
def minutes_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, minutes_pk: int) -> HttpResponse:
    minutes, _can_change = access_minutes(access, cycle_pk, minutes_pk)
    return render_history(
        request,
        title=str(minutes.meeting),
        back_url=meeting_url(access, minutes.meeting),
        entries=history_entries(minutes),
        context=page_context(access, minutes.meeting.cycle),
    )
