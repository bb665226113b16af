import factory

from organizations.models import Organization, Sector
from partnerships.tests.factories import PartnershipFactory


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Organisme {n}")
    sector = Sector.FAMILY_COMMUNITY
    mission = "Soutenir les familles du quartier."
