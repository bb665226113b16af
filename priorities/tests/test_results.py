"""The counting rules on a known data set, both as plain functions and as the closed vote's page shows them."""

import pytest

from analysis.tests.factories import FindingFactory
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory
from priorities import results
from priorities.models import Ballot, VoteMethod, VoteStatus
from priorities.tests.factories import VoteFactory


def test_points_are_summed_and_ties_share_a_place():
    scores = results.points_scores([("a", 3), ("b", 5), ("a", 2), ("c", 1), ("d", 4), ("d", 1)])
    rows = results.ranked(["a", "b", "c", "d", "e"], scores)
    assert [(r.item, r.score, r.place, r.tied, r.supporters) for r in rows] == [
        ("a", 5, 1, True, 2),
        ("b", 5, 1, True, 1),
        ("d", 5, 1, True, 2),
        ("c", 1, 4, False, 1),
        ("e", 0, 5, False, 0),
    ]


def test_borda_gives_n_points_to_first_place_and_nothing_to_unranked():
    # Four candidates. Member 1 ranks a, b, c, d; member 2 ranks only c then a; member 3 ranks b, a.
    ballots = [("a", 1), ("b", 2), ("c", 3), ("d", 4), ("c", 1), ("a", 2), ("b", 1), ("a", 2)]
    rows = results.ranked(["a", "b", "c", "d"], results.borda_scores(ballots, 4))
    # a: 4 + 3 + 3 = 10; b: 3 + 4 = 7; c: 2 + 4 = 6; d: 1.
    assert [(r.item, r.score, r.place) for r in rows] == [("a", 10, 1), ("b", 7, 2), ("c", 6, 3), ("d", 1, 4)]
    assert not any(r.tied for r in rows)


@pytest.mark.django_db
def test_closed_points_vote_page_ranks_by_total(cast, cycle, client_for, cycle_url, membership_of):
    first, second, third = (FindingFactory(cycle=cycle, statement=f"Constat {n}") for n in "ABC")
    vote = VoteFactory(cycle=cycle, candidates=[first, second, third], status=VoteStatus.CLOSED, points_per_member=10)
    coordinator, partner = membership_of(cast.coordinator), membership_of(cast.partner)
    Ballot.objects.create(vote=vote, member=coordinator, finding=second, points=6)
    Ballot.objects.create(vote=vote, member=coordinator, finding=third, points=4)
    Ballot.objects.create(vote=vote, member=partner, finding=third, points=2)
    Ballot.objects.create(vote=vote, member=partner, finding=first, points=8)
    response = client_for(cast.observer).get(cycle_url("priorities:vote_detail", vote_pk=vote.pk))
    result = response.context["result"]
    assert [(row.item, row.score, row.place, row.supporters) for row in result] == [
        (first, 8, 1, 1),
        (second, 6, 2, 1),
        (third, 6, 2, 2),
    ]
    content = response.content.decode()
    assert "ex æquo" in content and "2 membres ont voté" in content


@pytest.mark.django_db
def test_closed_ranking_vote_uses_borda(cast, cycle, client_for, cycle_url):
    findings = [FindingFactory(cycle=cycle) for _ in range(3)]
    vote = VoteFactory(cycle=cycle, method=VoteMethod.RANKING, points_per_member=None, candidates=findings)
    vote.status = VoteStatus.CLOSED
    vote.save()
    for ranks in ([3, 1, 2], [2, 1, None], [1, 2, 3]):
        member = MembershipFactory(partnership=cast.partnership, role=Role.PARTNER)
        for finding, rank in zip(findings, ranks, strict=True):
            if rank:
                Ballot.objects.create(vote=vote, member=member, finding=finding, rank=rank)
    # With 3 candidates: finding 0 gets 1 + 2 + 3 = 6, finding 1 gets 3 + 3 + 2 = 8, finding 2 gets 2 + 0 + 1 = 3.
    result = client_for(cast.partner).get(cycle_url("priorities:vote_detail", vote_pk=vote.pk)).context["result"]
    assert [(row.item, row.score, row.place) for row in result] == [
        (findings[1], 8, 1),
        (findings[0], 6, 2),
        (findings[2], 3, 3),
    ]
