import factory

from offer.models import Service
from organizations.tests.factories import OrganizationFactory


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
