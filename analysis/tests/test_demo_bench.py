import random
from decimal import Decimal

import pytest

from analysis import bench, demo
from analysis.demo_content import FINDINGS, OBSERVATIONS
from analysis.models import Finding, Observation, Statistic
from cycles.tests.factories import CycleFactory
from demo.loader import load_foundation

pytestmark = pytest.mark.django_db


def test_demo_is_complete_and_loads_twice_without_duplicates(client_for):
    ctx = load_foundation()
    demo.load(ctx)
    counts = (Statistic.objects.count(), Observation.objects.count(), Finding.objects.count())
    demo.load(ctx)
    assert (Statistic.objects.count(), Observation.objects.count(), Finding.objects.count()) == counts
    statistics = Statistic.objects.filter(partnership=ctx.partnership_a)
    assert statistics.filter(
        territory_level="quebec", domain="Au moins deux domaines", period="2017"
    ).get().value == Decimal("14.2")
    assert statistics.filter(territory_level="local", is_imprecise=True).count() == 1
    assert counts[1:] == (len(OBSERVATIONS), len(FINDINGS))
    findings = Finding.objects.filter(cycle=ctx.cycle_a)
    assert {f.origin for f in findings} == {"data", "services", "factors"}
    assert {f.nature for f in findings} == {"strength", "concern"}
    assert all(f.factors.exists() for f in findings)
    assert all(f.statistics.exists() or f.observations.exists() for f in findings if f.origin != "factors")
    chart = client_for(ctx.coordinator_a).get(
        f"/p/{ctx.partnership_a.slug}/donnees/graphique/", {"indicator": "Enfants vulnérables à la maternelle (EQDEM)"}
    )
    content = chart.content.decode()
    assert "RLS de la Vallée-des-Érables (territoire local)" in content and "7,6 *" in content


def test_bench_generates_data_and_its_pages_answer(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership)
    organizations = [cast.organization, cast.other_organization]
    bench.generate(cast.partnership, cycle, organizations, random.Random(1))
    assert Statistic.objects.filter(partnership=cast.partnership).count() == 100
    assert Observation.objects.filter(partnership=cast.partnership).count() == 40
    assert Finding.objects.filter(cycle=cycle).count() == 30
    client = client_for(cast.observer)
    for label, address in bench.pages(cast.partnership, cycle):
        assert client.get(address).status_code == 200, label
