import datetime

import factory

from cycles.models import Cycle, Step, StepNumber
from partnerships.tests.factories import PartnershipFactory


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = "Plan d'action 2025-2028"
    starts_on = datetime.date(2025, 4, 1)
    ends_on = datetime.date(2028, 3, 31)

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if create:
            Step.objects.bulk_create(Step(cycle=self, number=n) for n in StepNumber.values)
