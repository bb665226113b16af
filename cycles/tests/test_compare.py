"""Two cycles side by side: the plans matched through what the next cycle copied, the indicators, the actions
carried, dropped and new, the budgets."""

import datetime
from decimal import Decimal

import pytest

from core.tests.support import url
from cycles.models import Cycle
from cycles.services import cycle_start_next
from cycles.tests.factories import CycleFactory
from evaluation.tests.factories import MeasurementFactory
from plan.models import Action, BudgetStatus, Indicator
from plan.money import money
from plan.tests.factories import ActionFactory, BudgetLineFactory, FunderFactory, IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def _next(plan, cast) -> Cycle:
    return cycle_start_next(
        cycle=plan, name="Plan d'action 2028-2031", starts_on=D(2028, 4, 1), ends_on=D(2031, 3, 31), by=cast.coordinator
    )


def _compare_url(cast, a, b) -> str:
    return url("cycles:compare", cast) + f"?a={a.pk}&b={b.pk}"


@pytest.fixture
def two_cycles(cast, plan):
    new = _next(plan, cast)
    measured = Indicator.objects.get(transformation__objective__cycle=new, name="Familles qui lisent chaque jour")
    MeasurementFactory(indicator=measured, measured_on=D(2029, 6, 30), value=Decimal("36"))
    brand_new = ActionFactory(cycle=new, title="Café des pères", lead=cast.organization)
    funder = FunderFactory(partnership=cast.partnership, name="Ville")
    BudgetLineFactory(action=brand_new, year=2029, funder=funder, amount=Decimal("700"), status=BudgetStatus.REQUESTED)
    return plan, new


def test_the_comparison_matches_the_plan_through_its_copies(cast, client_for, two_cycles):
    old, new = two_cycles
    # The later cycle named first: the page still puts the earlier one first.
    response = client_for(cast.observer).get(_compare_url(cast, new, old))
    comparison = response.context["comparison"]
    assert (comparison.earlier, comparison.later) == (old, new)
    [objective] = comparison.objectives
    assert objective.earlier.cycle == old and objective.later.origin == objective.earlier
    assert [(t.earlier.system, t.later.system) for t in objective.children] == [
        ("enfant", "enfant"),
        ("famille", "famille"),
    ]
    family = objective.children[1]
    [indicator] = family.children
    assert (indicator.earlier.baseline_value, indicator.earlier.last_value) == (Decimal("20"), Decimal("31"))
    assert (indicator.later.baseline_value, indicator.later.last_value) == (Decimal("31"), Decimal("36"))
    assert indicator.earlier.last_target.value == indicator.later.last_target.value == Decimal("40")
    assert [(p.earlier.title, p.later.title) for p in comparison.carried] == [
        ("Ateliers parents-enfants", "Ateliers parents-enfants"),
        ("Fête de la lecture", "Fête de la lecture"),
    ]
    assert [a.title for a in comparison.dropped] == ["Bibliobus"]
    assert [a.title for a in comparison.new] == ["Café des pères"]
    earlier_budget, later_budget = comparison.budgets
    assert (earlier_budget.confirmed, earlier_budget.requested) == (Decimal("6083.00"), Decimal("0"))
    assert (later_budget.confirmed, later_budget.requested, later_budget.total) == (
        Decimal("4057.00"),
        Decimal("700.00"),
        Decimal("4757.00"),
    )
    content = response.content.decode()
    assert "2 actions reconduites" in content and "1 action non reconduite" in content
    assert "1 nouvelle action" in content and "Café des pères" in content
    assert "36 % <span" in content and money(Decimal("4757")) in content


def test_records_several_cycles_apart_are_matched_through_the_cycles_between(cast, client_for, two_cycles):
    old, new = two_cycles
    third = cycle_start_next(
        cycle=new, name="Plan d'action 2031-2034", starts_on=D(2031, 4, 1), ends_on=D(2034, 3, 31), by=None
    )
    comparison = client_for(cast.partner).get(_compare_url(cast, old, third)).context["comparison"]
    assert [p.later.cycle for p in comparison.objectives] == [third]
    assert [p.earlier.title for p in comparison.carried] == ["Ateliers parents-enfants", "Fête de la lecture"]
    assert [a.title for a in comparison.new] == ["Café des pères"]


def test_the_page_opens_on_the_current_cycle_and_the_one_it_continues(cast, client_for, two_cycles):
    old, new = two_cycles
    CycleFactory(partnership=cast.partnership, name="Cycle sans suite", starts_on=D(2020, 4, 1))
    comparison = client_for(cast.committee).get(url("cycles:compare", cast)).context["comparison"]
    assert (comparison.earlier, comparison.later) == (old, new)


def test_one_cycle_alone_has_nothing_to_compare(cast, client_for, plan):
    response = client_for(cast.coordinator).get(url("cycles:compare", cast))
    assert "Il faut au moins deux cycles pour les comparer." in response.content.decode()
    assert response.context["comparison"] is None


def test_a_cycle_compared_with_itself_or_with_another_partnerships_is_refused(cast, client_for, two_cycles):
    old, new = two_cycles
    client = client_for(cast.coordinator)
    response = client.get(_compare_url(cast, old, old))
    assert "Choisissez deux cycles différents." in response.content.decode()
    assert response.context["comparison"] is None
    elsewhere = CycleFactory(partnership=cast.other_partnership, name="Cycle d'ailleurs")
    response = client.get(_compare_url(cast, old, elsewhere))
    assert response.context["comparison"] is None and "Cycle d&#x27;ailleurs" not in response.content.decode()


def test_an_outsider_gets_404(cast, client_for, two_cycles):
    old, new = two_cycles
    assert client_for(cast.outsider).get(_compare_url(cast, old, new)).status_code == 404


def test_the_comparison_costs_the_same_with_3_or_200_actions(cast, client_for, assert_flat_queries):
    old = CycleFactory(partnership=cast.partnership, name="Cycle 1", starts_on=D(2022, 4, 1), ends_on=D(2025, 3, 31))
    funder = FunderFactory(partnership=cast.partnership)

    def actions(count: int) -> None:
        for _n in range(count):
            action = ActionFactory(cycle=old, title=f"Action {Action.objects.count()}", lead=cast.organization)
            BudgetLineFactory(action=action, year=2023, funder=funder)

    actions(3)
    IndicatorFactory(transformation__objective__cycle=old)
    new = _next_of(old, cast)
    ActionFactory(cycle=new, title="Nouvelle", lead=cast.organization)

    def grow() -> None:
        actions(197)
        for action in Action.objects.filter(cycle=old, copies__isnull=True)[:100]:
            ActionFactory(cycle=new, title=action.title, origin=action, lead=cast.organization)
        for n in range(5):  # objectives, transformations and indicators, measured and targeted, in both cycles
            indicator = IndicatorFactory(transformation__objective__cycle=old, name=f"Indicateur {n}")
            MeasurementFactory(indicator=indicator)
            TargetFactory(indicator=indicator)
            copy = IndicatorFactory(
                transformation__objective__cycle=new,
                transformation__objective__origin=indicator.transformation.objective,
                transformation__origin=indicator.transformation,
                origin=indicator,
                name=f"Indicateur {n}",
            )
            MeasurementFactory(indicator=copy)

    assert_flat_queries(client_for(cast.coordinator), _compare_url(cast, old, new), grow=grow)


def _next_of(cycle: Cycle, cast) -> Cycle:
    return cycle_start_next(
        cycle=cycle, name="Cycle 2", starts_on=D(2025, 4, 1), ends_on=D(2028, 3, 31), by=cast.coordinator
    )
