"""Outil 8 — Nos priorités: overview, candidates, the group's choice and the selected factors."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from analysis.models import Finding
from analysis.selectors import group_by_origin
from cycles.models import Cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import conflicts, selectors, services
from .access import access_cycle, access_priority, access_vote
from .forms import CandidatesForm, ChooseForm, FingerprintFormMixin, SelectedFactorsForm
from .overview import priorities_overview
from .vote_views import record_choice, render_vote_detail


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
    except services.CandidatesChanged as conflict:
        return _render_candidates(request, access, cycle, form=form, conflict=conflict)
    message = ngettext(
        "Priorités candidates enregistrées : %(count)s constat a changé.",
        "Priorités candidates enregistrées : %(count)s constats ont changé.",
        changed,
    )
    messages.success(request, message % {"count": changed})
    return redirect("priorities:home", slug=access.partnership.slug, cycle_pk=cycle.pk)


def _render_candidates(
    request: HttpRequest,
    access: PartnershipAccess,
    cycle: Cycle,
    *,
    form: CandidatesForm | None,
    conflict: services.CandidatesChanged | None = None,
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
    _carry_fingerprint(form, conflict)
    context.update(conflict=True, differences=conflicts.candidate_differences(findings, conflict.saved, checked))
    return render(request, "priorities/candidates.html", context, status=409)


def _carry_fingerprint(form: FingerprintFormMixin, conflict: services.SetChanged) -> None:
    """Keep everything the person chose but carry the set's current state, so that saving again is a
    deliberate choice to replace what the other person saved."""
    data = form.data.copy()
    data["fingerprint"] = conflict.fingerprint
    form.data = data


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
    groups = selectors.factor_choices(partnership=access.partnership, cycle=cycle)
    if request.method != "POST":
        initial = {"fingerprint": services.selection_fingerprint(selectors.selected_rationales(cycle))}
        return _render_factors(request, access, cycle, SelectedFactorsForm(groups=groups, initial=initial))
    form = SelectedFactorsForm(request.POST, groups=groups)  # bound even when every box is unticked
    if not form.is_valid():
        return _render_factors(request, access, cycle, form)
    try:
        services.selected_factors_save(
            cycle=cycle,
            choices=form.choices(),
            user=request.user,
            expected_fingerprint=form.cleaned_data["fingerprint"],
        )
    except services.SelectionChanged as conflict:
        return _render_factors(request, access, cycle, form, conflict=conflict)
    messages.success(request, _("Les facteurs de protection retenus ont été enregistrés."))
    return redirect("priorities:factors", slug=access.partnership.slug, cycle_pk=cycle.pk)


def _render_factors(
    request: HttpRequest,
    access: PartnershipAccess,
    cycle: Cycle,
    form: SelectedFactorsForm,
    *,
    conflict: services.SelectionChanged | None = None,
) -> HttpResponse:
    context = page_context(access, cycle, form=form, can_edit=access.can(Perm.EDIT_PRIORITIES))
    if conflict is None:
        return render(request, "priorities/factors.html", context)
    _carry_fingerprint(form, conflict)
    chosen = {factor.pk: rationale for factor, rationale in form.choices().items()}
    context.update(conflict=True, differences=conflicts.factor_differences(form.groups, conflict.saved, chosen))
    return render(request, "priorities/factors.html", context, status=409)
