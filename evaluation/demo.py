"""Demo data for Outil 12 on partnership A's plan: measurements of its indicators, written through the services.
An indicator that already has measurements is left as it is, so a second run changes nothing."""

import datetime
from decimal import Decimal

from demo.context import DemoContext
from plan.models import Indicator

from . import demo_content as content
from . import services
from .models import Measurement


def load(ctx: DemoContext) -> None:
    indicators = (
        Indicator.objects.filter(transformation__objective__cycle=ctx.cycle_a, baseline_value__isnull=False)
        .prefetch_related("targets", "measurements")
        .order_by("pk")
    )
    for index, indicator in enumerate(indicators):
        targets = sorted(indicator.targets.all(), key=lambda target: target.date)
        if not targets or indicator.measurements.all():
            continue
        gap = targets[0].value - indicator.baseline_value
        if index % content.WRONG_WAY_EVERY == content.WRONG_WAY_EVERY - 1:
            gap = -gap
        for day, fraction, imprecise in content.MEASUREMENTS:
            services.measurement_create(
                indicator=indicator,
                measurement=Measurement(
                    measured_on=datetime.date.fromisoformat(day),
                    value=(indicator.baseline_value + gap * Decimal(fraction)).quantize(Decimal("0.1")),
                    source=content.SOURCE,
                    imprecise=imprecise,
                ),
            )
