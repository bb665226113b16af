import pytest

from analysis.tests.factories import FindingFactory
from priorities.models import Ballot, Vote, VoteMethod, VoteStatus
from priorities.tests.factories import VoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def findings(cycle):
    return [FindingFactory(cycle=cycle, is_candidate=True, statement=f"Constat {n}") for n in range(3)]


@pytest.fixture
def open_vote(cycle, findings):
    return VoteFactory(cycle=cycle, candidates=findings, status=VoteStatus.OPEN, points_per_member=10)


def points(findings, *values):
    return {f"finding_{f.pk}": "" if v is None else str(v) for f, v in zip(findings, values, strict=True)}


def test_coordinator_prepares_a_vote_on_the_current_candidates(cast, cycle, findings, client_for, cycle_url):
    FindingFactory(cycle=cycle, is_candidate=False)
    data = {"title": "Vote de mars", "method": VoteMethod.POINTS, "points_per_member": 5, "max_points_per_finding": 3}
    response = client_for(cast.coordinator).post(cycle_url("priorities:vote_create"), data)
    vote = Vote.objects.get(cycle=cycle)
    assert response.status_code == 302
    assert vote.status == VoteStatus.DRAFT and vote.created_by == cast.coordinator
    assert set(vote.candidates.all()) == set(findings)
    findings[0].is_candidate = False
    findings[0].save()
    assert vote.candidates.count() == 3  # a snapshot: later changes to the candidates do not touch it


def test_points_vote_needs_points_and_two_candidates(cast, cycle, client_for, cycle_url):
    FindingFactory(cycle=cycle, is_candidate=True)
    data = {"title": "Mon vote à garder", "method": VoteMethod.POINTS, "points_per_member": ""}
    response = client_for(cast.coordinator).post(cycle_url("priorities:vote_create"), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Indiquez le nombre de points dont dispose chaque membre." in content
    assert "Marquez au moins deux constats comme priorités candidates" in content
    assert "Mon vote à garder" in content
    assert not Vote.objects.exists()


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_runs_votes(cast, cycle, findings, client_for, cycle_url, role):
    vote = VoteFactory(cycle=cycle, candidates=findings)
    client = client_for(getattr(cast, role))
    assert (
        client.post(cycle_url("priorities:vote_create"), {"title": "X", "method": VoteMethod.RANKING}).status_code
        == 403
    )
    assert client.post(cycle_url("priorities:vote_open", vote_pk=vote.pk)).status_code == 403
    vote.status = VoteStatus.OPEN
    vote.save()
    assert client.post(cycle_url("priorities:vote_close", vote_pk=vote.pk)).status_code == 403
    vote.refresh_from_db()
    assert vote.status == VoteStatus.OPEN


def test_vote_opens_then_closes(cast, cycle, findings, client_for, cycle_url):
    vote = VoteFactory(cycle=cycle, candidates=findings)
    client = client_for(cast.coordinator)
    client.post(cycle_url("priorities:vote_open", vote_pk=vote.pk))
    vote.refresh_from_db()
    assert vote.status == VoteStatus.OPEN and vote.opened_at
    client.post(cycle_url("priorities:vote_close", vote_pk=vote.pk))
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CLOSED and vote.closed_at
    response = client.post(cycle_url("priorities:vote_open", vote_pk=vote.pk), follow=True)
    assert "Seul un vote en préparation peut être ouvert." in response.content.decode()
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CLOSED


def test_observer_cannot_vote(cast, open_vote, findings, client_for, cycle_url):
    client = client_for(cast.observer)
    assert (
        client.post(cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 5, 5, 0)).status_code == 403
    )
    assert not Ballot.objects.exists()
    assert (
        "Votre rôle ne vous permet pas de voter"
        in client.get(cycle_url("priorities:vote_detail", vote_pk=open_vote.pk)).content.decode()
    )


@pytest.mark.parametrize("role", ["coordinator", "committee", "partner"])
def test_members_vote(cast, open_vote, findings, client_for, cycle_url, membership_of, role):
    user = getattr(cast, role)
    response = client_for(user).post(cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 6, None, 4))
    assert response.status_code == 302
    mine = Ballot.objects.filter(vote=open_vote, member=membership_of(user))
    assert {(b.finding, b.points) for b in mine} == {(findings[0], 6), (findings[2], 4)}


def test_partner_cannot_choose_priorities(cast, cycle, findings, client_for, cycle_url):
    vote = VoteFactory(cycle=cycle, candidates=findings, status=VoteStatus.CLOSED)
    data = {"vote": vote.pk, "findings": [findings[0].pk]}
    assert client_for(cast.partner).post(cycle_url("priorities:choose"), data).status_code == 403
    assert not cycle.priorities.exists()


@pytest.mark.parametrize(
    "values,message",
    [
        ((8, 2, 1), "Vous avez attribué 11 points ; vous en avez 10 au maximum."),
        ((-1, 2, 1), "Le nombre de points ne peut pas être négatif."),
        (("deux", 2, 1), "Entrez un nombre entier de points."),
        ((0, None, 0), "Attribuez au moins un point."),
    ],
)
def test_bad_points_are_explained_and_kept(cast, open_vote, findings, client_for, cycle_url, values, message):
    response = client_for(cast.partner).post(
        cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, *values)
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert f'value="{values[0]}"' in content
    assert not Ballot.objects.exists()


def test_points_per_finding_cap(cast, open_vote, findings, client_for, cycle_url):
    open_vote.max_points_per_finding = 4
    open_vote.save()
    response = client_for(cast.partner).post(
        cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 5, 2, 1)
    )
    assert "Au plus 4 points par constat." in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.fixture
def ranking_vote(cycle, findings):
    return VoteFactory(
        cycle=cycle, candidates=findings, method=VoteMethod.RANKING, points_per_member=None, status=VoteStatus.OPEN
    )


@pytest.mark.parametrize(
    "ranks,message",
    [
        ((1, 1, 2), "Le rang 1 est donné à plus d&#x27;un constat."),
        ((1, 3, None), "vous avez classé 2 constats, utilisez les rangs 1 à 2."),
        ((0, 1, 2), "Le rang commence à 1."),
        ((None, None, None), "Classez au moins un constat"),
        (("1,5", 2, 3), "Entrez un rang : un nombre entier"),
    ],
)
def test_bad_ranks_are_explained_and_kept(cast, ranking_vote, findings, client_for, cycle_url, ranks, message):
    response = client_for(cast.committee).post(
        cycle_url("priorities:ballot", vote_pk=ranking_vote.pk), points(findings, *ranks)
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    if ranks[1] is not None:
        assert f'value="{ranks[1]}"' in content
    assert not Ballot.objects.exists()


def test_partial_ranking_is_accepted(cast, ranking_vote, findings, client_for, cycle_url):
    client_for(cast.committee).post(
        cycle_url("priorities:ballot", vote_pk=ranking_vote.pk), points(findings, 2, None, 1)
    )
    assert {(b.finding, b.rank, b.points) for b in Ballot.objects.all()} == {
        (findings[0], 2, None),
        (findings[2], 1, None),
    }


def test_voting_again_replaces_the_ballot(cast, open_vote, findings, client_for, cycle_url, membership_of):
    client = client_for(cast.partner)
    client.post(cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 5, 5, None))
    client_for(cast.committee).post(
        cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 1, None, None)
    )
    page = client.get(cycle_url("priorities:vote_detail", vote_pk=open_vote.pk)).content.decode()
    assert "Vous avez déjà voté" in page and f'name="finding_{findings[1].pk}"' in page
    client.post(cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, None, 3, 7))
    mine = Ballot.objects.filter(member=membership_of(cast.partner))
    assert {(b.finding, b.points) for b in mine} == {(findings[1], 3), (findings[2], 7)}
    assert Ballot.objects.filter(member=membership_of(cast.committee)).count() == 1
    # Every ballot row, including the replaced ones, is in the history.
    assert Ballot.history.filter(history_type="-").count() == 2


def test_closed_vote_refuses_ballots(cast, open_vote, findings, client_for, cycle_url):
    open_vote.status = VoteStatus.CLOSED
    open_vote.save()
    response = client_for(cast.partner).post(
        cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 5, 5, 0), follow=True
    )
    assert "Ce vote n&#x27;est pas ouvert" in response.content.decode()
    assert not Ballot.objects.exists()


def test_voter_names_hidden_when_anonymous(cast, open_vote, findings, client_for, cycle_url):
    client_for(cast.partner).post(cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, 5, 5, 0))
    client = client_for(cast.observer)
    assert (
        cast.partner.full_name in client.get(cycle_url("priorities:vote_detail", vote_pk=open_vote.pk)).content.decode()
    )
    open_vote.is_anonymous = True
    open_vote.save()
    content = client.get(cycle_url("priorities:vote_detail", vote_pk=open_vote.pk)).content.decode()
    assert "1 membre a voté." in content and cast.partner.full_name not in content


def test_vote_of_another_cycle_is_not_found(cast, cycle, findings, client_for, cycle_url):
    other_cycle_vote = VoteFactory(cycle__partnership=cast.partnership, candidates=[])
    assert (
        client_for(cast.coordinator).get(cycle_url("priorities:vote_detail", vote_pk=other_cycle_vote.pk)).status_code
        == 404
    )


def test_a_vote_and_its_candidates_are_one_history_entry(cast, cycle, findings, client_for, cycle_url):
    data = {"title": "Vote d'avril", "method": VoteMethod.RANKING}
    assert client_for(cast.coordinator).post(cycle_url("priorities:vote_create"), data).status_code == 302
    vote = Vote.objects.get(cycle=cycle)
    record = vote.history.get()
    assert {link.finding_id for link in record.candidates.all()} == {finding.pk for finding in findings}


def test_a_finding_shows_where_it_stood_in_the_closed_votes(cast, open_vote, findings, client_for, cycle_url):
    for user, values in ((cast.partner, (6, 4, None)), (cast.committee, (2, 8, None))):
        client_for(user).post(cycle_url("priorities:ballot", vote_pk=open_vote.pk), points(findings, *values))
    page = cycle_url("analysis:finding_detail", finding_pk=findings[1].pk)
    reader = client_for(cast.observer)
    assert "Dans les votes de l" not in reader.get(page).content.decode()  # no result while the vote is open
    client_for(cast.coordinator).post(cycle_url("priorities:vote_close", vote_pk=open_vote.pk))
    content = " ".join(reader.get(page).content.decode().split())
    assert "Dans les votes de l'Outil 8" in content
    assert "Choix des priorités</a> : 12 points, rang 1 sur 3 — 2 membres l'ont appuyé" in content
    first = " ".join(
        reader.get(cycle_url("analysis:finding_detail", finding_pk=findings[0].pk)).content.decode().split()
    )
    assert "8 points, rang 2 sur 3" in first
    last = " ".join(
        reader.get(cycle_url("analysis:finding_detail", finding_pk=findings[2].pk)).content.decode().split()
    )
    assert "rang 3 sur 3 — aucun membre ne l'a appuyé" in last
