import random

import pytest

from analysis import demo as analysis_demo
from demo.loader import load_foundation
from plan import bench, demo
from plan import demo_content as content
from plan.completeness import GapKind, plan_gaps
from plan.models import Action, BudgetLine, DesiredChange, Indicator, PlanVersion
from plan.selectors import plan_of
from plan.snapshot import compare, plan_snapshot
from priorities import demo as priorities_demo
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def counts(cycle) -> tuple:
    return (
        DesiredChange.objects.filter(objective__cycle=cycle).count(),
        Indicator.objects.filter(transformation__objective__cycle=cycle).count(),
        Action.objects.filter(cycle=cycle).count(),
        BudgetLine.objects.filter(action__cycle=cycle).count(),
        PlanVersion.objects.filter(cycle=cycle).count(),
    )


def test_demo_builds_a_full_plan_adopted_once_and_changed_since():
    ctx = load_foundation()
    analysis_demo.load(ctx)
    priorities_demo.load(ctx)
    demo.load(ctx)
    cycle = ctx.cycle_a
    transformations, indicators, actions, lines, versions = counts(cycle)
    assert 12 <= transformations <= 15 and indicators == transformations
    assert 38 <= actions <= 45 and lines > actions and versions == 1
    cited = Indicator.objects.filter(transformation__objective__cycle=cycle, baseline_statistic__isnull=False)
    assert cited.count() >= 3
    funders = set(BudgetLine.objects.filter(action__cycle=cycle).values_list("funder__kind", flat=True))
    assert {"foundation", "public", "municipal", "partners"} <= funders
    version = PlanVersion.objects.get(cycle=cycle)
    (actions_since,) = [kind for kind in compare(version.snapshot, plan_snapshot(cycle)) if kind.label == "Actions"]
    assert actions_since.added == [content.ADDED[1]] and len(actions_since.changed) == content.UNDER_WAY + 1
    gaps = {gap.kind for gap in plan_gaps(plan_of(cycle), ctx.partnership_a.slug)}
    assert GapKind.NO_TRANSFORMATION in gaps  # the objective left without a child-system transformation
    assert Action.objects.filter(cycle__partnership=ctx.partnership_b).count() == 2
    before = counts(cycle)
    demo.load(ctx)
    assert counts(cycle) == before


def test_bench_data_and_pages(cast, cycle, client_for):
    for _ in range(3):
        ObjectiveFactory(cycle=cycle)
    bench.generate(cast.partnership, cycle, [cast.organization, cast.other_organization], random.Random(1))
    assert Action.objects.filter(cycle=cycle).count() == bench.ACTION_COUNT
    assert BudgetLine.objects.filter(action__cycle=cycle).count() == 3 * bench.ACTION_COUNT
    client = client_for(cast.coordinator)
    for label, address in bench.pages(cast.partnership, cycle):
        assert client.get(address).status_code == 200, label
