"""Bench data and pages for Outil 12: twelve measurements of each indicator of the plan, one a quarter, and the
pages that read them. Bulk inserts, so no history."""

import datetime
import random
from decimal import Decimal

from django.urls import reverse

from cycles.models import Cycle
from partnerships.models import Partnership
from plan.models import Indicator

from .models import Measurement

MEASUREMENTS_PER_INDICATOR = 12


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    start = cycle.starts_on
    Measurement.objects.bulk_create(
        (
            Measurement(
                indicator_id=indicator.pk,
                measured_on=start + datetime.timedelta(days=91 * n),
                value=Decimal(rng.randint(0, 1000)) / 10,
                source="Sondage",
                imprecise=rng.random() < 0.1,
            )
            for indicator in Indicator.objects.filter(transformation__objective__cycle=cycle).only("pk")
            for n in range(MEASUREMENTS_PER_INDICATOR)
        ),
        batch_size=500,
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    kwargs = {"slug": partnership.slug, "cycle_pk": cycle.pk}
    result = [("Outil 12 indicator dashboard", reverse("evaluation:dashboard", kwargs=kwargs))]
    indicator = Indicator.objects.filter(transformation__objective__cycle=cycle).order_by("pk").first()
    if indicator is not None:
        url = reverse("evaluation:indicator", kwargs={**kwargs, "indicator_pk": indicator.pk})
        result.append(("Outil 12 one indicator's measurements and chart", url))
    return result
