import factory

from core.systems import System
from factors.models import ProtectiveFactor
from offer.models import Service
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Territory, TerritoryKind
from partnerships.tests.factories import PartnershipFactory


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    partnership = factory.SubFactory(PartnershipFactory)
    kind = TerritoryKind.NEIGHBOURHOOD
    name = factory.Sequence(lambda n: f"Quartier {n}")


class FactorFactory(factory.django.DjangoModelFactory):
    """A reference factor by default; pass partnership= for a partnership's local factor."""

    class Meta:
        model = ProtectiveFactor

    system = System.FAMILY
    code = factory.Sequence(lambda n: f"facteur-test-{n}")
    name_fr = factory.Sequence(lambda n: f"Facteur test {n}")
    partnership = None


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    for_parents = True

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if create and extracted:
            self.territories.set(extracted)

    @factory.post_generation
    def factors(self, create, extracted, **kwargs):
        if create and extracted:
            self.factors.set(extracted)
