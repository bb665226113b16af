"""Votes on the candidate priorities: create, open, cast a ballot, close, read the result, choose from it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.history import history_entries
from core.rendering import render_history
from core.submissions import create_once
from cycles.access import access_cycle
from cycles.models import Cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services, vote_services
from ..access import access_vote
from ..forms import ChooseForm
from ..models import Vote
from ..vote_forms import BallotForm, VoteForm
from .common import page_context, tool_url


def _detail(access: PartnershipAccess, vote: Vote):
    return redirect(tool_url("vote_detail", access, vote.cycle_id, vote_pk=vote.pk))


@partnership_view(Perm.RUN_VOTES, methods=FORM)
def vote_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    candidates = list(selectors.candidate_findings(cycle))
    form = VoteForm(request.POST or None, candidate_count=len(candidates))
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: vote_services.vote_create(cycle=cycle, vote=form.instance, user=request.user),
            url=lambda vote: tool_url("vote_detail", access, cycle.pk, vote_pk=vote.pk),
            message=lambda vote: (
                _("Le vote « %(title)s » est prêt ; ouvrez-le quand le groupe est prêt à voter.")
                % {"title": vote.title}
            ),
        )
        if created:
            return created
    return render(request, "priorities/vote_form.html", page_context(access, cycle, form=form, candidates=candidates))


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
    chosen = selectors.chosen_finding_ids(cycle)
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
    vote: Vote,
    *,
    ballot_form: BallotForm | None = None,
    choose_data: QueryDict | None = None,
) -> HttpResponse:
    """The vote's page; a bound ballot or choice form comes back with what was typed and its errors.

    A valid choice is recorded here, since the choice offered depends on this vote's result.
    """
    cycle = vote.cycle
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
            return redirect(tool_url("home", access, cycle.pk))
    context = page_context(
        access,
        cycle,
        vote=vote,
        candidates=candidates,
        voters=voters,
        has_voted=any(member.pk == access.membership.pk for member in voters),
        can_vote=can_vote,
        can_run=access.can(Perm.RUN_VOTES),
        ballot_form=ballot_form,
        result=result,
        choose_form=choose_form,
    )
    return render(request, "priorities/vote_detail.html", context)


@partnership_view()
def vote_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    vote, _can_run = access_vote(access, cycle_pk, vote_pk)
    return render_vote_detail(request, access, vote)


@partnership_view(Perm.RUN_VOTES, methods=("POST",))
def vote_open(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    vote, _can_run = access_vote(access, cycle_pk, vote_pk)
    try:
        vote_services.vote_open(vote=vote)
    except vote_services.VoteStateError:
        messages.error(request, _("Seul un vote en préparation peut être ouvert."))
    else:
        messages.success(request, _("Le vote est ouvert : les membres peuvent voter."))
    return _detail(access, vote)


@partnership_view(Perm.RUN_VOTES, methods=("POST",))
def vote_close(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    vote, _can_run = access_vote(access, cycle_pk, vote_pk)
    try:
        vote_services.vote_close(vote=vote)
    except vote_services.VoteStateError:
        messages.error(request, _("Seul un vote ouvert peut être fermé."))
    else:
        messages.success(request, _("Le vote est fermé : le résultat est affiché."))
    return _detail(access, vote)


@partnership_view(Perm.VOTE, methods=("POST",))
def ballot(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    vote, _can_run = access_vote(access, cycle_pk, vote_pk)
    if not vote.is_open:
        messages.error(request, _("Ce vote n'est pas ouvert : votre bulletin n'a pas été enregistré."))
        return _detail(access, vote)
    form = BallotForm(request.POST, vote=vote, candidates=selectors.vote_candidates(vote), current={})
    if not form.is_valid():
        return render_vote_detail(request, access, vote, ballot_form=form)
    try:
        vote_services.ballot_cast(vote=vote, member=access.membership, choices=form.choices)
    except vote_services.VoteStateError:
        messages.error(request, _("Le vote a été fermé entre-temps : votre bulletin n'a pas été enregistré."))
    else:
        messages.success(
            request, _("Votre bulletin a été enregistré. Vous pouvez le modifier tant que le vote est ouvert.")
        )
    return _detail(access, vote)


@partnership_view()
def vote_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    """The Vote record only (status, settings, candidates): ballots are personal and never shown."""
    vote, _can_run = access_vote(access, cycle_pk, vote_pk)
    return render_history(
        request,
        title=vote.title,
        back_url=tool_url("vote_detail", access, cycle_pk, vote_pk=vote.pk),
        entries=history_entries(vote),
        context=page_context(access, vote.cycle),
    )
