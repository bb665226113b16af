import factory

from core.systems import System
from factors.models import FactorElement, ProtectiveFactor
from partnerships.tests.factories import PartnershipFactory


class FactorFactory(factory.django.DjangoModelFactory):
    """A factor of the shared reference catalogue (no partnership); pass partnership= for a local one."""

    class Meta:
        model = ProtectiveFactor

    system = System.FAMILY
    code = factory.Sequence(lambda n: f"facteur-{n}")
    name_fr = factory.Sequence(lambda n: f"Facteur {n}")
    position = factory.Sequence(lambda n: n)
    partnership = None


class ElementFactory(factory.django.DjangoModelFactory):
    """A sub-element of the reference catalogue."""

    class Meta:
        model = FactorElement

    factor = factory.SubFactory(FactorFactory)
    code = factory.Sequence(lambda n: f"composante-{n}")
    name_fr = factory.Sequence(lambda n: f"Composante {n}")


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
