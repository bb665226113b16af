"""Two people saving the candidates or the selected factors at once: the later save is refused, never silent."""

import pytest

from analysis.models import Finding
from analysis.tests.factories import FindingFactory
from core.concurrency import SetChanged
from factors.tests.factories import FactorFactory
from priorities import services
from priorities.models import SelectedFactor
from priorities.tests.factories import SelectedFactorFactory

pytestmark = pytest.mark.django_db


def read_fingerprint(client, address: str) -> str:
    return client.get(address).context["form"].initial["fingerprint"]


def candidates(cycle) -> set[int]:
    return set(Finding.objects.filter(cycle=cycle, is_candidate=True).values_list("pk", flat=True))


def ticked(content: str, pk: int) -> bool:
    return f'value="{pk}" id="candidate-{pk}" checked' in content


# --- Candidates --------------------------------------------------------------------------------------------


def test_stale_candidates_save_is_refused_and_keeps_the_ticks(cast, cycle, client_for, cycle_url):
    unticked_by_a = FindingFactory(cycle=cycle, is_candidate=True, statement="Peu de haltes-garderies.")
    ticked_by_b = FindingFactory(cycle=cycle, statement="Les parents connaissent mal les services.")
    a, b = client_for(cast.coordinator), client_for(cast.committee)
    stale = read_fingerprint(b, cycle_url("priorities:candidates"))
    a_data = {"fingerprint": read_fingerprint(a, cycle_url("priorities:candidates"))}
    assert a.post(cycle_url("priorities:candidates"), a_data).status_code == 302

    # B's page still shows the first finding ticked: saving it as is would tick it again.
    response = b.post(
        cycle_url("priorities:candidates"), {"fingerprint": stale, "candidates": [unticked_by_a.pk, ticked_by_b.pk]}
    )
    content = response.content.decode()
    assert response.status_code == 409
    assert candidates(cycle) == set()
    assert "a enregistré les priorités candidates pendant que vous les modifiiez" in content
    assert ticked(content, unticked_by_a.pk) and ticked(content, ticked_by_b.pk)
    assert [(row.label, row.saved, row.yours) for row in response.context["set_conflict"].differences] == [
        (unticked_by_a.statement, "Non candidate", "Priorité candidate"),
        (ticked_by_b.statement, "Non candidate", "Priorité candidate"),
    ]

    fresh = response.context["form"].data["fingerprint"]
    assert fresh != stale and f'value="{fresh}"' in content
    again = b.post(
        cycle_url("priorities:candidates"), {"fingerprint": fresh, "candidates": [unticked_by_a.pk, ticked_by_b.pk]}
    )
    assert again.status_code == 302
    assert candidates(cycle) == {unticked_by_a.pk, ticked_by_b.pk}


def test_candidates_save_without_fingerprint_is_refused(cast, cycle, client_for, cycle_url):
    finding = FindingFactory(cycle=cycle)
    response = client_for(cast.coordinator).post(cycle_url("priorities:candidates"), {"candidates": [finding.pk]})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Le formulaire est incomplet : rechargez la page et recommencez." in content and ticked(content, finding.pk)
    assert candidates(cycle) == set()


def test_candidates_service_checks_under_its_lock(cycle):
    """The check is in the service, so a save that passed the form is still refused if the set changed."""
    finding = FindingFactory(cycle=cycle)
    stale = services.candidates_fingerprint([])
    services.candidates_update(cycle=cycle, candidates={finding.pk}, expected_fingerprint=stale)
    with pytest.raises(SetChanged) as refused:
        services.candidates_update(cycle=cycle, candidates=set(), expected_fingerprint=stale)
    assert refused.value.saved == {finding.pk}
    assert candidates(cycle) == {finding.pk}


# --- Selected factors --------------------------------------------------------------------------------------


def test_stale_factors_save_is_refused_and_keeps_the_choice(cast, cycle, client_for, cycle_url):
    kept = SelectedFactorFactory(cycle=cycle, factor=FactorFactory(name_fr="Pratiques parentales"))
    added_by_a = FactorFactory(name_fr="Éveil à la lecture")
    chosen_by_b = FactorFactory(name_fr="Habiletés sociales")
    a, b = client_for(cast.coordinator), client_for(cast.committee)
    stale = read_fingerprint(b, cycle_url("priorities:factors"))
    a_data = {
        "fingerprint": read_fingerprint(a, cycle_url("priorities:factors")),
        f"factor_{kept.factor.pk}": "on",
        f"factor_{added_by_a.pk}": "on",
        f"rationale_{added_by_a.pk}": "Au cœur des constats",
    }
    assert a.post(cycle_url("priorities:factors"), a_data).status_code == 302

    # B never saw A's factor: saving B's page as is would drop it without anyone noticing.
    b_data = {
        "fingerprint": stale,
        f"factor_{kept.factor.pk}": "on",
        f"factor_{chosen_by_b.pk}": "on",
        f"rationale_{chosen_by_b.pk}": "Demandé par les écoles",
    }
    response = b.post(cycle_url("priorities:factors"), b_data)
    content = response.content.decode()
    assert response.status_code == 409
    assert set(SelectedFactor.objects.values_list("factor", "rationale")) == {
        (kept.factor.pk, ""),
        (added_by_a.pk, "Au cœur des constats"),
    }
    assert "a enregistré les facteurs retenus pendant que" in content and "Demandé par les écoles" in content
    assert response.context["form"][f"factor_{chosen_by_b.pk}"].value()
    assert not response.context["form"][f"factor_{added_by_a.pk}"].value()
    assert {(row.label, row.saved, row.yours) for row in response.context["set_conflict"].differences} == {
        ("Éveil à la lecture", "Retenu : « Au cœur des constats »", "Non retenu"),
        ("Habiletés sociales", "Non retenu", "Retenu : « Demandé par les écoles »"),
    }

    again = b.post(
        cycle_url("priorities:factors"), {**b_data, "fingerprint": response.context["form"].data["fingerprint"]}
    )
    assert again.status_code == 302
    assert set(SelectedFactor.objects.values_list("factor", "rationale")) == {
        (kept.factor.pk, ""),
        (chosen_by_b.pk, "Demandé par les écoles"),
    }


def test_a_changed_rationale_is_a_change_of_the_selection(cast, cycle, client_for, cycle_url):
    selection = SelectedFactorFactory(cycle=cycle, rationale="Avant")
    client = client_for(cast.coordinator)
    stale = read_fingerprint(client, cycle_url("priorities:factors"))
    selection.rationale = "Précisé par quelqu'un d'autre"
    selection.save()
    data = {"fingerprint": stale, f"factor_{selection.factor.pk}": "on", f"rationale_{selection.factor.pk}": "Avant"}
    assert client.post(cycle_url("priorities:factors"), data).status_code == 409
    selection.refresh_from_db()
    assert selection.rationale == "Précisé par quelqu'un d'autre"


def test_factors_save_without_fingerprint_is_refused(cast, cycle, client_for, cycle_url):
    factor = FactorFactory()
    response = client_for(cast.coordinator).post(cycle_url("priorities:factors"), {f"factor_{factor.pk}": "on"})
    assert response.status_code == 200
    assert "Le formulaire est incomplet : rechargez la page et recommencez." in response.content.decode()
    assert not SelectedFactor.objects.exists()
