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


def memberships(cast, user):
    from partnerships.models import Membership

    return Membership.objects.get(partnership=cast.partnership, user=user)


def next_steps_of(client, cast):
    return client.get(url("partnerships:home", cast)).context["next_steps"]


def in_progress(cycle, number):
    cycle.steps.filter(number__lt=number).update(status=StepStatus.COMPLETED)
    cycle.steps.filter(number=number).update(status=StepStatus.IN_PROGRESS)


def test_a_partner_first_sees_their_organizations_checklist(cast, client_for):
    from coverage.tests.factories import InterventionFactory
    from factors.tests.factories import FactorFactory
    from offer.tests.factories import ServiceFactory

    cycle = CycleFactory(partnership=cast.partnership)
    client = client_for(cast.partner)
    content = client.get(url("partnerships:home", cast)).content.decode()
    assert content.index("À faire maintenant") < content.index("Notre intention commune")
    assert "Pour Maison de la famille du Parc" in content and "(0 sur 3 fait)" in content
    assert "Décrire les services de votre organisme (Outil 6)" in content
    assert f"/offre/nouveau/?organization={cast.organization.pk}" in content
    assert f"/facteurs/intervention/{cast.organization.pk}/" in content
    assert "Inscrire l&#x27;engagement de votre organisme dans le cycle" in content
    # Each item done turns into a mark, and the count follows.
    ServiceFactory(organization=cast.organization)
    InterventionFactory(organization=cast.organization, factor=FactorFactory())
    commit(cycle, cast.organization)
    steps = next_steps_of(client, cast)
    assert [todo.done for todo in steps.organization] == [True, True, True]
    content = client.get(url("partnerships:home", cast)).content.decode()
    assert "(3 sur 3 fait)" in content and "1 service décrit" in content
    assert not steps.coordination  # a partner does not run the step


def test_a_member_is_asked_for_their_ballot_and_their_answers(cast, client_for):
    from analysis.tests.factories import FindingFactory
    from diagnostic.tests.factories import RoundFactory
    from priorities.models import Ballot, VoteStatus
    from priorities.tests.factories import VoteFactory

    cycle = CycleFactory(partnership=cast.partnership)
    vote = VoteFactory(cycle=cycle, title="Nos priorités 2025", status=VoteStatus.OPEN)
    VoteFactory(cycle=cycle, title="Brouillon", status=VoteStatus.DRAFT)
    partner = memberships(cast, cast.partner)
    RoundFactory(partnership=cast.partnership, title="Diagnostic 2026", invitees=[partner])
    RoundFactory(partnership=cast.partnership, title="Pas pour vous", invitees=[memberships(cast, cast.committee)])
    client = client_for(cast.partner)
    labels = [todo.label for todo in next_steps_of(client, cast).personal]
    assert labels == [
        "Voter : Nos priorités 2025 (Outil 8)",
        "Répondre au questionnaire « Diagnostic 2026 » (Outil 13)",
    ]
    Ballot.objects.create(vote=vote, member=partner, finding=FindingFactory(cycle=cycle), points=3)
    assert [t.label for t in next_steps_of(client, cast).personal] == [labels[1]]
    # An observer neither votes nor answers, and is told nothing is asked of them.
    observer = client_for(cast.observer)
    assert not next_steps_of(observer, cast).personal
    assert "rien ne vous est demandé" in observer.get(url("partnerships:home", cast)).content.decode()


def test_the_coordination_sees_what_remains_open_in_the_current_step(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    client = client_for(cast.coordinator)
    step_one = next_steps_of(client, cast)
    assert step_one.step == 1
    assert [t.label for t in step_one.coordination] == [
        "2 organismes n'ont pas encore d'engagement pour ce cycle",
        "Adopter les règles de fonctionnement",
    ]
    in_progress(cycle, 2)
    step_two = next_steps_of(client, cast)
    labels = [t.label for t in step_two.coordination]
    assert step_two.step == 2 and "Adopter les règles de fonctionnement" not in labels
    assert "2 organismes n'ont encore décrit aucun service (Outil 6)" in labels
    assert "2 rangées sur 2 restent à remplir (Outil 7)" in labels
    assert "Tirer les premiers constats des analyses (Outil 5)" in labels
    assert "Le groupe n'a encore retenu aucune priorité." in labels
    content = client.get(url("partnerships:home", cast)).content.decode()
    assert "Ce qui reste à faire à l'étape 2" in content
    # The committee runs the step too; an observer is shown none of it.
    assert next_steps_of(client_for(cast.committee), cast).coordination
    assert not next_steps_of(client_for(cast.observer), cast).coordination


def test_the_dashboards_next_steps_keep_a_fixed_number_of_queries(cast, client_for, assert_flat_queries):
    from offer.tests.factories import ServiceFactory
    from priorities.models import VoteStatus
    from priorities.tests.factories import VoteFactory

    cycle = CycleFactory(partnership=cast.partnership)
    in_progress(cycle, 2)

    def grow():
        for organization in OrganizationFactory.create_batch(5, partnership=cast.partnership):
            ServiceFactory.create_batch(2, organization=organization)
            commit(cycle, organization)
        VoteFactory.create_batch(3, cycle=cycle, status=VoteStatus.OPEN)

    for user in (cast.coordinator, cast.partner):
        assert_flat_queries(client_for(user), url("partnerships:home", cast), grow=grow)


# The dashboard of a cycle at step 2: the session, the person and the privacy notice (3), the person's memberships
# with the partnership (1), the counts (1), the current cycle (1) and its steps (1), each app's next steps
# (intention, analysis, offer, coverage: one query each; priorities: coordination's gaps, read from the
# candidates, the selected factors, the priorities and the objectives with what they link, and the open votes;
# the diagnostic's rounds; a partner's actions and reports), the upcoming meetings (1).
DASHBOARD_QUERIES = {"coordinator": 21, "partner": 16}


@pytest.mark.parametrize("role", DASHBOARD_QUERIES)
def test_the_dashboard_keeps_its_pinned_number_of_queries(cast, client_for, assert_flat_queries, role):
    from analysis.tests.factories import FindingFactory, StatisticFactory
    from coverage.tests.factories import InterventionFactory
    from offer.tests.factories import ServiceFactory
    from priorities.models import VoteStatus
    from priorities.tests.factories import ObjectiveFactory, PriorityFactory, VoteFactory

    cycle = CycleFactory(partnership=cast.partnership)
    in_progress(cycle, 2)
    PriorityFactory(cycle=cycle)
    ObjectiveFactory(cycle=cycle)

    def grow():
        for organization in OrganizationFactory.create_batch(6, partnership=cast.partnership):
            ServiceFactory.create_batch(2, organization=organization)
            InterventionFactory(organization=organization)
            commit(cycle, organization)
            MembershipFactory(partnership=cast.partnership, role=Role.PARTNER, organization=organization)
        StatisticFactory.create_batch(4, partnership=cast.partnership)
        FindingFactory.create_batch(5, cycle=cycle, is_candidate=True)
        PriorityFactory.create_batch(3, cycle=cycle)
        ObjectiveFactory.create_batch(3, cycle=cycle)
        VoteFactory.create_batch(3, cycle=cycle, status=VoteStatus.OPEN)
        CycleFactory.create_batch(2, partnership=cast.partnership, starts_on="2019-04-01", ends_on="2022-03-31")

    client = client_for(getattr(cast, role))
    assert assert_flat_queries(client, url("partnerships:home", cast), grow=grow) == DASHBOARD_QUERIES[role]
