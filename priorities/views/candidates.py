"""The candidate priorities (a set saved at once), the group's choice, and the chosen priorities."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from analysis.models import Finding
from analysis.selectors import group_by_origin
from core.concurrency import SetChanged
from core.history import history_entries
from core.rendering import confirm_deletion, render_history, set_conflict
from cycles.access import access_cycle
from cycles.models import Cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import conflicts, selectors, services
from ..access import access_priority, access_vote
from ..forms import CandidatesForm
from .common import page_context, tool_url
from .overview import direct_choose_form, render_home
from .votes import record_choice, render_vote_detail


@partnership_view(methods=FORM)
def candidates(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    if request.method != "POST":
        return _render_candidates(request, access, cycle, form=None)
    access.require(Perm.EDIT_PRIORITIES)
    form = CandidatesForm(request.POST, cycle=cycle)  # bound even when every box is unticked
    if not form.is_valid():
        return _render_candidates(request, access, cycle, form=form)
    wanted = {finding.pk for finding in form.cleaned_data["candidates"]}
    try:
        changed = services.candidates_update(
            cycle=cycle, candidates=wanted, expected_fingerprint=form.cleaned_data["fingerprint"]
        )
    except SetChanged as conflict:
        return _render_candidates(request, access, cycle, form=form, conflict=conflict)
    message = ngettext(
        "Priorités candidates enregistrées : %(count)s constat a changé.",
        "Priorités candidates enregistrées : %(count)s constats ont changé.",
        changed,
    )
    messages.success(request, message % {"count": changed})
    return redirect(tool_url("home", access, cycle.pk))


def _render_candidates(
    request: HttpRequest,
    access: PartnershipAccess,
    cycle: Cycle,
    *,
    form: CandidatesForm | None,
    conflict: SetChanged | None = None,
) -> HttpResponse:
    findings = list(selectors.cycle_findings(cycle))
    if form is None:
        saved = {finding.pk for finding in findings if finding.is_candidate}
        form = CandidatesForm(cycle=cycle, initial={"fingerprint": services.candidates_fingerprint(saved)})
    checked = _checked_candidates(form, findings)
    context = page_context(
        access,
        cycle,
        form=form,
        groups=group_by_origin(findings),
        checked=checked,
        can_edit=access.can(Perm.EDIT_PRIORITIES),
    )
    if conflict is None:
        return render(request, "priorities/candidates.html", context)
    context["set_conflict"] = set_conflict(
        form,
        conflict,
        alert=_(
            "Quelqu'un a enregistré les priorités candidates pendant que vous les modifiiez : votre choix n'a pas "
            "été enregistré."
        ),
        caption=_("Constats où la version enregistrée diffère de votre choix"),
        label_heading=_("Constat"),
        differences=conflicts.candidate_differences(findings, conflict.saved, checked),
    )
    return render(request, "priorities/candidates.html", context, status=409)


def _checked_candidates(form: CandidatesForm, findings: list[Finding]) -> set[int]:
    """What the boxes show: what was posted when the form comes back, the saved flags otherwise."""
    if form.is_bound:
        return {int(value) for value in form.data.getlist("candidates") if str(value).isdigit()}
    return {finding.pk for finding in findings if finding.is_candidate}


@partnership_view(Perm.EDIT_PRIORITIES, methods=("POST",))
def choose(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    vote_pk = request.POST.get("vote", "")
    if vote_pk.isdigit():
        vote, _can_run = access_vote(access, cycle.pk, int(vote_pk))
        if not vote.is_closed:
            messages.error(
                request, _("Le résultat d'un vote ne peut servir au choix du groupe qu'une fois le vote fermé.")
            )
            return redirect(tool_url("vote_detail", access, cycle.pk, vote_pk=vote.pk))
        return render_vote_detail(request, access, vote, choose_data=request.POST)
    form = direct_choose_form(cycle, list(selectors.candidate_findings(cycle)), data=request.POST)
    if not form.is_valid():
        return render_home(request, access, cycle, choose_form=form)
    record_choice(request, cycle, form)
    return redirect(tool_url("home", access, cycle.pk))


@partnership_view(Perm.EDIT_PRIORITIES, methods=FORM)
def priority_remove(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, priority_pk: int) -> HttpResponse:
    priority, can_edit = access_priority(access, cycle_pk, priority_pk)
    if not can_edit:
        raise PermissionDenied
    home_url = tool_url("home", access, cycle_pk)
    return confirm_deletion(
        request,
        instance=priority,
        title=str(priority),
        cancel_url=home_url,
        delete=lambda: services.priority_remove(priority=priority),
        success_url=home_url,
        success_message=_("La priorité a été retirée ; le constat reste dans l'analyse."),
        context=page_context(access, priority.cycle),
    )


@partnership_view()
def priority_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, priority_pk: int) -> HttpResponse:
    priority, _can_edit = access_priority(access, cycle_pk, priority_pk)
    return render_history(
        request,
        title=str(priority),
        back_url=tool_url("home", access, cycle_pk),
        entries=history_entries(priority),
        context=page_context(access, priority.cycle),
    )
