"""Candidates, the group's choice of priorities, and the factors selected per system."""

import pytest

from analysis.models import Finding
from analysis.tests.factories import FindingFactory
from core.systems import System
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from factors.tests.factories import FactorFactory
from priorities.models import Priority, SelectedFactor, VoteStatus
from priorities.tests.factories import ObjectiveFactory, PriorityFactory, SelectedFactorFactory, VoteFactory

pytestmark = pytest.mark.django_db


def test_candidates_are_saved_in_one_post_with_history(cast, cycle, client_for, cycle_url, with_fingerprint):
    first, second, third = (FindingFactory(cycle=cycle) for _ in range(3))
    third.is_candidate = True
    third.save()
    client = client_for(cast.committee)
    data = with_fingerprint(client, cycle_url("priorities:candidates"), {"candidates": [first.pk, second.pk]})
    response = client.post(cycle_url("priorities:candidates"), data)
    assert response.status_code == 302
    assert set(Finding.objects.filter(is_candidate=True)) == {first, second}
    assert first.history.first().is_candidate is True
    assert third.history.first().is_candidate is False
    assert second.history.first().history_user == cast.committee


def test_unticking_every_box_clears_the_candidates(cast, cycle, client_for, cycle_url, with_fingerprint):
    finding = FindingFactory(cycle=cycle, is_candidate=True)
    client = client_for(cast.coordinator)
    assert (
        client.post(
            cycle_url("priorities:candidates"), with_fingerprint(client, cycle_url("priorities:candidates"), {})
        ).status_code
        == 302
    )
    finding.refresh_from_db()
    assert not finding.is_candidate


def test_open_vote_cannot_feed_the_choice(cast, cycle, client_for, cycle_url):
    finding = FindingFactory(cycle=cycle, is_candidate=True)
    vote = VoteFactory(cycle=cycle, candidates=[finding], status=VoteStatus.OPEN)
    response = client_for(cast.coordinator).post(
        cycle_url("priorities:choose"), {"vote": vote.pk, "findings": [finding.pk]}, follow=True
    )
    assert "une fois le vote fermé" in response.content.decode()
    assert not Priority.objects.exists()


def test_candidates_page_lists_findings_by_analysis(cast, cycle, client_for, cycle_url):
    FindingFactory(cycle=cycle, statement="Les services de répit sont peu connus.", origin="services")
    content = client_for(cast.observer).get(cycle_url("priorities:candidates")).content.decode()
    assert "Analyse de l&#x27;offre de services" in content and "Les services de répit sont peu connus." in content
    assert "disabled" in content  # an observer sees the list, not a form to change it


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_only_editors_mark_candidates(cast, cycle, client_for, cycle_url, role):
    finding = FindingFactory(cycle=cycle)
    assert (
        client_for(getattr(cast, role))
        .post(cycle_url("priorities:candidates"), {"candidates": [finding.pk]})
        .status_code
        == 403
    )
    finding.refresh_from_db()
    assert not finding.is_candidate


def test_finding_of_another_cycle_is_rejected(cast, cycle, client_for, cycle_url, with_fingerprint):
    mine = FindingFactory(cycle=cycle)
    elsewhere = FindingFactory(cycle=CycleFactory(partnership=cast.partnership))
    client = client_for(cast.coordinator)
    data = with_fingerprint(client, cycle_url("priorities:candidates"), {"candidates": [mine.pk, elsewhere.pk]})
    response = client.post(cycle_url("priorities:candidates"), data)
    assert response.status_code == 200
    assert "Ce constat n&#x27;appartient pas à ce cycle." in response.content.decode()
    assert not Finding.objects.filter(is_candidate=True).exists()


def test_group_chooses_from_a_closed_vote_in_the_given_order(cast, cycle, client_for, cycle_url):
    findings = [FindingFactory(cycle=cycle, is_candidate=True) for _ in range(3)]
    vote = VoteFactory(cycle=cycle, candidates=findings, status=VoteStatus.CLOSED)
    data = {
        "vote": vote.pk,
        "findings": [findings[0].pk, findings[2].pk],
        f"order_{findings[0].pk}": "2",
        f"order_{findings[2].pk}": "1",
        "note": "Choix fait à la rencontre 4.",
    }
    assert client_for(cast.committee).post(cycle_url("priorities:choose"), data).status_code == 302
    chosen = list(Priority.objects.filter(cycle=cycle))
    assert [(p.finding, p.position, p.vote) for p in chosen] == [(findings[2], 1, vote), (findings[0], 2, vote)]
    assert chosen[0].note == "Choix fait à la rencontre 4." and chosen[0].chosen_by == cast.committee
    # A later, direct choice is added after the existing priorities.
    client_for(cast.coordinator).post(cycle_url("priorities:choose"), {"findings": [findings[1].pk]})
    assert Priority.objects.get(finding=findings[1]).position == 3


def test_choice_from_vote_is_offered_on_its_page(cast, cycle, client_for, cycle_url):
    findings = [FindingFactory(cycle=cycle, is_candidate=True) for _ in range(2)]
    vote = VoteFactory(cycle=cycle, candidates=findings, status=VoteStatus.CLOSED)
    content = client_for(cast.committee).get(cycle_url("priorities:vote_detail", vote_pk=vote.pk)).content.decode()
    assert "Retenir des priorités à partir de ce résultat" in content
    assert (
        "Retenir des priorités"
        not in client_for(cast.partner).get(cycle_url("priorities:vote_detail", vote_pk=vote.pk)).content.decode()
    )


def test_empty_choice_is_explained(cast, cycle, client_for, cycle_url):
    finding = FindingFactory(cycle=cycle, is_candidate=True)
    response = client_for(cast.committee).post(cycle_url("priorities:choose"), {f"order_{finding.pk}": "3"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Cochez au moins un constat à retenir comme priorité." in content and 'value="3"' in content


def test_choice_rejects_findings_from_elsewhere(cast, cycle, client_for, cycle_url):
    elsewhere = FindingFactory(cycle=CycleFactory(partnership=cast.other_partnership))
    response = client_for(cast.coordinator).post(cycle_url("priorities:choose"), {"findings": [elsewhere.pk]})
    assert response.status_code == 200
    assert not Priority.objects.exists()


def test_vote_from_another_partnership_is_not_found(cast, cycle, client_for, cycle_url):
    theirs = VoteFactory(cycle=CycleFactory(partnership=cast.other_partnership), status=VoteStatus.CLOSED)
    assert client_for(cast.coordinator).post(cycle_url("priorities:choose"), {"vote": theirs.pk}).status_code == 404


def test_priority_removed_and_others_renumbered(cast, cycle, client_for, cycle_url):
    first, second, third = (PriorityFactory(cycle=cycle, position=n) for n in (1, 2, 3))
    assert (
        client_for(cast.coordinator).post(cycle_url("priorities:priority_remove", priority_pk=first.pk)).status_code
        == 302
    )
    assert [(p.pk, p.position) for p in Priority.objects.all()] == [(second.pk, 1), (third.pk, 2)]
    assert Finding.objects.filter(pk=first.finding_id).exists()


def test_removing_a_priority_says_which_objectives_lose_it_and_notes_it_in_their_history(
    cast, cycle, client_for, cycle_url
):
    priority = PriorityFactory(cycle=cycle)
    objective = ObjectiveFactory(cycle=cycle, title="Soutenir les parents")
    objective.priorities.add(priority)
    client = client_for(cast.coordinator)
    page = client.get(cycle_url("priorities:priority_remove", priority_pk=priority.pk)).content.decode()
    assert "Les fiches qui perdront ce lien" in page and "objectif « Soutenir les parents »" in page
    assert Priority.objects.filter(pk=priority.pk).exists()  # asking deletes nothing

    assert client.post(cycle_url("priorities:priority_remove", priority_pk=priority.pk)).status_code == 302
    assert not Priority.objects.filter(pk=priority.pk).exists()
    assert not objective.priorities.exists()
    latest = objective.history.order_by("-history_id").first()
    assert latest.history_change_reason.startswith("Supprimé : priorité « ")


# --- Selected factors --------------------------------------------------------------------------------------


def test_factors_are_selected_per_system_with_suggestions_first(cast, cycle, client_for, cycle_url, with_fingerprint):
    plain = FactorFactory(system=System.CHILD, name_fr="Habiletés motrices", position=1)
    linked = FactorFactory(system=System.CHILD, name_fr="Éveil à la lecture", position=2)
    family = FactorFactory(system=System.FAMILY, name_fr="Pratiques parentales")
    priority = PriorityFactory(cycle=cycle)
    priority.finding.factors.add(linked)
    client = client_for(cast.committee)
    page = client.get(cycle_url("priorities:factors"))
    child_rows = page.context["form"].groups[0].items
    assert child_rows[0].factor == linked and child_rows[0].suggested
    assert plain in [row.factor for row in child_rows[1:]] and not any(row.suggested for row in child_rows[1:])
    data = {f"factor_{linked.pk}": "on", f"rationale_{linked.pk}": "Au cœur des constats", f"factor_{family.pk}": "on"}
    assert (
        client.post(
            cycle_url("priorities:factors"), with_fingerprint(client, cycle_url("priorities:factors"), data)
        ).status_code
        == 302
    )
    assert {(s.factor, s.rationale) for s in SelectedFactor.objects.filter(cycle=cycle)} == {
        (linked, "Au cœur des constats"),
        (family, ""),
    }
    data = with_fingerprint(client, cycle_url("priorities:factors"), {f"factor_{family.pk}": "on"})
    assert client.post(cycle_url("priorities:factors"), data).status_code == 302
    assert list(SelectedFactor.objects.values_list("factor", flat=True)) == [family.pk]
    assert SelectedFactor.history.filter(history_type="-").count() == 1


def test_factor_targeted_by_an_objective_stays_selected(cast, cycle, client_for, cycle_url, with_fingerprint):
    selection = SelectedFactorFactory(cycle=cycle)
    ObjectiveFactory(cycle=cycle, title="Des parents confiants").factors.add(selection.factor)
    client = client_for(cast.coordinator)
    response = client.post(
        cycle_url("priorities:factors"), with_fingerprint(client, cycle_url("priorities:factors"), {})
    )
    assert response.status_code == 200
    assert "visé par l&#x27;objectif « Des parents confiants »" in response.content.decode()
    assert SelectedFactor.objects.filter(pk=selection.pk).exists()


def test_other_partnerships_local_factors_are_not_offered(cast, cycle, client_for, cycle_url, with_fingerprint):
    theirs = ProtectiveFactor.objects.create(
        system=System.COMMUNITY,
        code="local",
        name_fr="Facteur local d'ailleurs",
        partnership=cast.other_partnership,
    )
    client = client_for(cast.coordinator)
    assert "Facteur local d&#x27;ailleurs" not in client.get(cycle_url("priorities:factors")).content.decode()
    client.post(
        cycle_url("priorities:factors"),
        with_fingerprint(client, cycle_url("priorities:factors"), {f"factor_{theirs.pk}": "on"}),
    )
    assert not SelectedFactor.objects.exists()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_only_editors_select_factors(cast, cycle, client_for, cycle_url, role):
    factor = FactorFactory()
    client = client_for(getattr(cast, role))
    assert client.get(cycle_url("priorities:factors")).status_code == 200
    assert client.post(cycle_url("priorities:factors"), {f"factor_{factor.pk}": "on"}).status_code == 403
    assert not SelectedFactor.objects.exists()
