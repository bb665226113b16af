import datetime
from decimal import Decimal

import factory

from evaluation.models import Measurement
from plan.tests.factories import IndicatorFactory


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * n))
    value = Decimal("25.5")
    source = "Sondage auprès des familles"
