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

    @factory.post_generation
    def accepted_privacy_notice(self, create, extracted, **kwargs):
        """People in the tests have accepted the privacy notice in force, unless made with
        accepted_privacy_notice=False."""
        if create and extracted is not False:
            from privacy.notice import notice_accept

            notice_accept(user=self)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class SiteAdminFactory(UserFactory):
    """A site administrator already enrolled in multi-factor authentication, as the administration requires."""

    is_staff = True
    is_superuser = True

    @factory.post_generation
    def authenticator_app(self, create, extracted, **kwargs):
        if create:
            from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

            TOTP.activate(self, generate_totp_secret())


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
