import factory

from coverage.models import FactorIntervention, Intensity
from factors.tests.factories import FactorFactory
from organizations.tests.factories import OrganizationFactory


class InterventionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FactorIntervention

    organization = factory.SubFactory(OrganizationFactory)
    factor = factory.SubFactory(FactorFactory)
    intensity = Intensity.REGULAR
