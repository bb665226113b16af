"""Outil 12's objects for the tenant-isolation walk: a measurement of an indicator of the partnership's first
cycle."""

import datetime
from decimal import Decimal

from cycles.tests.factories import CycleFactory
from evaluation.models import Measurement
from plan.models import DesiredChange, Indicator
from priorities.models import Objective


def url_kwargs(partnership) -> dict:
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    indicator = Indicator.objects.filter(transformation__objective__cycle=cycle).first()
    if indicator is None:
        objective = Objective.objects.create(cycle=cycle, title="Favoriser l'éveil à la lecture", position=9)
        transformation = DesiredChange.objects.create(
            objective=objective, system="communaute", statement="Les familles fréquentent la bibliothèque."
        )
        indicator = Indicator.objects.create(transformation=transformation, name="Abonnements familiaux")
    measurement = Measurement.objects.create(
        indicator=indicator, measured_on=datetime.date(2025, 6, 30), value=Decimal("120")
    )
    return {"cycle_pk": cycle.pk, "measurement_pk": measurement.pk}
