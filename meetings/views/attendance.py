"""A meeting's attendance, saved as one set, and the quorum against the rules of operation in force."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import ConflictRow, SetChanged
from core.rendering import set_conflict
from partnerships.access import FORM, PartnershipAccess, partnership_view

from .. import selectors, services
from ..access import access_meeting
from ..forms import PRESENCE_CHOICES, AttendanceForm, attendance_initial
from ..models import Meeting
from .common import meeting_url, page_context


@partnership_view(methods=FORM)
def attendance_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, meeting_pk: int) -> HttpResponse:
    meeting, can_edit = access_meeting(access, cycle_pk, meeting_pk)
    if not can_edit:
        raise PermissionDenied
    members = selectors.partnership_members(access.partnership)
    organizations = selectors.partnership_organizations(access.partnership)
    rows = selectors.attendance(meeting)
    kwargs = {"members": members, "organizations": organizations}
    if request.method != "POST":
        initial = {
            **attendance_initial(services.attendance_state(rows)),
            "fingerprint": services.attendance_fingerprint(rows),
        }
        return _render(request, access, meeting, AttendanceForm(initial=initial, **kwargs), rows)
    form = AttendanceForm(request.POST, **kwargs)
    if not form.is_valid():
        return _render(request, access, meeting, form, rows)
    try:
        services.attendance_save(
            meeting=meeting, statuses=form.statuses(), expected_fingerprint=form.cleaned_data["fingerprint"]
        )
    except SetChanged as conflict:
        return _render(request, access, meeting, form, conflict.saved, conflict=conflict)
    messages.success(request, _("Les présences ont été enregistrées."))
    return redirect(meeting_url(access, meeting))


def _render(
    request, access: PartnershipAccess, meeting: Meeting, form: AttendanceForm, rows, *, conflict=None
) -> HttpResponse:
    quorum = selectors.quorum(meeting, rows, form.members, len(form.organizations))
    context = page_context(access, meeting.cycle, meeting=meeting, form=form, quorum=quorum)
    if conflict is None:
        return render(request, "meetings/attendance_form.html", context)
    labels = dict(PRESENCE_CHOICES)
    saved = services.attendance_state(conflict.saved)
    yours = form.statuses()
    names = {("member", m.pk): str(m.user.full_name or m.user) for m in form.members}
    names.update({("organization", o.pk): o.name for o in form.organizations})
    context["set_conflict"] = set_conflict(
        form,
        conflict,
        alert=_(
            "Quelqu'un a enregistré les présences pendant que vous les notiez : les vôtres n'ont pas été enregistrées."
        ),
        caption=_("Personnes et organismes où la liste enregistrée diffère de la vôtre"),
        label_heading=_("Membre ou organisme"),
        differences=[
            ConflictRow(label=names[key], saved=str(labels[saved.get(key, "")]), yours=str(labels[status]))
            for key, status in yours.items()
            if saved.get(key, "") != status
        ],
    )
    return render(request, "meetings/attendance_form.html", context, status=409)
