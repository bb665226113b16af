"""The plan's pages make the same number of queries for a small plan and for a plan at the scale of a large
partnership (20 objectives, 200 actions, 600 budget lines)."""

import datetime

import pytest

from plan.models import ActionPartner, BudgetLine, Milestone, PlanVersion
from plan.snapshot import plan_snapshot
from plan.tests.factories import ActionFactory, FunderFactory, IndicatorFactory, TargetFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def _grow(cast, cycle, objectives: int, actions: int):
    def grow():
        transformations = []
        for _ in range(objectives):
            objective = ObjectiveFactory(cycle=cycle)
            for system in ("enfant", "famille", "communaute"):
                transformation = TransformationFactory(objective=objective, system=system, lead=cast.organization)
                TargetFactory(indicator=IndicatorFactory(transformation=transformation))
                transformations.append(transformation)
        funders = [FunderFactory(partnership=cast.partnership) for _ in range(3)]
        for index in range(actions):
            action = ActionFactory(
                cycle=cycle,
                lead=cast.organization if index % 2 else cast.other_organization,
                starts_on=datetime.date(2025, 9, 1),
                ends_on=datetime.date(2027, 6, 30),
                transformations=[transformations[index % len(transformations)]],
            )
            ActionPartner.objects.create(action=action, organization=cast.organization, role="Partenaire")
            Milestone.objects.create(action=action, title="Jalon", date=datetime.date(2026, 1, 1))
            BudgetLine.objects.bulk_create(
                BudgetLine(action=action, year=2025 + n, funder=funders[n], amount="1000.10", status="confirmed")
                for n in range(3)
            )

    return grow


@pytest.mark.parametrize("name", ["plan:home", "plan:overview", "plan:my_actions", "plan:actions"])
def test_plan_pages_do_not_grow_with_the_plan(cast, cycle, client_for, cycle_url, assert_flat_queries, name):
    _grow(cast, cycle, objectives=3, actions=3)()
    count = assert_flat_queries(client_for(cast.partner), cycle_url(name), grow=_grow(cast, cycle, 17, 197))
    print(f"{name}: {count} queries")


def test_comparing_a_version_with_today_does_not_grow_with_the_plan(
    cast, cycle, client_for, cycle_url, assert_flat_queries
):
    _grow(cast, cycle, objectives=3, actions=3)()
    version = PlanVersion.objects.create(
        cycle=cycle, number=1, adopted_on=cycle.starts_on, snapshot=plan_snapshot(cycle)
    )
    address = cycle_url("plan:version_compare") + f"?de={version.pk}&a=aujourdhui"
    assert_flat_queries(client_for(cast.partner), address, grow=_grow(cast, cycle, 17, 197))
