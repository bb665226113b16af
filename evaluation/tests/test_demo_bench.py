import random

import pytest

from analysis import demo as analysis_demo
from demo.loader import load_foundation
from evaluation import bench, demo
from evaluation.models import ActionDecision, Decision, Measurement, Review
from evaluation.selectors import dashboard_rows
from evaluation.trend import Direction
from plan import bench as plan_bench
from plan import demo as plan_demo
from plan.models import Action, ActionStatus, Indicator
from priorities import demo as priorities_demo
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def test_demo_measures_the_indicators_some_the_wrong_way_and_twice_changes_nothing():
    ctx = load_foundation()
    analysis_demo.load(ctx)
    priorities_demo.load(ctx)
    plan_demo.load(ctx)
    demo.load(ctx)
    measurements = Measurement.objects.filter(indicator__transformation__objective__cycle=ctx.cycle_a)
    count = measurements.count()
    assert count >= 6 and measurements.filter(imprecise=True).exists()
    assert Measurement.history.filter(history_type="+").count() == count  # written through the services
    demo.load(ctx)
    assert measurements.count() == count and Review.objects.count() == 1
    review = Review.objects.get(transformation__objective__cycle=ctx.cycle_a)
    decisions = list(review.decisions.select_related("action"))
    assert len(decisions) >= 3 and Review.history.count() == 1
    kinds = [d.decision for d in decisions]
    assert kinds.count(Decision.ABANDON) == 1 and kinds.count(Decision.ADAPT) == 1
    abandoned = next(d for d in decisions if d.decision == Decision.ABANDON)
    assert abandoned.is_applied and abandoned.action.status == ActionStatus.ABANDONED
    assert not any(d.is_applied for d in decisions if d.decision != Decision.ABANDON)
    directions = {row.direction for row in dashboard_rows(ctx.cycle_a, ctx.cycle_a.starts_on)}
    assert {Direction.RIGHT, Direction.WRONG} <= directions


def test_bench_data_and_pages(cast, cycle, client_for):
    for _ in range(3):
        ObjectiveFactory(cycle=cycle)
    plan_bench.generate(cast.partnership, cycle, [cast.organization, cast.other_organization], random.Random(1))
    bench.generate(cast.partnership, cycle, [cast.organization, cast.other_organization], random.Random(1))
    indicators = Indicator.objects.filter(transformation__objective__cycle=cycle).count()
    assert indicators and Measurement.objects.count() == bench.MEASUREMENTS_PER_INDICATOR * indicators
    client = client_for(cast.coordinator)
    pages = bench.pages(cast.partnership, cycle)
    assert len(pages) == 4
    assert Review.objects.count() and ActionDecision.objects.count() >= Action.objects.filter(cycle=cycle).count()
    for label, address in pages:
        assert client.get(address).status_code == 200, label
