"""Outil 12's objects for the tenant-isolation walk, in the partnership's first cycle: a measurement of an
indicator, a review of its transformation with a decision on one of its actions, and a questioning of the
transformation."""

import datetime
from decimal import Decimal

from cycles.tests.factories import CycleFactory
from evaluation.models import ActionDecision, Measurement, Questioning, Review
from plan.models import Action, DesiredChange, Indicator
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
    transformation = indicator.transformation
    review = Review.objects.create(
        transformation=transformation,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        curve="La courbe monte.",
    )
    action = Action.objects.create(cycle=cycle, title="Heure du conte")
    action.transformations.add(transformation)
    decision = ActionDecision.objects.create(review=review, action=action, decision="maintain", reason="Elle plaît.")
    questioning = Questioning.objects.create(
        cycle=cycle, transformation=transformation, question="Est-ce la bonne cible ?", reason="Elle stagne."
    )
    return {
        "cycle_pk": cycle.pk,
        "measurement_pk": measurement.pk,
        "review_pk": review.pk,
        "decision_pk": decision.pk,
        "questioning_pk": questioning.pk,
    }
