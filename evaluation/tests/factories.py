import datetime
from decimal import Decimal

import factory

from evaluation.models import ActionDecision, Decision, Measurement, Review
from plan.tests.factories import ActionFactory, IndicatorFactory, TransformationFactory


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * n))
    value = Decimal("25.5")
    source = "Sondage auprès des familles"


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review
        skip_postgeneration_save = True

    transformation = factory.SubFactory(TransformationFactory)
    period_start = datetime.date(2025, 9, 1)
    period_end = datetime.date(2026, 6, 30)
    curve = "La courbe monte lentement vers la cible."


class ActionDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionDecision

    review = factory.SubFactory(ReviewFactory)
    action = factory.SubFactory(ActionFactory)
    decision = Decision.MAINTAIN
    reason = "Elle donne des résultats."
