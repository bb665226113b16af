"""Running a vote: create it from the current candidates, open it, take ballots, close it."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from analysis.models import Finding
from core.saving import save_with_links
from cycles.models import Cycle
from partnerships.models import Membership

from .models import Ballot, Vote, VoteStatus


class VoteStateError(Exception):
    """The vote is not in the state the action needs (e.g. a ballot for a closed vote)."""

    def __init__(self, vote: Vote) -> None:
        super().__init__(f"vote {vote.pk} is {vote.status}")
        self.vote = vote


@transaction.atomic
def vote_create(*, cycle: Cycle, vote: Vote, user: User | None) -> Vote:
    """Save a draft vote on a copy of the cycle's current candidate findings."""
    vote.cycle = cycle
    vote.status = VoteStatus.DRAFT
    vote.created_by = user
    save_with_links(vote, links={"candidates": Finding.objects.filter(cycle=cycle, is_candidate=True)})
    return vote


def _locked(vote: Vote, expected: VoteStatus) -> Vote:
    """The vote's row, locked for the transaction, if it is still in `expected` status."""
    locked = Vote.objects.select_for_update().get(pk=vote.pk)
    if locked.status != expected:
        raise VoteStateError(locked)
    return locked


@transaction.atomic
def vote_open(*, vote: Vote) -> Vote:
    vote = _locked(vote, VoteStatus.DRAFT)
    vote.status, vote.opened_at = VoteStatus.OPEN, timezone.now()
    vote.save()
    return vote


@transaction.atomic
def vote_close(*, vote: Vote) -> Vote:
    vote = _locked(vote, VoteStatus.OPEN)
    vote.status, vote.closed_at = VoteStatus.CLOSED, timezone.now()
    vote.save()
    return vote


@transaction.atomic
def ballot_cast(*, vote: Vote, member: Membership, choices: dict[Finding, int]) -> None:
    """Replace the member's ballot with `choices` ({finding: points or rank}) while the vote is open.

    The vote row stays locked until the end, so a ballot cannot slip in after the vote is closed.
    """
    vote = _locked(vote, VoteStatus.OPEN)
    for previous in Ballot.objects.filter(vote=vote, member=member):
        previous.delete()
    number = "points" if vote.is_points else "rank"
    for finding, value in choices.items():
        Ballot.objects.create(vote=vote, member=member, finding=finding, **{number: value})
