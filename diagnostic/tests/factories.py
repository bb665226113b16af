import datetime

import factory
from django.utils import timezone

from diagnostic.models import Questionnaire, Round
from partnerships.tests.factories import PartnershipFactory


def reference_questionnaire() -> Questionnaire:
    """The reference questionnaire the data migration loaded."""
    return Questionnaire.objects.filter(partnership__isnull=True).order_by("-loaded_at").first()


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    questionnaire = factory.LazyFunction(reference_questionnaire)
    title = factory.Sequence(lambda n: f"Passation {n}")
    is_anonymous = True
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))

    @factory.post_generation
    def invitees(self, create, extracted, **kwargs):
        if create and extracted:
            self.invitees.set(extracted)
