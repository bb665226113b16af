"""The "Historique" pages of a vote, a chosen priority and the selected factors: what changed, who, when."""

import pytest

from analysis.tests.factories import FindingFactory
from cycles.tests.factories import CycleFactory
from factors.tests.factories import FactorFactory
from priorities.models import Priority, SelectedFactor, VoteStatus
from priorities.tests.factories import SelectedFactorFactory, VoteFactory

pytestmark = pytest.mark.django_db


def test_vote_history_shows_status_changes_and_who_but_no_ballot(cast, cycle, client_for, cycle_url):
    cast.partner.full_name = "Zoé Votante"
    cast.partner.save()
    findings = [FindingFactory(cycle=cycle, is_candidate=True) for _ in range(2)]
    vote = VoteFactory(cycle=cycle, candidates=findings, is_anonymous=True, title="Vote de mai")
    coordination = client_for(cast.coordinator)
    coordination.post(cycle_url("priorities:vote_open", vote_pk=vote.pk))
    ballot = {f"finding_{findings[0].pk}": "7", f"finding_{findings[1].pk}": "3"}
    assert client_for(cast.partner).post(cycle_url("priorities:ballot", vote_pk=vote.pk), ballot).status_code == 302
    coordination.post(cycle_url("priorities:vote_close", vote_pk=vote.pk))
    vote.refresh_from_db()
    assert vote.status == VoteStatus.CLOSED

    detail = client_for(cast.observer).get(cycle_url("priorities:vote_detail", vote_pk=vote.pk)).content.decode()
    assert cycle_url("priorities:vote_history", vote_pk=vote.pk) in detail
    response = client_for(cast.observer).get(cycle_url("priorities:vote_history", vote_pk=vote.pk))
    content = response.content.decode()
    assert response.status_code == 200 and "Vote de mai" in content
    statuses = [
        (change.old, change.new, entry.who)
        for entry in response.context["entries"]
        for change in entry.changes
        if change.label == "statut"
    ]
    assert statuses == [
        ("Ouvert", "Fermé", "Coordination"),
        ("En préparation", "Ouvert", "Coordination"),
        ("—", "En préparation", "système"),  # created outside a request, by a script
    ]
    assert "Zoé Votante" not in content  # ballots are personal: the vote's history never names a voter


def test_priority_history_shows_rank_change_and_who(cast, cycle, client_for, cycle_url):
    first, second = (FindingFactory(cycle=cycle, is_candidate=True) for _ in range(2))
    data = {"findings": [first.pk, second.pk], f"order_{first.pk}": "1", f"order_{second.pk}": "2"}
    assert client_for(cast.committee).post(cycle_url("priorities:choose"), data).status_code == 302
    removed, kept = Priority.objects.get(finding=first), Priority.objects.get(finding=second)
    home = client_for(cast.observer).get(cycle_url("priorities:home")).content.decode()
    assert cycle_url("priorities:priority_history", priority_pk=kept.pk) in home
    assert f'<span class="visually-hidden"> — 2. {second.statement[:80]}</span>' in home

    assert (
        client_for(cast.coordinator).post(cycle_url("priorities:priority_remove", priority_pk=removed.pk)).status_code
        == 302
    )
    response = client_for(cast.observer).get(cycle_url("priorities:priority_history", priority_pk=kept.pk))
    entries = response.context["entries"]
    assert [(entry.who, entry.kind) for entry in entries] == [("Coordination", "Modification"), ("Comite", "Création")]
    assert [(c.label, c.old, c.new) for c in entries[0].changes] == [("rang", "2", "1")]
    assert "Coordination" in response.content.decode() and "Comite" in response.content.decode()
    # A removed priority is gone with its address.
    assert (
        client_for(cast.observer).get(cycle_url("priorities:priority_history", priority_pk=removed.pk)).status_code
        == 404
    )


def test_factors_history_lists_additions_removals_and_rationale_changes(
    cast, cycle, client_for, cycle_url, with_fingerprint
):
    kept, dropped = FactorFactory(name_fr="Éveil à la lecture"), FactorFactory(name_fr="Pratiques parentales")
    SelectedFactorFactory(cycle=CycleFactory(partnership=cast.partnership), factor=dropped, rationale="Autre cycle")
    committee, coordination = client_for(cast.committee), client_for(cast.coordinator)
    first = {f"factor_{kept.pk}": "on", f"rationale_{kept.pk}": "Première raison", f"factor_{dropped.pk}": "on"}
    assert (
        committee.post(
            cycle_url("priorities:factors"), with_fingerprint(committee, cycle_url("priorities:factors"), first)
        ).status_code
        == 302
    )
    second = {f"factor_{kept.pk}": "on", f"rationale_{kept.pk}": "Raison revue"}
    assert (
        coordination.post(
            cycle_url("priorities:factors"), with_fingerprint(coordination, cycle_url("priorities:factors"), second)
        ).status_code
        == 302
    )

    assert (
        cycle_url("priorities:factors_history")
        in client_for(cast.observer).get(cycle_url("priorities:factors")).content.decode()
    )
    response = client_for(cast.observer).get(cycle_url("priorities:factors_history"))
    rows = [
        (
            entry.kind,
            entry.subject,
            [(c.label, c.old, c.new) for c in entry.changes if c.label == "justification"],
            entry.who,
        )
        for entry in response.context["entries"]
    ]
    assert (
        rows[:2]
        == [  # newest first: the coordinator's save, then the committee's
            ("Retrait", dropped.name, [], "Coordination"),
            ("Modification", kept.name, [("justification", "Première raison", "Raison revue")], "Coordination"),
        ]
        or rows[:2]
        == [
            ("Modification", kept.name, [("justification", "Première raison", "Raison revue")], "Coordination"),
            ("Retrait", dropped.name, [], "Coordination"),
        ]
    )
    assert sorted(rows[2:]) == sorted(
        [
            ("Ajout", kept.name, [("justification", "—", "Première raison")], "Comite"),
            ("Ajout", dropped.name, [], "Comite"),
        ]
    )
    content = response.content.decode()
    assert "Raison revue" in content and "Retrait" in content and "Pratiques parentales" in content
    assert "Autre cycle" not in content  # only this cycle's selection


def test_factors_history_query_count_does_not_grow(cast, cycle, client_for, cycle_url, assert_flat_queries):
    client = client_for(cast.observer)

    def grow(size: int) -> None:
        for _ in range(size):
            selection = SelectedFactorFactory(cycle=cycle, rationale="Avant")
            selection.rationale = "Après"
            selection.save()
        SelectedFactorFactory(cycle=cycle).delete()
        # Outside a request nobody is recorded: name someone so that reading the person is counted too.
        SelectedFactor.history.filter(cycle=cycle).update(history_user=cast.committee)

    grow(2)
    assert "Comite" in client.get(cycle_url("priorities:factors_history")).content.decode()
    assert_flat_queries(client, cycle_url("priorities:factors_history"), grow=lambda: grow(8))


def test_factors_history_keeps_a_selection_whose_factor_was_deleted(cast, cycle, client_for, cycle_url):
    selection = SelectedFactorFactory(cycle=cycle, rationale="Facteur local abandonné")
    selection.factor.delete()  # the selection goes with it (cascade), its history stays
    response = client_for(cast.observer).get(cycle_url("priorities:factors_history"))
    assert [(entry.kind, entry.subject) for entry in response.context["entries"]] == [
        ("Retrait", "élément supprimé"),
        ("Ajout", "élément supprimé"),
    ]
    assert [(c.old, c.new) for c in response.context["entries"][1].changes if c.label == "justification"] == [
        ("—", "Facteur local abandonné")
    ]
    assert "élément supprimé" in response.content.decode()
