import datetime
import re

import pytest
from django.urls import reverse

from core.tests.support import query_count, url
from cycles.models import Cycle, Step, StepStatus
from cycles.tests.factories import CycleFactory

pytestmark = pytest.mark.django_db


def test_coordinator_creates_a_cycle_with_its_five_steps(cast, client_for):
    data = {"name": "  Plan   2026-2029 ", "starts_on": "2026-04-01", "ends_on": "2029-03-31"}
    response = client_for(cast.coordinator).post(url("cycles:create", cast), data)
    cycle = Cycle.objects.get(partnership=cast.partnership)
    assert response.status_code == 302
    assert response["Location"] == url("cycles:detail", cast, cycle_pk=cycle.pk)
    assert cycle.name == "Plan 2026-2029"
    assert list(cycle.steps.values_list("number", "status")) == [(n, StepStatus.NOT_STARTED) for n in range(1, 6)]
    assert cycle.history.get().history_user == cast.coordinator


@pytest.mark.parametrize(
    "dates",
    [{"starts_on": "2026-04-01", "ends_on": "2026-04-01"}, {"starts_on": "2026-04-01", "ends_on": "2025-04-01"}],
)
def test_end_before_start_is_explained_and_kept(cast, client_for, dates):
    response = client_for(cast.coordinator).post(url("cycles:create", cast), {"name": "Nom à garder", **dates})
    content = response.content.decode()
    assert response.status_code == 200
    assert "La date de fin doit être après la date de début." in content
    assert "Nom à garder" in content
    assert not Cycle.objects.exists() and not Step.objects.exists()


def test_unreadable_date_is_explained(cast, client_for):
    data = {"name": "Plan", "starts_on": "31/31/2026", "ends_on": ""}
    response = client_for(cast.coordinator).post(url("cycles:create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une date valide." in content and "Ce champ est obligatoire." in content
    assert not Cycle.objects.exists()


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_manages_cycles(cast, client_for, role):
    cycle = CycleFactory(partnership=cast.partnership)
    client = client_for(getattr(cast, role))
    data = {"name": "X", "starts_on": "2026-04-01", "ends_on": "2029-03-31", "version": cycle.version}
    assert client.post(url("cycles:create", cast), data).status_code == 403
    assert client.post(url("cycles:edit", cast, cycle_pk=cycle.pk), data).status_code == 403
    status_url = url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=1)
    assert client.post(status_url, {"status": StepStatus.IN_PROGRESS, "version": 1}).status_code == 403
    assert Cycle.objects.count() == 1
    assert cycle.steps.get(number=1).status == StepStatus.NOT_STARTED


def test_every_member_sees_the_list_newest_first_with_progress(cast, client_for):
    old = CycleFactory(partnership=cast.partnership, name="Ancien cycle", starts_on=datetime.date(2021, 4, 1))
    old.steps.update(status=StepStatus.COMPLETED)
    current = CycleFactory(partnership=cast.partnership, name="Cycle actuel", starts_on=datetime.date(2025, 4, 1))
    current.steps.filter(number__in=[1, 2]).update(status=StepStatus.COMPLETED)
    CycleFactory(partnership=cast.other_partnership, name="Cycle d'ailleurs")
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("cycles:list", cast)).content.decode()
        assert content.index("Cycle actuel") < content.index("Ancien cycle")
        assert "5 étapes terminées sur 5" in content and "2 étapes terminées sur 5" in content
        assert "Cycle d&#x27;ailleurs" not in content and "Cycle d'ailleurs" not in content


def test_detail_draws_the_circle_and_lists_the_steps(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    cycle.steps.filter(number=1).update(status=StepStatus.COMPLETED)
    cycle.steps.filter(number=2).update(status=StepStatus.IN_PROGRESS)
    content = client_for(cast.observer).get(url("cycles:detail", cast, cycle_pk=cycle.pk)).content.decode()
    assert 'role="img"' in content and '<title id="cycle-circle-title">' in content
    assert content.count('class="cycle-segment') == 5
    assert "Étape 1, Intention : Terminée." in content
    assert "Étape 2, État de situation et analyse : En cours." in content
    assert "1 étape terminée sur 5" in content
    assert '<ol class="cycle-steps">' in content
    for number in range(1, 6):
        assert f'id="etape-{number}"' in content and f"{reverse('cycles:guide')}#etape-{number}" in content
    # Coordinates are never localized ("215,3" in French would break the drawing).
    paths = re.findall(r'<path d="([^"]+)"', content)
    assert len(paths) == 5 and "." in paths[0] and not any("," in path for path in paths)
    assert not re.search(r' [xy]="[^"]*,', content)
    # Observers read: no status form.
    assert "Enregistrer le statut" not in content


def test_detail_shows_only_tools_that_exist_with_their_kwargs(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    content = client_for(cast.coordinator).get(url("cycles:detail", cast, cycle_pk=cycle.pk)).content.decode()
    assert "Outil 1 — Synthèse de la démarche" in content
    step_page = reverse("intention:step", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})
    assert f'href="{step_page}"' in content
    plan = reverse("plan:home", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})
    assert f'href="{plan}"' in content
    followup = reverse("followup:reports", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})
    assert f'href="{followup}"' in content
    evaluation = reverse("evaluation:dashboard", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})
    assert f'href="{evaluation}"' in content


def test_coordinator_moves_a_step_forward(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    response = client_for(cast.coordinator).post(
        url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=2),
        {"status": StepStatus.IN_PROGRESS, "version": 1},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#etape-2")
    step = cycle.steps.get(number=2)
    assert step.status == StepStatus.IN_PROGRESS and step.status_changed_at is not None and step.version == 2


def test_reopening_a_completed_step_requires_a_reason(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    client = client_for(cast.coordinator)
    status_url = url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=1)
    assert client.post(status_url, {"status": StepStatus.COMPLETED, "version": 1}).status_code == 302
    response = client.post(status_url, {"status": StepStatus.IN_PROGRESS, "reason": "  ", "version": 2})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Indiquez pourquoi vous rouvrez cette étape terminée." in content
    assert cycle.steps.get(number=1).status == StepStatus.COMPLETED
    reason = "Deux nouveaux organismes se joignent au regroupement."
    response = client.post(status_url, {"status": StepStatus.IN_PROGRESS, "reason": reason, "version": 2})
    assert response.status_code == 302
    step = cycle.steps.get(number=1)
    assert step.status == StepStatus.IN_PROGRESS
    assert step.history.first().history_change_reason == reason
    history = client_for(cast.observer).get(url("cycles:step_history", cast, cycle_pk=cycle.pk, step_number=1))
    content = history.content.decode()
    assert reason in content and "Terminée" in content and "En cours" in content


def test_status_change_answers_htmx_with_the_region(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    response = client_for(cast.coordinator).post(
        url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=1),
        {"status": StepStatus.COMPLETED, "version": 1},
        HTTP_HX_REQUEST="true",
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and 'id="cycle-steps"' in content
    assert "1 étape terminée sur 5" in content and "est maintenant « Terminée »" in content


def test_status_conflict_keeps_the_choice_and_shows_the_current_status(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    status_url = url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=3)
    client = client_for(cast.coordinator)
    assert client.post(status_url, {"status": StepStatus.IN_PROGRESS, "version": 1}).status_code == 302
    response = client.post(status_url, {"status": StepStatus.COMPLETED, "reason": "Mon motif", "version": 1})
    content = response.content.decode()
    assert response.status_code == 409
    assert "elle est maintenant « En cours »" in content and "Mon motif" in content
    step = cycle.steps.get(number=3)
    assert step.status == StepStatus.IN_PROGRESS
    assert f'name="version" value="{step.version}"' in content


def test_unchanged_status_saves_nothing(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    client_for(cast.coordinator).post(
        url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=1),
        {"status": StepStatus.NOT_STARTED, "version": 1},
    )
    assert cycle.steps.get(number=1).version == 1


def test_step_outside_the_five_is_not_found(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    response = client_for(cast.coordinator).get(url("cycles:step_history", cast, cycle_pk=cycle.pk, step_number=6))
    assert response.status_code == 404


def test_concurrent_cycle_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    base = {"starts_on": "2025-04-01", "ends_on": "2028-03-31", "version": 1}
    first, second = client_for(cast.coordinator), client_for(cast.coordinator)
    assert first.post(url("cycles:edit", cast, cycle_pk=cycle.pk), {**base, "name": "Version A"}).status_code == 302
    response = second.post(url("cycles:edit", cast, cycle_pk=cycle.pk), {**base, "name": "Version B"})
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content and 'name="version" value="2"' in content
    cycle.refresh_from_db()
    assert cycle.name == "Version A"


def test_cycle_history_shows_who_changed_what(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    data = {"name": "Plan renommé", "starts_on": "2025-04-01", "ends_on": "2028-03-31", "version": 1}
    client_for(cast.coordinator).post(url("cycles:edit", cast, cycle_pk=cycle.pk), data)
    content = client_for(cast.partner).get(url("cycles:history", cast, cycle_pk=cycle.pk)).content.decode()
    assert "Plan renommé" in content and "Plan d&#x27;action 2025-2028" in content and "Coordination" in content


def test_list_query_count_does_not_grow(cast, client_for):
    client = client_for(cast.observer)
    CycleFactory(partnership=cast.partnership)
    small = query_count(client, url("cycles:list", cast))
    CycleFactory.create_batch(8, partnership=cast.partnership)
    assert query_count(client, url("cycles:list", cast)) == small


def test_detail_query_count_does_not_grow(cast, client_for):
    client = client_for(cast.coordinator)
    cycle = CycleFactory(partnership=cast.partnership)
    small = query_count(client, url("cycles:detail", cast, cycle_pk=cycle.pk))
    CycleFactory.create_batch(5, partnership=cast.partnership)
    for number in (1, 2, 3):
        status_url = url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=number)
        assert client.post(status_url, {"status": StepStatus.COMPLETED, "version": 1}, follow=True).status_code == 200
    assert query_count(client, url("cycles:detail", cast, cycle_pk=cycle.pk)) == small


def test_status_conflict_under_htmx_is_shown_in_the_region(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    status_url = url("cycles:step_status", cast, cycle_pk=cycle.pk, step_number=4)
    client = client_for(cast.coordinator)
    client.post(status_url, {"status": StepStatus.IN_PROGRESS, "version": 1})
    response = client.post(status_url, {"status": StepStatus.COMPLETED, "version": 1}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200 and "<html" not in content
    assert "elle est maintenant « En cours »" in content
    assert cycle.steps.get(number=4).status == StepStatus.IN_PROGRESS


def test_the_cycle_page_says_each_tool_s_progress_in_words(cast, client_for, assert_flat_queries):
    from analysis.tests.factories import FindingFactory, StatisticFactory
    from coverage.tests.factories import InterventionFactory
    from offer.tests.factories import ServiceFactory

    cycle = CycleFactory(partnership=cast.partnership)
    ServiceFactory.create_batch(3, organization=cast.organization)
    InterventionFactory(organization=cast.organization)
    StatisticFactory(partnership=cast.partnership)
    FindingFactory.create_batch(2, cycle=cycle)
    client = client_for(cast.observer)
    content = client.get(url("cycles:detail", cast, cycle_pk=cycle.pk)).content.decode()
    assert "3 services · 1 organisme sur 2 en offre" in content
    assert "1 rangée remplie sur 2" in content
    assert "1 donnée · 0 observation · 2 constats" in content
    assert "aucun vote · 0 priorité · 0 objectif" in content
    assert "0 engagement sur 2 organismes" in content

    def grow():
        ServiceFactory.create_batch(10, organization=cast.other_organization)
        FindingFactory.create_batch(10, cycle=cycle)

    assert_flat_queries(client, url("cycles:detail", cast, cycle_pk=cycle.pk), grow=grow)


# The cycle's home page: the session, the person and the privacy notice (3), the person's memberships with the
# partnership (1), the cycle (1) and its steps (1), each app's progress (intention, factors, analysis, offer,
# coverage, priorities, follow-up: one query each; plan 4, evaluation 3), the upcoming meetings (1).
CYCLE_HOME_QUERIES = 21


def test_the_cycle_home_keeps_its_pinned_number_of_queries(cast, client_for, assert_flat_queries):
    from analysis.tests.factories import FindingFactory, ObservationFactory, StatisticFactory
    from coverage.tests.factories import InterventionFactory
    from offer.tests.factories import ServiceFactory
    from organizations.tests.factories import OrganizationFactory
    from priorities.tests.factories import ObjectiveFactory, PriorityFactory, VoteFactory

    cycle = CycleFactory(partnership=cast.partnership)
    CycleFactory(partnership=cast.partnership, starts_on="2019-04-01", ends_on="2022-03-31")

    def grow():
        for organization in OrganizationFactory.create_batch(6, partnership=cast.partnership):
            ServiceFactory.create_batch(2, organization=organization)
            InterventionFactory(organization=organization)
        StatisticFactory.create_batch(4, partnership=cast.partnership)
        ObservationFactory.create_batch(3, partnership=cast.partnership)
        FindingFactory.create_batch(5, cycle=cycle, is_candidate=True)
        PriorityFactory.create_batch(3, cycle=cycle)
        ObjectiveFactory.create_batch(3, cycle=cycle)
        VoteFactory.create_batch(2, cycle=cycle)

    for user in (cast.coordinator, cast.observer):
        address = url("cycles:detail", cast, cycle_pk=cycle.pk)
        assert assert_flat_queries(client_for(user), address, grow=grow) == CYCLE_HOME_QUERIES
