import re

import pytest

from analysis.models import Finding, FindingNature, FindingOrigin
from analysis.tests.factories import FindingFactory, ObservationFactory, StatisticFactory
from core.tests.support import query_count, url
from coverage.models import FactorIntervention, Intensity
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from factors.tests.factories import LocalFactorFactory
from offer.tests.factories import ServiceFactory
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading():
    return ProtectiveFactor.objects.get(code="habiletes-communication", partnership=None)


def ticked(content: str, name: str, value) -> bool:
    return re.search(rf'<input[^>]*name="{name}" value="{value}"[^>]*checked', content) is not None


def valid_data(**overrides):
    data = {
        "statement": "Les enfants de la Gare arrivent à la maternelle avec moins d'éveil à la lecture.",
        "nature": FindingNature.CONCERN,
        "origin": FindingOrigin.DATA,
        "systems": ["enfant"],
    }
    data.update(overrides)
    return data


@pytest.fixture
def evidence(cast, reading):
    return {
        "statistics": StatisticFactory(partnership=cast.partnership, domain="Habiletés de communication"),
        "observations": ObservationFactory(partnership=cast.partnership, text="Peu de livres à la maison."),
        "services": ServiceFactory(organization=cast.organization, name="Heure du conte"),
        "interventions": FactorIntervention.objects.create(
            organization=cast.other_organization, factor=reading, intensity=Intensity.REGULAR
        ),
    }


def test_committee_draws_a_finding_with_its_evidence(cast, client_for, cycle, reading, evidence):
    data = valid_data(factors=[reading.pk], **{name: [obj.pk] for name, obj in evidence.items()})
    response = client_for(cast.committee).post(url("analysis:finding_create", cast, cycle_pk=cycle.pk), data)
    finding = Finding.objects.get(cycle=cycle)
    assert response.status_code == 302
    assert finding.created_by == cast.committee and finding.systems == "enfant"
    assert list(finding.factors.all()) == [reading]
    for name, obj in evidence.items():
        assert list(getattr(finding, name).all()) == [obj]
    content = (
        client_for(cast.observer)
        .get(url("analysis:finding_detail", cast, cycle_pk=cycle.pk, finding_pk=finding.pk))
        .content.decode()
    )
    assert "Peu de livres à la maison." in content and "Heure du conte" in content
    assert "Habiletés de communication" in content and "Régulière" in content
    assert url("analysis:statistic_detail", cast, statistic_pk=evidence["statistics"].pk) in content
    assert url("analysis:observation_detail", cast, observation_pk=evidence["observations"].pk) in content


@pytest.mark.parametrize("field", ["statistics", "observations", "services", "interventions", "factors"])
def test_evidence_from_another_partnership_is_refused(cast, client_for, cycle, reading, field):
    other = cast.other_partnership
    foreign_organization = OrganizationFactory(partnership=other)
    foreign = {
        "statistics": lambda: StatisticFactory(partnership=other),
        "observations": lambda: ObservationFactory(partnership=other),
        "services": lambda: ServiceFactory(organization=foreign_organization),
        "interventions": lambda: FactorIntervention.objects.create(organization=foreign_organization, factor=reading),
        "factors": lambda: LocalFactorFactory(partnership=other),
    }[field]()
    response = client_for(cast.coordinator).post(
        url("analysis:finding_create", cast, cycle_pk=cycle.pk), valid_data(**{field: [foreign.pk]})
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Finding.objects.exists()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_partners_and_observers_only_read(cast, client_for, cycle, role):
    client = client_for(getattr(cast, role))
    finding = FindingFactory(cycle=cycle)
    assert client.get(url("analysis:finding_create", cast, cycle_pk=cycle.pk)).status_code == 403
    assert client.post(url("analysis:finding_create", cast, cycle_pk=cycle.pk), valid_data()).status_code == 403
    edit = url("analysis:finding_edit", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)
    assert client.post(edit, valid_data(version=1)).status_code == 403
    assert (
        client.post(url("analysis:finding_delete", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)).status_code == 403
    )
    assert client.get(url("analysis:finding_detail", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)).status_code == 200
    assert Finding.objects.count() == 1


def test_other_tools_prefill_the_origin_and_factor(cast, client_for, cycle, reading, evidence):
    params = {"origin": "factors", "factor": reading.pk, "intervention": evidence["interventions"].pk}
    content = (
        client_for(cast.coordinator)
        .get(url("analysis:finding_create", cast, cycle_pk=cycle.pk), params)
        .content.decode()
    )
    assert ticked(content, "origin", "factors")
    assert ticked(content, "factors", reading.pk) and ticked(content, "systems", reading.system)
    assert ticked(content, "interventions", evidence["interventions"].pk)
    assert content.count("checked") == 4  # origin, factor, its system, the intervention


def test_prefill_ignores_what_the_form_does_not_offer(cast, client_for, cycle):
    foreign = LocalFactorFactory(partnership=cast.other_partnership)
    response = client_for(cast.coordinator).get(
        url("analysis:finding_create", cast, cycle_pk=cycle.pk),
        {"origin": "nope", "factor": foreign.pk, "statistic": "x"},
    )
    assert response.status_code == 200 and "checked" not in response.content.decode()


def test_bad_input_is_explained_and_kept(cast, client_for, cycle):
    response = client_for(cast.coordinator).post(
        url("analysis:finding_create", cast, cycle_pk=cycle.pk), valid_data(nature="")
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in content and "moins d&#x27;éveil à la lecture" in content


def test_a_finding_is_reached_only_through_its_own_cycle(cast, client_for, cycle):
    finding = FindingFactory(cycle=cycle)
    other_cycle = CycleFactory(partnership=cast.partnership, name="Autre cycle")
    address = url("analysis:finding_detail", cast, cycle_pk=other_cycle.pk, finding_pk=finding.pk)
    assert client_for(cast.coordinator).get(address).status_code == 404


def test_list_filters_by_origin_nature_and_system(cast, client_for, cycle):
    FindingFactory(cycle=cycle, statement="Constat A", origin="services", nature="strength", systems="famille")
    FindingFactory(cycle=cycle, statement="Constat B", origin="data", nature="concern", systems="enfant,communaute")
    FindingFactory(cycle=CycleFactory(partnership=cast.partnership), statement="Constat d'un autre cycle")
    client = client_for(cast.observer)

    def rows(**filters):
        return client.get(
            url("analysis:findings", cast, cycle_pk=cycle.pk), filters, HTTP_HX_REQUEST="true"
        ).content.decode()

    assert "Constat A" in rows() and "Constat B" in rows() and "autre cycle" not in rows()
    assert "Constat B" not in rows(origin="services")
    assert "Constat A" not in rows(nature="concern")
    content = rows(system="communaute")
    assert "Constat B" in content and "Constat A" not in content


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for, cycle):
    finding = FindingFactory(cycle=cycle)
    edit = url("analysis:finding_edit", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)
    first, second = client_for(cast.coordinator), client_for(cast.committee)
    assert first.post(edit, valid_data(version=1, statement="Version A")).status_code == 302
    response = second.post(edit, valid_data(version=1, statement="Version B"))
    assert response.status_code == 409
    assert "Version A" in response.content.decode() and "Version B" in response.content.decode()
    finding.refresh_from_db()
    assert finding.statement == "Version A"


def test_edit_keeps_links_and_history_shows_their_changes(cast, client_for, cycle, reading, evidence):
    client = client_for(cast.coordinator)
    client.post(
        url("analysis:finding_create", cast, cycle_pk=cycle.pk), valid_data(statistics=[evidence["statistics"].pk])
    )
    finding = Finding.objects.get()
    edit = url("analysis:finding_edit", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)
    data = valid_data(version=1, factors=[reading.pk], observations=[evidence["observations"].pk])
    assert client.post(edit, data).status_code == 302
    assert list(finding.statistics.all()) == [] and list(finding.observations.all()) == [evidence["observations"]]
    content = client_for(cast.observer).get(
        url("analysis:finding_history", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)
    )
    content = content.content.decode()
    assert "Habiletés de communication orale et écrite" in content  # factor added
    assert "Peu de livres à la maison." in content  # observation added
    assert str(evidence["statistics"]) in content  # statistic removed
    assert "Coordination" in content


def test_one_edit_is_one_history_entry(cast, client_for, cycle, reading, evidence):
    finding = FindingFactory(cycle=cycle)
    data = valid_data(version=1, factors=[reading.pk], **{name: [obj.pk] for name, obj in evidence.items()})
    client_for(cast.coordinator).post(
        url("analysis:finding_edit", cast, cycle_pk=cycle.pk, finding_pk=finding.pk), data
    )
    assert finding.history.count() == 2


def test_coordinator_deletes_a_finding(cast, client_for, cycle):
    finding = FindingFactory(cycle=cycle)
    response = client_for(cast.coordinator).post(
        url("analysis:finding_delete", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)
    )
    assert response.status_code == 302
    assert not Finding.objects.exists()


def test_a_finding_chosen_as_priority_cannot_be_deleted(cast, client_for, cycle):
    from priorities.models import Priority

    finding = FindingFactory(cycle=cycle)
    Priority.objects.create(cycle=cycle, finding=finding, position=1)
    response = client_for(cast.coordinator).post(
        url("analysis:finding_delete", cast, cycle_pk=cycle.pk, finding_pk=finding.pk)
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert "ne peut pas être supprimée pour l'instant" in content and "priorité « 1." in content
    assert Finding.objects.filter(pk=finding.pk).exists()


def test_home_groups_findings_by_origin_and_nature(cast, client_for, cycle):
    FindingFactory(cycle=cycle, statement="Force des services", origin="services", nature="strength")
    FindingFactory(cycle=cycle, statement="Souci de couverture", origin="factors", nature="concern")
    StatisticFactory.create_batch(3, partnership=cast.partnership)
    content = client_for(cast.observer).get(url("analysis:home", cast, cycle_pk=cycle.pk)).content.decode()
    assert "Outil 5 — Nos observations, nos constats" in content
    assert "Force des services" in content and "Souci de couverture" in content
    assert "<strong>3</strong>" in content
    groups = content.split("Constats par analyse", 1)[1]
    services = groups.index("Analyse de l&#x27;offre de services")
    factors = groups.index("Analyse de l&#x27;intervention sur les facteurs")
    assert services < groups.index("Force des services") < factors < groups.index("Souci de couverture")


def test_list_query_count_does_not_grow(cast, client_for, cycle, reading, evidence):
    client = client_for(cast.observer)

    def finding_with_everything():
        finding = FindingFactory(cycle=cycle)
        finding.factors.add(reading)
        for name, obj in evidence.items():
            getattr(finding, name).add(obj)

    finding_with_everything()
    small = query_count(client, url("analysis:findings", cast, cycle_pk=cycle.pk))
    small_home = query_count(client, url("analysis:home", cast, cycle_pk=cycle.pk))
    for _ in range(30):
        finding_with_everything()
    assert query_count(client, url("analysis:findings", cast, cycle_pk=cycle.pk)) == small
    assert query_count(client, url("analysis:home", cast, cycle_pk=cycle.pk)) == small_home


def test_systems_left_unticked_come_from_the_factors(cast, client_for, cycle, reading):
    parenting = ProtectiveFactor.objects.get(code="pratiques-parentales", partnership=None)
    data = valid_data(systems=[], factors=[reading.pk, parenting.pk])
    assert (
        client_for(cast.coordinator).post(url("analysis:finding_create", cast, cycle_pk=cycle.pk), data).status_code
        == 302
    )
    assert Finding.objects.get().systems == "enfant,famille"


def test_a_finding_and_all_its_evidence_are_one_history_entry_when_created(cast, client_for, cycle, reading, evidence):
    data = valid_data(factors=[reading.pk], **{name: [obj.pk] for name, obj in evidence.items()})
    assert (
        client_for(cast.committee).post(url("analysis:finding_create", cast, cycle_pk=cycle.pk), data).status_code
        == 302
    )
    assert Finding.objects.get().history.count() == 1
