"""The cycle's indicator dashboard."""

import datetime
from decimal import Decimal

import pytest

from evaluation.tests.factories import MeasurementFactory
from plan.models import Polarity
from plan.tests.factories import IndicatorFactory, TargetFactory, TransformationFactory

pytestmark = pytest.mark.django_db


def test_each_indicator_with_its_baseline_last_value_next_target_and_direction(cast, client_for, cycle_url, cycle):
    up = IndicatorFactory(transformation__objective__cycle=cycle, name="Lecture quotidienne", baseline_value=10)
    MeasurementFactory(indicator=up, measured_on=datetime.date(2025, 1, 31), value=Decimal("12"))
    MeasurementFactory(indicator=up, measured_on=datetime.date(2025, 6, 30), value=Decimal("15.5"))
    TargetFactory(indicator=up, value=Decimal("18"), date=datetime.date(2099, 6, 30))
    TargetFactory(indicator=up, value=Decimal("25"), date=datetime.date(2100, 6, 30))
    down = IndicatorFactory(
        transformation=up.transformation, name="Délai d'attente", polarity=Polarity.LOWER, baseline_value=30
    )
    MeasurementFactory(indicator=down, value=Decimal("35"))
    IndicatorFactory(transformation=up.transformation, name="Jamais mesuré")
    content = client_for(cast.observer).get(cycle_url("evaluation:dashboard")).content.decode()
    assert "Lecture quotidienne" in content and "<td>15,5 " in content
    assert "<td>18 " in content and ",000" not in content and ",500" not in content
    assert "Dans le bon sens" in content and "Dans le mauvais sens" in content
    assert "Pas encore mesurable" in content


def test_the_cycle_page_links_to_the_dashboard(cast, client_for, cycle_url):
    content = client_for(cast.observer).get(cycle_url("cycles:detail")).content.decode()
    assert f'href="{cycle_url("evaluation:dashboard")}"' in content


def test_dashboard_query_count_does_not_grow(cast, client_for, cycle_url, cycle, assert_flat_queries):
    transformation = TransformationFactory(objective__cycle=cycle)

    def indicators(count):
        for indicator in IndicatorFactory.create_batch(count, transformation=transformation, baseline_value=5):
            MeasurementFactory(indicator=indicator, value=Decimal("7"))
            TargetFactory(indicator=indicator)

    indicators(3)
    assert_flat_queries(client_for(cast.observer), cycle_url("evaluation:dashboard"), grow=lambda: indicators(197))


def test_indicator_page_query_count_does_not_grow(cast, client_for, cycle_url, cycle, assert_flat_queries):
    indicator = IndicatorFactory(transformation__objective__cycle=cycle, baseline_value=5)
    MeasurementFactory(indicator=indicator)
    assert_flat_queries(
        client_for(cast.observer),
        cycle_url("evaluation:indicator", indicator_pk=indicator.pk),
        grow=lambda: MeasurementFactory.create_batch(30, indicator=indicator),
    )
