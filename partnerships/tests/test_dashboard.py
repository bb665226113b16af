import pytest

from core.tests.support import query_count, url
from cycles.models import StepStatus
from cycles.tests.factories import CycleFactory
from intention.models import Commitment
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def commit(cycle, organization):
    Commitment.objects.create(
        cycle=cycle, organization=organization, committed_on="2025-05-01", representative_name="A", statement="B"
    )


def test_every_member_sees_the_dashboard(cast, client_for):
    cast.partnership.description = "Concertation petite enfance du quartier."
    cast.partnership.intention_statement = "Que chaque enfant arrive à l'école prêt à apprendre."
    cast.partnership.save()
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("partnerships:home", cast)).content.decode()
        assert "Regroupement Petite-Patrie" in content
        assert "06 — Montréal" in content
        assert "Concertation petite enfance du quartier." in content
        assert "Que chaque enfant arrive à l&#x27;école prêt à apprendre." in content


def test_dashboard_shows_the_latest_cycle_with_its_steps(cast, client_for):
    CycleFactory(partnership=cast.partnership, name="Ancien cycle", starts_on="2019-04-01", ends_on="2022-03-31")
    cycle = CycleFactory(partnership=cast.partnership, name="Plan 2025-2028")
    cycle.steps.filter(number=1).update(status=StepStatus.COMPLETED)
    cycle.steps.filter(number=2).update(status=StepStatus.IN_PROGRESS)
    content = client_for(cast.observer).get(url("partnerships:home", cast)).content.decode()
    assert "Plan 2025-2028" in content and "Ancien cycle" not in content
    assert f"/p/petite-patrie/cycles/{cycle.pk}/" in content
    assert "Étape 1 — Intention" in content and "Étape 5 — Évaluation et apprentissage" in content
    assert content.count("Terminée") == 1 and content.count("En cours") == 1
    assert content.count("Non commencée") == 3


def test_dashboard_counts_organizations_members_and_commitments(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    commit(cycle, cast.organization)
    old = CycleFactory(partnership=cast.partnership, starts_on="2019-04-01", ends_on="2022-03-31")
    commit(old, cast.other_organization)  # a commitment to an earlier cycle does not count
    content = " ".join(client_for(cast.partner).get(url("partnerships:home", cast)).content.decode().split())
    assert '<dt>Organismes partenaires</dt> <dd><a href="/p/petite-patrie/organismes/">2</a></dd>' in content
    assert '<dt>Membres</dt> <dd><a href="/p/petite-patrie/membres/">4</a></dd>' in content
    assert "1 sur 2" in content


def test_without_cycle_the_coordinator_is_offered_to_start_one(cast, client_for):
    create_url = f"/p/{cast.partnership.slug}/cycles/nouveau/"
    coordinator = client_for(cast.coordinator).get(url("partnerships:home", cast)).content.decode()
    assert "pas encore commencé de cycle" in coordinator and create_url in coordinator
    committee = client_for(cast.committee).get(url("partnerships:home", cast)).content.decode()
    assert "pas encore commencé de cycle" in committee and create_url not in committee


def test_dashboard_query_count_does_not_grow(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    client = client_for(cast.partner)
    small = query_count(client, url("partnerships:home", cast))
    for organization in OrganizationFactory.create_batch(30, partnership=cast.partnership):
        commit(cycle, organization)
        MembershipFactory(partnership=cast.partnership, role=Role.PARTNER, organization=organization)
    CycleFactory.create_batch(3, partnership=cast.partnership, starts_on="2019-04-01", ends_on="2022-03-31")
    assert query_count(client, url("partnerships:home", cast)) == small
    assert "30 sur 32" in client.get(url("partnerships:home", cast)).content.decode()
