import random

import pytest

from cycles.tests.factories import CycleFactory
from demo.loader import load_demo
from meetings import bench
from meetings.demo_content import MEETINGS
from meetings.models import AgendaItem, Attendance, Decision, DecisionTask, Meeting, Minutes

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Meeting, AgendaItem, Attendance, Minutes, Decision, DecisionTask))


def test_demo_has_partnership_as_meetings_to_date_and_loads_twice_without_duplicates(client_for):
    ctx, _loaded = load_demo()
    before = counts()
    load_demo()
    assert counts() == before
    held = Meeting.objects.filter(cycle=ctx.cycle_a, standard_code__in=list(MEETINGS)).order_by("position")
    assert [m.standard_code for m in held] == list(MEETINGS) and all(m.date for m in held)
    assert all(m.agenda_items.exists() and m.attendances.exists() for m in held)
    assert [m.minutes.is_approved for m in held] == [True, True, True, True, False]
    decisions = Decision.objects.filter(meeting__cycle=ctx.cycle_a)
    assert decisions.filter(priority__isnull=False).exists() and decisions.filter(objective__isnull=False).exists()
    objective = decisions.filter(objective__isnull=False).first().objective
    page = client_for(ctx.coordinator_a).get(
        f"/p/{ctx.partnership_a.slug}/cycles/{ctx.cycle_a.pk}/priorites/objectifs/{objective.pk}/"
    )
    assert "L&#x27;objectif est adopté" in page.content.decode()


def test_bench_generates_data_and_its_pages_answer(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    bench.generate(cast.partnership, cycle, [cast.organization], random.Random(1))
    assert Meeting.objects.filter(cycle=cycle).count() == bench.MEETING_COUNT
    client = client_for(cast.observer)
    for label, address in bench.pages(cast.partnership, cycle):
        assert client.get(address).status_code == 200, label
