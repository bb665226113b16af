import factory

from core.systems import System
from factors.models import FactorElement, ProtectiveFactor
from partnerships.tests.factories import PartnershipFactory


class LocalFactorFactory(factory.django.DjangoModelFactory):
    """A partnership's local factor (the reference catalogue itself is loaded by the migration)."""

    class Meta:
        model = ProtectiveFactor

    partnership = factory.SubFactory(PartnershipFactory)
    system = System.FAMILY
    code = factory.Sequence(lambda n: f"local-facteur-{n}")
    name_fr = factory.Sequence(lambda n: f"Facteur local {n}")
    description_fr = "Un facteur propre au regroupement."
    position = 50


class LocalElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FactorElement

    factor = factory.SubFactory(LocalFactorFactory, partnership=factory.SelfAttribute("..partnership"))
    partnership = factory.SubFactory(PartnershipFactory)
    code = factory.Sequence(lambda n: f"local-composante-{n}")
    name_fr = factory.Sequence(lambda n: f"Composante locale {n}")
