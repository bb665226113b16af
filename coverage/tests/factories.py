import factory

from coverage.models import FactorIntervention, Intensity
from factors.models import FactorElement
from offer.tests.factories import FactorFactory
from organizations.tests.factories import OrganizationFactory


class ElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FactorElement

    factor = factory.SubFactory(FactorFactory)
    code = factory.Sequence(lambda n: f"composante-test-{n}")
    name_fr = factory.Sequence(lambda n: f"Composante test {n}")


class InterventionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FactorIntervention

    organization = factory.SubFactory(OrganizationFactory)
    factor = factory.SubFactory(FactorFactory)
    intensity = Intensity.REGULAR
