import pytest
from django.utils import translation

from core.tests.support import url
from cycles.models import Cycle
from cycles.services import cycle_create
from meetings import services
from meetings.models import Meeting
from meetings.sequence import read_sequence
from priorities.tests.factories import SelectedFactorFactory

pytestmark = pytest.mark.django_db


def expected(language: str, planning: int = 1) -> list[tuple]:
    """The data file, read on its own: one row per meeting it proposes."""
    rows = []
    for group in read_sequence()["groups"]:
        for meeting in group["meetings"]:
            objectives = meeting.get(f"objectives_{language}") or group[f"objectives_{language}"]
            tools = ",".join(str(n) for n in meeting.get("tools") or group["tools"])
            copies = planning if group.get("repeat") else 1
            for n in range(1, copies + 1):
                title = meeting[f"title_{language}"] + (f" {n}" if copies > 1 else "")
                rows.append((group["step"], title, "\n".join(objectives), tools))
    return rows


def proposed(cycle: Cycle) -> list[tuple]:
    return [(m.step, m.title, m.objectives, m.tools) for m in cycle.meetings.order_by("position")]


def test_creating_a_cycle_proposes_the_standard_sequence_of_the_data_file(cast, client_for):
    data = {"name": "Plan 2026-2029", "starts_on": "2026-04-01", "ends_on": "2029-03-31", "form_token": "t-1"}
    response = client_for(cast.coordinator).post(url("cycles:create", cast), data)
    cycle = Cycle.objects.get(partnership=cast.partnership, name="Plan 2026-2029")
    assert response.status_code == 302
    assert proposed(cycle) == expected("fr")
    assert [m.position for m in cycle.meetings.order_by("position")] == list(range(1, len(expected("fr")) + 1))
    steps = {m.step for m in cycle.meetings.all()}
    assert steps == {1, 2, 3, 4, 5}
    assert cycle.meetings.filter(standard_code="fonctionnement", tools="13").exists()


def test_the_sequence_is_worded_in_the_language_of_the_person_who_creates_the_cycle(cast):
    with translation.override("en"):
        cycle = cycle_create(partnership=cast.partnership, name="Plan", starts_on="2026-04-01", ends_on="2029-03-31")
    assert proposed(cycle) == expected("en")


def test_an_existing_cycle_is_given_the_sequence_with_one_planning_meeting_per_selected_factor(cast, cycle, client_for):
    for _n in range(3):
        SelectedFactorFactory(cycle=cycle)
    Meeting.objects.create(cycle=cycle, step=1, position=1, title="Notre rencontre de lancement")
    client = client_for(cast.coordinator)
    client.post(url("meetings:sequence_give", cast, cycle_pk=cycle.pk))
    meetings = proposed(cycle)
    assert meetings[0][1] == "Notre rencontre de lancement"
    assert meetings[1:] == expected("fr", planning=3)
    client.post(url("meetings:sequence_give", cast, cycle_pk=cycle.pk))  # a second time adds nothing
    assert cycle.meetings.count() == len(meetings)


def test_the_coordinator_removes_a_proposed_meeting_and_it_is_not_proposed_again_unless_asked(cast, cycle):
    created = services.sequence_give(cycle=cycle)
    services.meeting_delete(meeting=created[-1])
    assert len(services.sequence_give(cycle=cycle)) == 1  # asking again puts back only what is missing


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_only_those_who_prepare_meetings_give_the_sequence(cast, cycle, client_for, role):
    response = client_for(getattr(cast, role)).post(url("meetings:sequence_give", cast, cycle_pk=cycle.pk))
    assert response.status_code == 403
    assert not cycle.meetings.exists()
