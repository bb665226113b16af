import datetime

import pytest

from analysis.models import Observation, ObservationSource
from analysis.tests.factories import FindingFactory, ObservationFactory
from core.tests.support import query_count, url
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from factors.tests.factories import LocalFactorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parenting():
    return ProtectiveFactor.objects.get(code="pratiques-parentales", partnership=None)


def valid_data(**overrides):
    data = {
        "text": "Les parents disent manquer de lieux pour jouer avec leurs tout-petits l'hiver.",
        "source_kind": ObservationSource.PARENTS,
        "source_detail": "Café-rencontre, 14 parents",
        "observed_on": "2025-03-12",
        "systems": ["famille", "communaute"],
    }
    data.update(overrides)
    return data


def test_committee_adds_an_observation_with_systems_and_factors(cast, client_for, parenting):
    response = client_for(cast.committee).post(
        url("analysis:observation_create", cast), valid_data(factors=[parenting.pk])
    )
    observation = Observation.objects.get(partnership=cast.partnership)
    assert response.status_code == 302
    assert observation.systems == "famille,communaute"
    assert list(observation.factors.all()) == [parenting]
    assert observation.observed_on == datetime.date(2025, 3, 12)


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_partners_and_observers_only_read(cast, client_for, role):
    client = client_for(getattr(cast, role))
    observation = ObservationFactory(partnership=cast.partnership)
    assert client.post(url("analysis:observation_create", cast), valid_data()).status_code == 403
    edit = url("analysis:observation_edit", cast, observation_pk=observation.pk)
    assert client.post(edit, valid_data(version=1)).status_code == 403
    assert client.post(url("analysis:observation_delete", cast, observation_pk=observation.pk)).status_code == 403
    assert client.get(url("analysis:observation_detail", cast, observation_pk=observation.pk)).status_code == 200
    assert Observation.objects.count() == 1


def test_an_organization_source_names_the_organization(cast, client_for):
    data = valid_data(source_kind=ObservationSource.ORGANIZATION, text="Texte à garder")
    response = client_for(cast.coordinator).post(url("analysis:observation_create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez l&#x27;organisme qui apporte cette observation." in content
    assert "Texte à garder" in content
    data["organization"] = cast.organization.pk
    assert client_for(cast.coordinator).post(url("analysis:observation_create", cast), data).status_code == 302


def test_another_partnerships_organization_or_local_factor_is_refused(cast, client_for):
    from organizations.tests.factories import OrganizationFactory

    foreign_organization = OrganizationFactory(partnership=cast.other_partnership)
    foreign_factor = LocalFactorFactory(partnership=cast.other_partnership)
    data = valid_data(organization=foreign_organization.pk, factors=[foreign_factor.pk])
    response = client_for(cast.coordinator).post(url("analysis:observation_create", cast), data)
    assert response.status_code == 200
    assert response.content.decode().count("Sélectionnez un choix valide") == 2
    assert not Observation.objects.exists()


def test_a_date_in_the_future_is_refused(cast, client_for):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    response = client_for(cast.coordinator).post(
        url("analysis:observation_create", cast), valid_data(observed_on=tomorrow)
    )
    assert "La date ne peut pas être dans le futur." in response.content.decode()


def test_list_filters_by_source_system_and_factor(cast, client_for, parenting):
    tagged = ObservationFactory(
        partnership=cast.partnership,
        text="Observation A",
        source_kind=ObservationSource.PRACTITIONERS,
        systems="enfant",
    )
    tagged.factors.add(parenting)
    ObservationFactory(partnership=cast.partnership, text="Observation B", systems="famille,communaute")
    ObservationFactory(partnership=cast.other_partnership, text="Observation d'ailleurs")
    client = client_for(cast.observer)

    def rows(**filters):
        return client.get(url("analysis:observations", cast), filters, HTTP_HX_REQUEST="true").content.decode()

    assert "Observation A" in rows() and "Observation B" in rows() and "ailleurs" not in rows()
    content = rows(source_kind="practitioners")
    assert "Observation A" in content and "Observation B" not in content
    content = rows(system="communaute")
    assert "Observation B" in content and "Observation A" not in content
    content = rows(factor=parenting.pk)
    assert "Observation A" in content and "Observation B" not in content


def test_detail_shows_the_findings_citing_it(cast, client_for):
    observation = ObservationFactory(partnership=cast.partnership)
    finding = FindingFactory(cycle=CycleFactory(partnership=cast.partnership), statement="Peu de lieux de jeu.")
    finding.observations.add(observation)
    address = url("analysis:observation_detail", cast, observation_pk=observation.pk)
    content = client_for(cast.observer).get(address).content.decode()
    assert "Peu de lieux de jeu." in content


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    observation = ObservationFactory(partnership=cast.partnership)
    edit = url("analysis:observation_edit", cast, observation_pk=observation.pk)
    first, second = client_for(cast.coordinator), client_for(cast.committee)
    assert first.post(edit, valid_data(version=1, text="Version A")).status_code == 302
    response = second.post(edit, valid_data(version=1, text="Version B"))
    assert response.status_code == 409
    assert "Version A" in response.content.decode() and "Version B" in response.content.decode()
    observation.refresh_from_db()
    assert observation.text == "Version A"


def test_history_shows_factor_and_system_changes_as_one_entry(cast, client_for, parenting):
    client = client_for(cast.coordinator)
    client.post(url("analysis:observation_create", cast), valid_data())
    observation = Observation.objects.get()
    edit = url("analysis:observation_edit", cast, observation_pk=observation.pk)
    client.post(edit, valid_data(version=1, systems=["enfant"], factors=[parenting.pk]))
    assert observation.history.count() == 2
    content = client_for(cast.observer).get(url("analysis:observation_history", cast, observation_pk=observation.pk))
    content = content.content.decode()
    assert "Pratiques parentales" in content
    assert "Famille, Communauté" in content and "<td>Enfant</td>" in content


def test_coordinator_deletes_an_observation(cast, client_for):
    observation = ObservationFactory(partnership=cast.partnership)
    response = client_for(cast.coordinator).post(
        url("analysis:observation_delete", cast, observation_pk=observation.pk)
    )
    assert response.status_code == 302
    assert not Observation.objects.exists()


def test_list_query_count_does_not_grow(cast, client_for, parenting):
    client = client_for(cast.observer)
    cycle = CycleFactory(partnership=cast.partnership)
    ObservationFactory(partnership=cast.partnership, organization=cast.organization).factors.add(parenting)
    small = query_count(client, url("analysis:observations", cast))
    for observation in ObservationFactory.create_batch(
        40, partnership=cast.partnership, organization=cast.organization
    ):
        observation.factors.add(parenting)
        FindingFactory(cycle=cycle).observations.add(observation)
    assert query_count(client, url("analysis:observations", cast)) == small


def test_an_observation_and_its_factors_are_one_history_entry_per_save(cast, client_for, parenting):
    client = client_for(cast.committee)
    client.post(url("analysis:observation_create", cast), valid_data(factors=[parenting.pk]))
    observation = Observation.objects.get()
    assert observation.history.count() == 1
    edit = url("analysis:observation_edit", cast, observation_pk=observation.pk)
    assert client.post(edit, valid_data(version=1, factors=[])).status_code == 302
    assert observation.history.count() == 2
