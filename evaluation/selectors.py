"""Every read of Outil 12's pages, with its joins: the number of queries of a page does not grow with the data."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from cycles.models import Cycle
from plan.models import Indicator, Target

from .models import Measurement
from .trend import Direction, direction, next_target


def measurements_of(indicator: Indicator) -> list[Measurement]:
    return list(Measurement.objects.filter(indicator=indicator).order_by("measured_on", "id"))


def targets_of(indicator: Indicator) -> list[Target]:
    return list(Target.objects.filter(indicator=indicator).order_by("date", "id"))


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    last: Measurement | None
    count: int
    target: Target | None
    direction: Direction

    @property
    def baseline(self) -> Decimal | None:
        return self.indicator.baseline_value


def dashboard_rows(cycle: Cycle, today: datetime.date) -> list[IndicatorRow]:
    """Every indicator of the cycle's plan with where it stands: three queries whatever the number of indicators
    (the indicators, all their targets, all their measurements, grouped here)."""
    indicators = list(
        Indicator.objects.filter(transformation__objective__cycle=cycle)
        .select_related("transformation__objective")
        .order_by("transformation__objective__position", "transformation_id", "id")
    )
    ids = [indicator.pk for indicator in indicators]
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(indicator_id__in=ids).order_by("date", "id"):
        targets[target.indicator_id].append(target)
    measurements: dict[int, list[Measurement]] = defaultdict(list)
    for measurement in Measurement.objects.filter(indicator_id__in=ids).order_by("measured_on", "id"):
        measurements[measurement.indicator_id].append(measurement)
    rows = []
    for indicator in indicators:
        own = measurements[indicator.pk]
        last = own[-1] if own else None
        rows.append(
            IndicatorRow(
                indicator=indicator,
                last=last,
                count=len(own),
                target=next_target(targets[indicator.pk], today),
                direction=direction(
                    polarity=indicator.polarity,
                    baseline=indicator.baseline_value,
                    last=last.value if last else None,
                ),
            )
        )
    return rows


def measurements_of_cycle(cycle: Cycle) -> list[Measurement]:
    """Every measurement of the cycle's indicators, indicator by indicator, with its indicator (one query)."""
    return list(
        Measurement.objects.filter(indicator__transformation__objective__cycle=cycle)
        .select_related("indicator")
        .order_by("indicator__transformation__objective__position", "indicator_id", "measured_on", "id")
    )
