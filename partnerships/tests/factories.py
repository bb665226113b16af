import factory

from accounts.models import User
from partnerships.models import Membership, Partnership, Region, Role, Territory, TerritoryKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.test")
    full_name = factory.Faker("name", locale="fr_CA")
    password = factory.PostGenerationMethodCall("set_password", "mot-de-passe-test-1")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Regroupement {n}")
    slug = factory.Sequence(lambda n: f"regroupement-{n}")
    region = Region.MONTREAL


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PARTNER


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    partnership = factory.SubFactory(PartnershipFactory)
    kind = TerritoryKind.NEIGHBOURHOOD
    name = factory.Sequence(lambda n: f"Quartier {n}")
