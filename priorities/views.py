"""Outil 8 — Nos priorités: overview, candidates, the group's choice and the selected factors."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from analysis.models import Finding
from cycles.models import Cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors, services
from .access import access_cycle, access_priority, access_vote
from .forms import CandidatesForm, ChooseForm, SelectedFactorsForm
from .overview import priorities_overview
from .vote_views import record_choice, render_vote_detail


def _posted(request: HttpRequest):
    """The posted data, even when empty: unticking every box posts nothing, and must still be saved."""
    return request.POST if request.method == "POST" else None


def page_context(access: PartnershipAccess, cycle: Cycle, **extra) -> dict:
    return {"access": access, "section": "cycles", "cycle": cycle, **extra}


def direct_choose_form(cycle: Cycle, candidates: list[Finding], data=None) -> ChooseForm:
    """The group's choice made without a vote: any candidate not yet a priority."""
    chosen = set(cycle.priorities.values_list("finding_id", flat=True))
    return ChooseForm(data, cycle=cycle, offered=[f for f in candidates if f.pk not in chosen])


def render_home(request: HttpRequest, access: PartnershipAccess, cycle: Cycle, choose_form=None) -> HttpResponse:
    overview = priorities_overview(cycle)
    if choose_form is None and access.can(Perm.EDIT_PRIORITIES):
        candidates = [f for group in overview.candidate_groups for f in group.findings]
        choose_form = direct_choose_form(cycle, candidates)
    context = page_context(
        access,
        cycle,
        overview=overview,
        choose_form=choose_form,
        can_edit=access.can(Perm.EDIT_PRIORITIES),
        can_run_votes=access.can(Perm.RUN_VOTES),
    )
    return render(request, "priorities/home.html", context)


@partnership_view()
def home(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    return render_home(request, access, access_cycle(access, cycle_pk))


@partnership_view()
def candidates(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    if request.method == "POST":
        access.require(Perm.EDIT_PRIORITIES)
    form = CandidatesForm(_posted(request), cycle=cycle)
    if request.method == "POST" and form.is_valid():
        wanted = {finding.pk for finding in form.cleaned_data["candidates"]}
        changed = services.candidates_update(cycle=cycle, candidates=wanted)
        message = ngettext(
            "Priorités candidates enregistrées : %(count)s constat a changé.",
            "Priorités candidates enregistrées : %(count)s constats ont changé.",
            changed,
        )
        messages.success(request, message % {"count": changed})
        return redirect("priorities:home", slug=access.partnership.slug, cycle_pk=cycle.pk)
    findings = list(selectors.cycle_findings(cycle))
    checked = _checked_candidates(form, findings)
    context = page_context(
        access,
        cycle,
        form=form,
        groups=selectors.group_by_origin(findings),
        checked=checked,
        can_edit=access.can(Perm.EDIT_PRIORITIES),
    )
    return render(request, "priorities/candidates.html", context)


def _checked_candidates(form: CandidatesForm, findings: list[Finding]) -> set[int]:
    """What the boxes show: what was posted when the form comes back, the saved flags otherwise."""
    if form.is_bound:
        return {int(value) for value in form.data.getlist("candidates") if str(value).isdigit()}
    return {finding.pk for finding in findings if finding.is_candidate}


@partnership_view(Perm.EDIT_PRIORITIES, methods=("POST",))
def choose(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    vote_pk = request.POST.get("vote", "")
    vote = access_vote(access, cycle, int(vote_pk)) if vote_pk.isdigit() else None
    if vote is not None and not vote.is_closed:
        messages.error(request, _("Le résultat d'un vote ne peut servir au choix du groupe qu'une fois le vote fermé."))
        return redirect("priorities:vote_detail", slug=access.partnership.slug, cycle_pk=cycle.pk, vote_pk=vote.pk)
    if vote is not None:
        return render_vote_detail(request, access, cycle, vote, choose_data=request.POST)
    form = direct_choose_form(cycle, list(selectors.candidate_findings(cycle)), data=request.POST)
    if not form.is_valid():
        return render_home(request, access, cycle, choose_form=form)
    record_choice(request, cycle, form)
    return redirect("priorities:home", slug=access.partnership.slug, cycle_pk=cycle.pk)


@partnership_view(Perm.EDIT_PRIORITIES, methods=("POST",))
def priority_remove(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, priority_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    priority = access_priority(access, cycle, priority_pk)
    try:
        services.priority_remove(priority=priority)
    except services.PriorityInUse as in_use:
        messages.error(
            request,
            _("Cette priorité est reprise par l'objectif « %(title)s » : retirez-la d'abord de cet objectif.")
            % {"title": in_use.objective.title},
        )
    else:
        messages.success(request, _("La priorité a été retirée ; le constat reste dans l'analyse."))
    return redirect("priorities:home", slug=access.partnership.slug, cycle_pk=cycle.pk)


@partnership_view()
def factors(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    if request.method == "POST":
        access.require(Perm.EDIT_PRIORITIES)
    groups = selectors.factors_by_system(partnership=access.partnership, cycle=cycle)
    form = SelectedFactorsForm(_posted(request), groups=groups)
    if request.method == "POST" and form.is_valid():
        services.selected_factors_save(cycle=cycle, choices=form.choices(), user=request.user)
        messages.success(request, _("Les facteurs de protection retenus ont été enregistrés."))
        return redirect("priorities:factors", slug=access.partnership.slug, cycle_pk=cycle.pk)
    context = page_context(access, cycle, form=form, can_edit=access.can(Perm.EDIT_PRIORITIES))
    return render(request, "priorities/factors.html", context)
