"""The overview, a vote's page and the objectives list read the same number of queries whatever the data size."""

import pytest

from analysis.tests.factories import FindingFactory
from factors.tests.factories import FactorFactory
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory
from priorities.models import Ballot, VoteStatus
from priorities.tests.factories import ObjectiveFactory, PriorityFactory, SelectedFactorFactory, VoteFactory

pytestmark = pytest.mark.django_db


def grow(cast, cycle, size: int):
    """`size` more candidates, voters, priorities, selected factors and objectives, all linked together."""
    findings = [FindingFactory(cycle=cycle, is_candidate=True) for _ in range(size)]
    factors = [FactorFactory() for _ in range(size)]
    for finding, factor in zip(findings, factors, strict=True):
        finding.factors.add(factor)
    for status in (VoteStatus.OPEN, VoteStatus.CLOSED):
        vote = VoteFactory(cycle=cycle, candidates=findings, status=status, points_per_member=size * 2)
        for _ in range(size):
            member = MembershipFactory(partnership=cast.partnership, role=Role.PARTNER)
            Ballot.objects.bulk_create(Ballot(vote=vote, member=member, finding=f, points=1) for f in findings)
    for finding, factor in zip(findings, factors, strict=True):
        priority = PriorityFactory(cycle=cycle, finding=finding)
        SelectedFactorFactory(cycle=cycle, factor=factor)
        objective = ObjectiveFactory(cycle=cycle)
        objective.priorities.add(priority)
        objective.factors.add(factor)
    return vote


@pytest.mark.parametrize("page", ["home", "objectives", "candidates", "factors", "vote_detail"])
def test_query_count_does_not_grow(cast, cycle, client_for, cycle_url, page, assert_flat_queries):
    client = client_for(cast.coordinator)
    vote = grow(cast, cycle, 2)
    address = (
        cycle_url("priorities:" + page, vote_pk=vote.pk) if page == "vote_detail" else cycle_url("priorities:" + page)
    )

    def more() -> None:
        larger = grow(cast, cycle, 6)
        vote.candidates.add(*larger.candidates.all())
        Ballot.objects.filter(vote=larger).update(vote=vote)  # the first vote now has more candidates and voters

    assert_flat_queries(client, address, grow=more)


def test_open_vote_page_with_ballot_form_does_not_grow(cast, cycle, client_for, cycle_url, assert_flat_queries):
    client = client_for(cast.partner)
    vote = VoteFactory(cycle=cycle, status=VoteStatus.OPEN, candidates=[FindingFactory(cycle=cycle) for _ in range(2)])

    def more() -> None:
        vote.candidates.add(*[FindingFactory(cycle=cycle) for _ in range(20)])
        for _ in range(10):
            member = MembershipFactory(partnership=cast.partnership, role=Role.COMMITTEE)
            Ballot.objects.create(vote=vote, member=member, finding=vote.candidates.first(), points=3)

    assert_flat_queries(client, cycle_url("priorities:vote_detail", vote_pk=vote.pk), grow=more)
