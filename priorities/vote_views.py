"""Votes on the candidate priorities: create, open, cast a ballot, close, read the result."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors, services, vote_services
from .access import access_cycle, access_vote
from .forms import ChooseForm
from .models import Vote
from .vote_forms import BallotForm, VoteForm


def _detail(access: PartnershipAccess, cycle: Cycle, vote: Vote):
    return redirect("priorities:vote_detail", slug=access.partnership.slug, cycle_pk=cycle.pk, vote_pk=vote.pk)


@partnership_view(Perm.RUN_VOTES)
def vote_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    candidates = list(selectors.candidate_findings(cycle))
    form = VoteForm(request.POST or None, candidate_count=len(candidates))
    if request.method == "POST" and form.is_valid():
        vote = vote_services.vote_create(cycle=cycle, vote=form.instance, user=request.user)
        messages.success(
            request,
            _("Le vote « %(title)s » est prêt ; ouvrez-le quand le groupe est prêt à voter.") % {"title": vote.title},
        )
        return _detail(access, cycle, vote)
    context = {"access": access, "section": "cycles", "cycle": cycle, "form": form, "candidates": candidates}
    return render(request, "priorities/vote_form.html", context)


def record_choice(request: HttpRequest, cycle: Cycle, form: ChooseForm) -> None:
    """Record the group's choice, from a vote's result or straight from the candidates."""
    added = services.priorities_choose(
        cycle=cycle,
        findings=form.ordered,
        vote=form.cleaned_data.get("vote"),
        note=form.cleaned_data.get("note", ""),
        user=request.user,
    )
    message = ngettext(
        "%(count)s priorité a été ajoutée au choix du groupe.",
        "%(count)s priorités ont été ajoutées au choix du groupe.",
        len(added),
    )
    messages.success(request, message % {"count": len(added)})


def _choose_form(cycle: Cycle, vote: Vote, result, data: QueryDict | None) -> ChooseForm:
    chosen = set(cycle.priorities.values_list("finding_id", flat=True))
    rows = [row for row in result if row.item.pk not in chosen]
    return ChooseForm(
        data,
        cycle=cycle,
        offered=[row.item for row in rows],
        orders={row.item.pk: row.place for row in rows},
        initial={"vote": vote.pk},
    )


def render_vote_detail(
    request: HttpRequest,
    access: PartnershipAccess,
    cycle: Cycle,
    vote: Vote,
    *,
    ballot_form: BallotForm | None = None,
    choose_data: QueryDict | None = None,
) -> HttpResponse:
    """The vote's page; a bound ballot or choice form comes back with what was typed and its errors.

    A valid choice is recorded here, since the choice offered depends on this vote's result.
    """
    candidates = selectors.vote_candidates(vote)
    voters = selectors.vote_voters(vote)
    can_vote = vote.is_open and access.can(Perm.VOTE)
    if can_vote and ballot_form is None:
        current = selectors.member_ballot(vote, access.membership)
        ballot_form = BallotForm(vote=vote, candidates=candidates, current=current)
    result = selectors.vote_result(vote, candidates) if vote.is_closed else []
    choose_form = None
    if vote.is_closed and access.can(Perm.EDIT_PRIORITIES):
        choose_form = _choose_form(cycle, vote, result, choose_data)
        if choose_data is not None and choose_form.is_valid():
            record_choice(request, cycle, choose_form)
            return redirect("priorities:home", slug=access.partnership.slug, cycle_pk=cycle.pk)
    context = {
        "access": access,
        "section": "cycles",
        "cycle": cycle,
        "vote": vote,
        "candidates": candidates,
        "voters": voters,
        "has_voted": any(member.pk == access.membership.pk for member in voters),
        "can_vote": can_vote,
        "can_run": access.can(Perm.RUN_VOTES),
        "ballot_form": ballot_form,
        "result": result,
        "choose_form": choose_form,
    }
    return render(request, "priorities/vote_detail.html", context)


@partnership_view()
def vote_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    return render_vote_detail(request, access, cycle, access_vote(access, cycle, vote_pk))


@partnership_view(Perm.RUN_VOTES, methods=("POST",))
def vote_open(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    vote = access_vote(access, cycle, vote_pk)
    try:
        vote_services.vote_open(vote=vote)
    except vote_services.VoteStateError:
        messages.error(request, _("Seul un vote en préparation peut être ouvert."))
    else:
        messages.success(request, _("Le vote est ouvert : les membres peuvent voter."))
    return _detail(access, cycle, vote)


@partnership_view(Perm.RUN_VOTES, methods=("POST",))
def vote_close(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    vote = access_vote(access, cycle, vote_pk)
    try:
        vote_services.vote_close(vote=vote)
    except vote_services.VoteStateError:
        messages.error(request, _("Seul un vote ouvert peut être fermé."))
    else:
        messages.success(request, _("Le vote est fermé : le résultat est affiché."))
    return _detail(access, cycle, vote)


@partnership_view(Perm.VOTE, methods=("POST",))
def ballot(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    vote = access_vote(access, cycle, vote_pk)
    if not vote.is_open:
        messages.error(request, _("Ce vote n'est pas ouvert : votre bulletin n'a pas été enregistré."))
        return _detail(access, cycle, vote)
    form = BallotForm(request.POST, vote=vote, candidates=selectors.vote_candidates(vote), current={})
    if not form.is_valid():
        return render_vote_detail(request, access, cycle, vote, ballot_form=form)
    try:
        vote_services.ballot_cast(vote=vote, member=access.membership, choices=form.choices)
    except vote_services.VoteStateError:
        messages.error(request, _("Le vote a été fermé entre-temps : votre bulletin n'a pas été enregistré."))
    else:
        messages.success(
            request, _("Votre bulletin a été enregistré. Vous pouvez le modifier tant que le vote est ouvert.")
        )
    return _detail(access, cycle, vote)
