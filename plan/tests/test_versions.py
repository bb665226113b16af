"""Adopting freezes the plan; versions compare item by item, labels in the reader's language."""

import pytest
from django.utils import translation

from meetings.tests.factories import MeetingFactory
from plan.models import PlanVersion
from plan.selectors import plan_of
from plan.snapshot import compare, plan_snapshot
from plan.tests.factories import ActionFactory, BudgetLineFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(cast, cycle):
    transformation = TransformationFactory(objective=ObjectiveFactory(cycle=cycle, title="Lire en famille"))
    action = ActionFactory(cycle=cycle, title="Croque-livres", lead=cast.organization, transformations=[transformation])
    BudgetLineFactory(action=action)
    return action


def _adopt(client, cycle_url, **data):
    return client.post(cycle_url("plan:version_adopt"), {"adopted_on": "2025-06-10", **data})


def test_adopting_needs_a_meeting_or_a_note(cast, client_for, cycle_url, action):
    response = _adopt(client_for(cast.coordinator), cycle_url)
    assert response.status_code == 200 and not PlanVersion.objects.exists()


def test_adopting_freezes_a_complete_snapshot(cast, client_for, cycle_url, cycle, action):
    meeting = MeetingFactory(cycle=cycle)
    assert _adopt(client_for(cast.coordinator), cycle_url, meeting=meeting.pk).status_code == 302
    version = PlanVersion.objects.get()
    assert version.number == 1 and version.meeting == meeting
    frozen = version.snapshot
    assert set(frozen) == {"objectives", "transformations", "indicators", "actions"}
    assert frozen["actions"][str(action.pk)]["title"] == "Croque-livres"
    assert frozen["actions"][str(action.pk)]["budget"][0]["amount"] == "1000.00"
    action.title = "Croque-livres dans les parcs"
    action.save()
    version.refresh_from_db()
    assert version.snapshot == frozen  # the version does not follow the plan


def test_comparison_lists_added_removed_and_changed_with_old_and_new_values(cast, client_for, cycle_url, cycle, action):
    _adopt(client_for(cast.coordinator), cycle_url, note="Adopté en grand groupe")
    version = PlanVersion.objects.get()
    ActionFactory(cycle=cycle, title="Nouvelle action")
    action.status = "under_way"
    action.save()
    removed = ActionFactory(cycle=cycle, title="Action retirée")
    version.snapshot["actions"][str(removed.pk)] = {"title": "Action retirée"}
    removed.delete()
    comparison = {kind.label: kind for kind in compare(version.snapshot, plan_snapshot(cycle))}
    actions = comparison["Actions"]
    assert actions.added == ["Nouvelle action"]
    assert actions.removed == ["Action retirée"]
    (changed,) = actions.changed
    assert changed.name == "Croque-livres"
    assert [(c.label, c.old, c.new) for c in changed.changes] == [("État", "Prévue", "En cours")]
    assert comparison["Objectifs"].is_same
    with translation.override("en"):
        (changed,) = compare(version.snapshot, plan_snapshot(cycle))[3].changed
        assert (changed.changes[0].old, changed.changes[0].new) == ("Planned", "In progress")


def test_the_comparison_pages(cast, client_for, cycle_url, cycle, action):
    client = client_for(cast.coordinator)
    _adopt(client, cycle_url, note="Première version")
    action.status = "done"
    action.save()
    _adopt(client, cycle_url, note="Deuxième version")
    first, second = PlanVersion.objects.order_by("number")
    observer = client_for(cast.observer)
    page = observer.get(cycle_url("plan:version_compare") + f"?de={first.pk}&a={second.pk}").content.decode()
    assert "Prévue" in page and "Réalisée" in page
    today = observer.get(cycle_url("plan:version_detail", version_pk=second.pk)).content.decode()
    assert "Aucun changement." in today


def test_the_snapshot_reads_in_a_fixed_number_of_queries(cast, cycle, action, django_assert_max_num_queries):
    plan_of(cycle)
    with django_assert_max_num_queries(20):
        plan_snapshot(cycle)


def test_adopting_twice_with_the_same_form_adopts_once(cast, client_for, cycle_url, action):
    client = client_for(cast.coordinator)
    token = client.get(cycle_url("plan:version_adopt")).context["form"].initial["form_token"]
    for _ in range(2):
        assert _adopt(client, cycle_url, note="Adopté", form_token=token).status_code == 302
    assert PlanVersion.objects.count() == 1


def test_a_version_reads_in_the_readers_language(cast, client_for, cycle_url, cycle, action):
    _adopt(client_for(cast.coordinator), cycle_url, note="Adopté")
    version = PlanVersion.objects.get()
    other = TransformationFactory(objective=action.transformations.first().objective, system="enfant")
    action.transformations.add(other)
    with translation.override("en"):
        (changed,) = compare(version.snapshot, plan_snapshot(cycle))[3].changed
        (change,) = changed.changes
        assert change.label == "Desired transformations"
        assert change.new.startswith("Child — ") and "Family — " in change.new
