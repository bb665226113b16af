import random

import pytest

from analysis import demo as analysis_demo
from demo.loader import load_foundation
from followup import bench, demo
from followup.models import ActionReport, CommunicationItem, ReportState
from plan import bench as plan_bench
from plan import demo as plan_demo
from priorities import demo as priorities_demo
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def counts(cycle) -> tuple:
    reports = ActionReport.objects.filter(action__cycle=cycle)
    return (
        reports.count(),
        reports.filter(state=ReportState.SENT_BACK).count(),
        reports.filter(state=ReportState.DRAFT).count(),
        CommunicationItem.objects.filter(cycle=cycle).count(),
    )


def test_demo_gives_a_year_of_follow_up_some_late_one_sent_back():
    ctx = load_foundation()
    analysis_demo.load(ctx)
    priorities_demo.load(ctx)
    plan_demo.load(ctx)
    demo.load(ctx)
    reports, sent_back, drafts, items = counts(ctx.cycle_a)
    assert reports >= 40 and sent_back == 1 and drafts >= 5 and items == 5
    assert ActionReport.history.filter(history_type="+").count() == reports  # written through the services
    before = counts(ctx.cycle_a)
    demo.load(ctx)
    assert counts(ctx.cycle_a) == before


def test_bench_data_and_pages(cast, cycle, client_for):
    for _ in range(3):
        ObjectiveFactory(cycle=cycle)
    plan_bench.generate(cast.partnership, cycle, [cast.organization, cast.other_organization], random.Random(1))
    bench.generate(cast.partnership, cycle, [cast.organization, cast.other_organization], random.Random(1))
    assert (
        ActionReport.objects.filter(action__cycle=cycle).count() == bench.REPORTS_PER_ACTION * plan_bench.ACTION_COUNT
    )
    client = client_for(cast.coordinator)
    for label, address in bench.pages(cast.partnership, cycle):
        assert client.get(address).status_code == 200, label
