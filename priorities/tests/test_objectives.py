import pytest

from cycles.tests.factories import CycleFactory
from factors.tests.factories import FactorFactory
from priorities.models import Objective
from priorities.tests.factories import ObjectiveFactory, PriorityFactory, SelectedFactorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chosen(cycle):
    """A priority and a selected factor of the cycle, and a factor of the catalogue that is not selected."""
    priority = PriorityFactory(cycle=cycle)
    selected = SelectedFactorFactory(cycle=cycle, factor=FactorFactory(name_fr="Pratiques parentales")).factor
    return priority, selected, FactorFactory(name_fr="Cohésion sociale")


def data(**overrides):
    values = {"title": "Des parents qui lisent avec leurs enfants", "description": "", "position": ""}
    values.update(overrides)
    return values


def test_committee_adds_an_objective(cast, cycle, chosen, client_for, cycle_url):
    priority, selected, _other = chosen
    existing = ObjectiveFactory(cycle=cycle, position=4)
    response = client_for(cast.committee).post(
        cycle_url("priorities:objective_create"), data(priorities=[priority.pk], factors=[selected.pk])
    )
    assert response.status_code == 302
    objective = Objective.objects.exclude(pk=existing.pk).get()
    assert objective.position == 5
    assert list(objective.priorities.all()) == [priority] and list(objective.factors.all()) == [selected]
    content = client_for(cast.observer).get(cycle_url("priorities:objectives")).content.decode()
    assert "Des parents qui lisent avec leurs enfants" in content and "Pratiques parentales" in content


def test_factor_not_selected_is_rejected(cast, chosen, client_for, cycle_url):
    _priority, selected, other = chosen
    response = client_for(cast.coordinator).post(
        cycle_url("priorities:objective_create"), data(factors=[selected.pk, other.pk])
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "« Cohésion sociale » n&#x27;est pas un facteur retenu pour ce cycle" in content
    assert "Des parents qui lisent avec leurs enfants" in content
    assert not Objective.objects.exists()


def test_priority_of_another_cycle_is_rejected(cast, chosen, client_for, cycle_url):
    elsewhere = PriorityFactory(cycle=CycleFactory(partnership=cast.partnership))
    response = client_for(cast.coordinator).post(
        cycle_url("priorities:objective_create"), data(priorities=[elsewhere.pk])
    )
    assert response.status_code == 200
    assert "Cette priorité n&#x27;appartient pas à ce cycle." in response.content.decode()
    assert not Objective.objects.exists()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_only_editors_change_objectives(cast, cycle, client_for, cycle_url, role):
    objective = ObjectiveFactory(cycle=cycle)
    client = client_for(getattr(cast, role))
    assert client.get(cycle_url("priorities:objectives")).status_code == 200
    assert client.post(cycle_url("priorities:objective_create"), data()).status_code == 403
    assert (
        client.post(cycle_url("priorities:objective_edit", objective_pk=objective.pk), data(version=1)).status_code
        == 403
    )
    assert client.post(cycle_url("priorities:objective_delete", objective_pk=objective.pk)).status_code == 403
    assert Objective.objects.count() == 1


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, cycle, chosen, client_for, cycle_url):
    objective = ObjectiveFactory(cycle=cycle, title="Titre de départ")
    edit = cycle_url("priorities:objective_edit", objective_pk=objective.pk)
    first, second = client_for(cast.coordinator), client_for(cast.committee)
    assert first.post(edit, data(title="Version A", version=1)).status_code == 302
    response = second.post(edit, data(title="Version B", version=1))
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content and 'name="version" value="2"' in content
    objective.refresh_from_db()
    assert objective.title == "Version A"
    assert second.post(edit, data(title="Version B", version=2)).status_code == 302
    objective.refresh_from_db()
    assert objective.title == "Version B" and objective.version == 3


def test_history_shows_who_changed_what(cast, cycle, chosen, client_for, cycle_url):
    priority, selected, _other = chosen
    objective = ObjectiveFactory(cycle=cycle, title="Ancien titre")
    client_for(cast.committee).post(
        cycle_url("priorities:objective_edit", objective_pk=objective.pk),
        data(title="Nouveau titre", version=1, priorities=[priority.pk], factors=[selected.pk]),
    )
    content = (
        client_for(cast.observer)
        .get(cycle_url("priorities:objective_history", objective_pk=objective.pk))
        .content.decode()
    )
    assert "Ancien titre" in content and "Nouveau titre" in content and "Comite" in content
    latest = objective.history.first()
    assert [link.protectivefactor for link in latest.factors.all()] == [selected]


def test_objective_is_deleted(cast, cycle, client_for, cycle_url):
    objective = ObjectiveFactory(cycle=cycle)
    assert (
        client_for(cast.coordinator)
        .post(cycle_url("priorities:objective_delete", objective_pk=objective.pk))
        .status_code
        == 302
    )
    assert not Objective.objects.exists()
    assert Objective.history.filter(id=objective.pk, history_type="-").exists()


def test_objective_of_another_cycle_is_not_found(cast, cycle, client_for, cycle_url):
    elsewhere = ObjectiveFactory(cycle=CycleFactory(partnership=cast.partnership))
    client = client_for(cast.coordinator)
    assert client.get(cycle_url("priorities:objective_edit", objective_pk=elsewhere.pk)).status_code == 404
    assert client.post(cycle_url("priorities:objective_delete", objective_pk=elsewhere.pk)).status_code == 404


def test_an_objective_and_its_links_are_one_history_entry_per_save(cast, cycle, chosen, client_for, cycle_url):
    priority, selected, _other = chosen
    client = client_for(cast.committee)
    client.post(cycle_url("priorities:objective_create"), data(priorities=[priority.pk], factors=[selected.pk]))
    objective = Objective.objects.get()
    assert objective.history.count() == 1
    edit = cycle_url("priorities:objective_edit", objective_pk=objective.pk)
    assert (
        client.post(edit, data(title="Autre titre", version=1, priorities=[], factors=[selected.pk])).status_code == 302
    )
    assert objective.history.count() == 2


def test_a_factor_none_of_the_objective_s_priorities_names_is_pointed_out(cast, cycle, chosen, client_for, cycle_url):
    priority, selected, _other = chosen
    named = FactorFactory(name_fr="Habiletés de communication")
    SelectedFactorFactory(cycle=cycle, factor=named)
    priority.finding.factors.add(named)
    objective = ObjectiveFactory(cycle=cycle, title="Des parents qui lisent")
    objective.priorities.add(priority)
    objective.factors.add(named)
    client = client_for(cast.observer)
    assert "qu&#x27;aucune de ses priorités ne nomme" not in client.get(cycle_url("priorities:home")).content.decode()

    objective.factors.add(selected)  # Pratiques parentales: the priority's finding does not name it

    home = client.get(cycle_url("priorities:home")).content.decode()
    assert "L&#x27;objectif « Des parents qui lisent » vise « Pratiques parentales », qu&#x27;aucune" in home
    listing = client.get(cycle_url("priorities:objectives")).content.decode()
    assert "Aucune des priorités de cet objectif ne nomme le facteur Pratiques parentales." in listing
