import pytest

from core.tests.support import url
from factors.tests.factories import FactorFactory
from offer.models import Service
from offer.tests.factories import ServiceFactory
from organizations.tests.factories import OrganizationFactory
from partnerships.tests.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


def service_data(cast, **overrides):
    data = {
        "organization": cast.organization.pk,
        "name": "Halte-garderie du Parc",
        "description": "Répit pour les parents.",
        "clientele_codes": ["age_0_1", "age_1_2", "parents"],
        "frequency": "weekly",
        "capacity": "12",
        "reached_per_year": "80",
        "cost": "contribution",
        "cost_detail": "2 $ par demi-journée",
        "schedule": "Mardis et jeudis",
        "languages": "français, espagnol",
        "transport_access": "on",
    }
    data.update(overrides)
    return data


def edit_data(service, **overrides):
    data = {
        "organization": service.organization_id,
        "name": service.name,
        "clientele_codes": service.clientele_codes,
        "cost": service.cost,
        "version": service.version,
        "territories": [t.pk for t in service.territories.all()],
        "factors": [f.pk for f in service.factors.all()],
    }
    data.update(overrides)
    return data


def test_partner_adds_a_service_to_its_own_organization(cast, client_for):
    territory = TerritoryFactory(partnership=cast.partnership, name="Vieux-Moulin")
    factor = FactorFactory()
    data = service_data(cast, territories=[territory.pk], factors=[factor.pk])
    response = client_for(cast.partner).post(url("offer:service_create", cast), data)
    service = Service.objects.get(name="Halte-garderie du Parc")
    assert response.status_code == 302
    assert service.organization == cast.organization
    assert service.clientele_codes == ["age_0_1", "age_1_2", "parents"]
    assert list(service.territories.all()) == [territory] and list(service.factors.all()) == [factor]
    assert service.transport_access and not service.adapted_hours
    record = service.history.get()
    assert record.history_type == "+" and record.history_user == cast.partner
    assert [t.territory_id for t in record.territories.all()] == [territory.pk]


def test_partner_only_offers_its_own_organization(cast, client_for):
    client = client_for(cast.partner)
    form = client.get(url("offer:service_create", cast)).context["form"]
    assert list(form.fields["organization"].queryset) == [cast.organization]
    response = client.post(
        url("offer:service_create", cast), service_data(cast, organization=cast.other_organization.pk)
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Service.objects.exists()


def test_committee_adds_a_service_to_any_organization(cast, client_for):
    data = service_data(cast, organization=cast.other_organization.pk)
    assert client_for(cast.committee).post(url("offer:service_create", cast), data).status_code == 302
    assert Service.objects.get().organization == cast.other_organization


def test_observer_is_refused_everywhere_but_reading(cast, client_for):
    service = ServiceFactory(organization=cast.organization)
    client = client_for(cast.observer)
    assert client.get(url("offer:home", cast)).status_code == 200
    assert client.get(url("offer:service_detail", cast, service_pk=service.pk)).status_code == 200
    assert client.get(url("offer:service_create", cast)).status_code == 403
    assert client.post(url("offer:service_create", cast), service_data(cast)).status_code == 403
    assert client.post(url("offer:service_edit", cast, service_pk=service.pk), edit_data(service)).status_code == 403
    assert client.post(url("offer:service_delete", cast, service_pk=service.pk)).status_code == 403
    assert Service.objects.count() == 1


def test_partner_edits_and_deletes_only_its_own_services(cast, client_for):
    own = ServiceFactory(organization=cast.organization)
    other = ServiceFactory(organization=cast.other_organization)
    client = client_for(cast.partner)
    assert client.get(url("offer:service_edit", cast, service_pk=other.pk)).status_code == 403
    assert (
        client.post(url("offer:service_edit", cast, service_pk=other.pk), edit_data(other, name="X")).status_code == 403
    )
    assert client.post(url("offer:service_delete", cast, service_pk=other.pk)).status_code == 403
    response = client.post(url("offer:service_edit", cast, service_pk=own.pk), edit_data(own, name="Nouveau nom"))
    assert response.status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.name == "Nouveau nom" and other.name != "X"
    assert client.post(url("offer:service_delete", cast, service_pk=own.pk)).status_code == 302
    assert list(Service.objects.all()) == [other]


def test_forged_records_of_another_partnership_are_rejected(cast, client_for):
    theirs_territory = TerritoryFactory(partnership=cast.other_partnership)
    theirs_factor = FactorFactory(partnership=cast.other_partnership)
    theirs_organization = OrganizationFactory(partnership=cast.other_partnership)
    client = client_for(cast.coordinator)
    forged = {
        "territories": [theirs_territory.pk],
        "factors": [theirs_factor.pk],
        "partner_organizations": [theirs_organization.pk],
        "organization": theirs_organization.pk,
    }
    for name, value in forged.items():
        response = client.post(url("offer:service_create", cast), service_data(cast, **{name: value}))
        assert response.status_code == 200, name
        assert response.context["form"].errors.get(name), name
    assert not Service.objects.exists()


def test_local_and_reference_factors_are_accepted(cast, client_for):
    factors = [FactorFactory().pk, FactorFactory(partnership=cast.partnership).pk]
    response = client_for(cast.coordinator).post(url("offer:service_create", cast), service_data(cast, factors=factors))
    assert response.status_code == 302
    assert sorted(Service.objects.get().factors.values_list("pk", flat=True)) == sorted(factors)


def test_bad_input_is_explained_and_kept(cast, client_for):
    data = service_data(
        cast, clientele_codes=[], capacity="beaucoup", partner_organizations=[cast.organization.pk], schedule="Lundis"
    )
    response = client_for(cast.coordinator).post(url("offer:service_create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Cochez au moins une clientèle." in content
    assert "ne peut pas être aussi son partenaire" in content
    assert "Saisissez un nombre entier." in content
    assert "Halte-garderie du Parc" in content and "Lundis" in content
    assert not Service.objects.exists()


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    service = ServiceFactory(organization=cast.organization, name="Ateliers")
    first, second = client_for(cast.coordinator), client_for(cast.partner)
    edit = url("offer:service_edit", cast, service_pk=service.pk)
    assert first.post(edit, edit_data(service, description="Version A")).status_code == 302
    response = second.post(edit, edit_data(service, description="Version B"))
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content
    assert 'name="version" value="2"' in content
    service.refresh_from_db()
    assert service.description == "Version A"
    assert second.post(edit, edit_data(service, description="Version B")).status_code == 302
    service.refresh_from_db()
    assert service.description == "Version B" and service.version == 3


def test_conflict_leaves_links_untouched(cast, client_for):
    territory = TerritoryFactory(partnership=cast.partnership)
    service = ServiceFactory(organization=cast.organization)
    stale = edit_data(service, territories=[territory.pk])
    client = client_for(cast.coordinator)
    client.post(url("offer:service_edit", cast, service_pk=service.pk), edit_data(service, name="Autre"))
    assert client.post(url("offer:service_edit", cast, service_pk=service.pk), stale).status_code == 409
    assert not service.territories.exists()


def test_history_shows_fields_and_links(cast, client_for):
    territory = TerritoryFactory(partnership=cast.partnership, name="Quartier de la Gare")
    client = client_for(cast.coordinator)
    client.post(url("offer:service_create", cast), service_data(cast))
    service = Service.objects.get()
    data = edit_data(service, territories=[territory.pk], clientele_codes=["pregnancy"])
    assert client.post(url("offer:service_edit", cast, service_pk=service.pk), data).status_code == 302
    assert service.history.count() == 2
    content = client_for(cast.observer).get(url("offer:service_history", cast, service_pk=service.pk)).content.decode()
    assert "Coordination" in content
    assert "territoires desservis" in content and "Quartier de la Gare (Quartier)" in content
    assert "clientèle : grossesse" in content


def test_detail_shows_the_findings_citing_the_service(cast, client_for):
    from analysis.models import Finding
    from cycles.tests.factories import CycleFactory

    service = ServiceFactory(organization=cast.organization, name="Ateliers parents-enfants")
    finding = Finding.objects.create(
        cycle=CycleFactory(partnership=cast.partnership),
        statement="Peu d'ateliers le soir pour les parents qui travaillent.",
        nature="concern",
        origin="services",
    )
    finding.services.add(service)
    content = client_for(cast.observer).get(url("offer:service_detail", cast, service_pk=service.pk)).content.decode()
    assert "ateliers le soir pour les parents qui travaillent" in content


def test_delete_keeps_the_history(cast, client_for):
    service = ServiceFactory(organization=cast.organization)
    response = client_for(cast.coordinator).post(url("offer:service_delete", cast, service_pk=service.pk))
    assert response.status_code == 302
    assert not Service.objects.exists()
    assert Service.history.filter(id=service.pk, history_type="-").exists()


def test_a_service_and_its_links_are_one_history_entry_per_save(cast, client_for):
    territory = TerritoryFactory(partnership=cast.partnership)
    factor = FactorFactory()
    data = service_data(
        cast, territories=[territory.pk], factors=[factor.pk], partner_organizations=[cast.other_organization.pk]
    )
    client = client_for(cast.coordinator)
    client.post(url("offer:service_create", cast), data)
    service = Service.objects.get()
    assert service.history.count() == 1
    assert (
        client.post(url("offer:service_edit", cast, service_pk=service.pk), edit_data(service, factors=[])).status_code
        == 302
    )
    assert service.history.count() == 2


def test_a_services_partners_never_offer_the_organization_itself(cast, client_for):
    def partners(client, address):
        return set(client.get(address).context["form"].fields["partner_organizations"].queryset)

    # The partner's organization is settled: it is not offered as its own partner.
    assert partners(client_for(cast.partner), url("offer:service_create", cast)) == {cast.other_organization}
    # Nor when the coordinator opens the form for one organization, or edits its service.
    coordinator = client_for(cast.coordinator)
    opened = url("offer:service_create", cast) + f"?organization={cast.other_organization.pk}"
    assert cast.other_organization not in partners(coordinator, opened)
    service = ServiceFactory(organization=cast.organization)
    assert cast.organization not in partners(coordinator, url("offer:service_edit", cast, service_pk=service.pk))
    # Choosing another organization in the form, then ticking it as partner too, is refused in words.
    data = service_data(
        cast, organization=cast.other_organization.pk, partner_organizations=[cast.other_organization.pk]
    )
    response = coordinator.post(url("offer:service_create", cast), data)
    assert "ne peut pas être aussi son partenaire" in response.content.decode()
    # A forged value in the address is ignored.
    assert coordinator.get(url("offer:service_create", cast) + "?organization=abc").status_code == 200
