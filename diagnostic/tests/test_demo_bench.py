import random

import pytest

from core.tests.support import url
from cycles.tests.factories import CycleFactory
from demo.loader import load_foundation
from diagnostic import bench, demo
from diagnostic.demo_content import ROUNDS
from diagnostic.models import Answer, Participation, Round

pytestmark = pytest.mark.django_db


def test_demo_has_two_closed_rounds_a_year_apart_and_loads_twice_without_duplicates(client_for):
    ctx = load_foundation()
    demo.load(ctx)
    counts = (Round.objects.count(), Answer.objects.count(), Participation.objects.count())
    demo.load(ctx)
    assert (Round.objects.count(), Answer.objects.count(), Participation.objects.count()) == counts
    rounds = list(Round.objects.filter(partnership=ctx.partnership_a).order_by("opened_at"))
    assert len(rounds) == 2 and (rounds[1].opened_at - rounds[0].opened_at).days in range(350, 380)
    assert [r.answers.count() for r in rounds] == [len(patterns) for _t, _o, _c, patterns in ROUNDS]
    assert not any(r.is_open for r in rounds)
    client = client_for(ctx.coordinator_a)
    page = client.get(f"/p/{ctx.partnership_a.slug}/diagnostic/passations/{rounds[1].pk}/").content.decode()
    assert "Réponses par condition" in page and "les grands organismes pèsent encore plus" in page


def test_bench_generates_data_and_its_pages_answer(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    bench.generate(cast.partnership, cycle, [cast.organization], random.Random(1))
    assert Round.objects.filter(partnership=cast.partnership).count() == 2
    client = client_for(cast.observer)
    for label, address in bench.pages(cast.partnership, cycle):
        assert client.get(address).status_code == 200, label
    assert client.get(url("diagnostic:rounds", cast)).status_code == 200
