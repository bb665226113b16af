import pytest

from core.tests.support import url
from organizations.models import Organization, Sector
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def valid_data(**overrides):
    data = {
        "name": "Bibliothèque Marc-Favreau",
        "sector": Sector.LIBRARY,
        "postal_code": "h2s1a1",
        "website": "biblio.test",
    }
    data.update(overrides)
    return data


def test_every_member_sees_the_list(cast, client_for):
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        response = client_for(user).get(url("organizations:list", cast))
        assert response.status_code == 200
        assert "Maison de la famille du Parc" in response.content.decode()


def test_list_search_and_sector_filter(cast, client_for):
    OrganizationFactory(partnership=cast.partnership, name="École Saint-Ambroise", sector=Sector.SCHOOL)
    client = client_for(cast.observer)
    content = client.get(url("organizations:list", cast), {"q": "ambroise"}).content.decode()
    assert "École Saint-Ambroise" in content and "CPE Les Lucioles" not in content
    content = client.get(url("organizations:list", cast), {"sector": Sector.SCHOOL}).content.decode()
    assert "École Saint-Ambroise" in content and "Maison de la famille du Parc" not in content


def test_list_answers_htmx_with_the_table_only(cast, client_for):
    response = client_for(cast.observer).get(url("organizations:list", cast), {"q": "Lucioles"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "<html" not in content and "CPE Les Lucioles" in content


def test_coordinator_adds_an_organization(cast, client_for):
    response = client_for(cast.coordinator).post(url("organizations:create", cast), valid_data())
    organization = Organization.objects.get(partnership=cast.partnership, name="Bibliothèque Marc-Favreau")
    assert response.status_code == 302
    assert organization.postal_code == "H2S 1A1"
    assert organization.website == "https://biblio.test"
    assert organization.history.get().history_user == cast.coordinator


def test_bad_input_is_explained_and_kept(cast, client_for):
    data = valid_data(name="CPE Les Lucioles", postal_code="12345", mission="Texte à garder")
    response = client_for(cast.coordinator).post(url("organizations:create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Un organisme de ce nom fait déjà partie du regroupement." in content
    assert "Entrez un code postal canadien" in content
    assert "Texte à garder" in content
    assert Organization.objects.filter(partnership=cast.partnership).count() == 2


def test_errors_are_in_english_for_english_users(cast, client_for):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    response = client.post(url("organizations:create", cast), valid_data(postal_code="nope"))
    assert "Enter a Canadian postal code" in response.content.decode()


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_adds_or_removes(cast, client_for, role):
    client = client_for(getattr(cast, role))
    assert client.post(url("organizations:create", cast), valid_data()).status_code == 403
    assert client.post(url("organizations:delete", cast, organization_pk=cast.other_organization.pk)).status_code == 403
    assert Organization.objects.filter(partnership=cast.partnership).count() == 2


def test_partner_edits_own_organization_only(cast, client_for):
    client = client_for(cast.partner)
    own = cast.organization
    response = client.post(
        url("organizations:edit", cast, organization_pk=own.pk),
        valid_data(name=own.name, sector=own.sector, mission="Nouvelle mission", version=own.version),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.mission == "Nouvelle mission"
    other = cast.other_organization
    data = valid_data(name=other.name, sector=other.sector, version=other.version)
    assert client.post(url("organizations:edit", cast, organization_pk=other.pk), data).status_code == 403


def test_observer_cannot_edit(cast, client_for):
    org = cast.organization
    response = client_for(cast.observer).post(
        url("organizations:edit", cast, organization_pk=org.pk), valid_data(version=1)
    )
    assert response.status_code == 403


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    org = cast.organization
    first, second = client_for(cast.coordinator), client_for(cast.partner)
    base = {"name": org.name, "sector": org.sector, "version": org.version}
    assert (
        first.post(
            url("organizations:edit", cast, organization_pk=org.pk), {**base, "mission": "Version A"}
        ).status_code
        == 302
    )
    response = second.post(url("organizations:edit", cast, organization_pk=org.pk), {**base, "mission": "Version B"})
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content
    assert 'name="version" value="2"' in content
    org.refresh_from_db()
    assert org.mission == "Version A"
    resubmit = second.post(
        url("organizations:edit", cast, organization_pk=org.pk), {**base, "version": 2, "mission": "Version B"}
    )
    assert resubmit.status_code == 302
    org.refresh_from_db()
    assert org.mission == "Version B" and org.version == 3


def test_history_shows_who_changed_what(cast, client_for):
    org = cast.organization
    client_for(cast.coordinator).post(
        url("organizations:edit", cast, organization_pk=org.pk),
        {"name": org.name, "sector": Sector.CHILDCARE, "version": 1},
    )
    content = client_for(cast.observer).get(url("organizations:history", cast, organization_pk=org.pk)).content.decode()
    assert "Coordination" in content
    assert "Service de garde / CPE" in content and "Organisme communautaire Famille" in content


def test_organization_with_commitments_is_protected(cast, client_for):
    from cycles.tests.factories import CycleFactory
    from intention.models import Commitment

    cycle = CycleFactory(partnership=cast.partnership)
    Commitment.objects.create(
        cycle=cycle, organization=cast.organization, committed_on="2026-01-15", representative_name="A", statement="B"
    )
    response = client_for(cast.coordinator).post(
        url("organizations:delete", cast, organization_pk=cast.organization.pk), follow=True
    )
    assert "ne peut pas être supprimé" in response.content.decode()
    assert Organization.objects.filter(pk=cast.organization.pk).exists()


def test_coordinator_removes_an_organization(cast, client_for):
    response = client_for(cast.coordinator).post(
        url("organizations:delete", cast, organization_pk=cast.other_organization.pk)
    )
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=cast.other_organization.pk).exists()


def test_list_query_count_does_not_grow(cast, client_for, assert_flat_queries):
    assert_flat_queries(
        client_for(cast.observer),
        url("organizations:list", cast),
        grow=lambda: OrganizationFactory.create_batch(40, partnership=cast.partnership),
    )


def test_removal_says_what_goes_with_the_organization(cast, client_for):
    from coverage.models import FactorIntervention, Intensity
    from factors.models import ProtectiveFactor
    from offer.models import Service

    Service.objects.create(organization=cast.organization, name="Halte-garderie")
    Service.objects.create(organization=cast.organization, name="Café-rencontre")
    factor = ProtectiveFactor.objects.filter(partnership__isnull=True).first()
    FactorIntervention.objects.create(organization=cast.organization, factor=factor, intensity=Intensity.REGULAR)

    content = (
        client_for(cast.coordinator)
        .get(url("organizations:delete", cast, organization_pk=cast.organization.pk))
        .content
    )
    assert "<li>2 services</li>" in content.decode() and "<li>1 intervention sur un facteur</li>" in content.decode()


def test_names_are_sorted_without_regard_to_case_or_accents(cast, client_for):
    for name in ("Centre de pédiatrie sociale", "École des Explorateurs", "CPE Arc-en-ciel", "Entraide familiale"):
        OrganizationFactory(partnership=cast.partnership, name=name)
    names = [
        organization.name
        for organization in client_for(cast.observer).get(url("organizations:list", cast)).context["organizations"]
    ]
    assert names == [
        "Centre de pédiatrie sociale",
        "CPE Arc-en-ciel",
        "CPE Les Lucioles",
        "École des Explorateurs",
        "Entraide familiale",
        "Maison de la famille du Parc",
    ]
