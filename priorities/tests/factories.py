import factory

from analysis.models import Finding, FindingNature, FindingOrigin
from core.systems import System
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from priorities.models import Objective, Priority, SelectedFactor, Vote, VoteMethod


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    statement = factory.Sequence(lambda n: f"Constat {n} : les familles du quartier manquent de lieux de rencontre.")
    nature = FindingNature.CONCERN
    origin = FindingOrigin.DATA


class FactorFactory(factory.django.DjangoModelFactory):
    """A factor of the shared reference catalogue (no partnership)."""

    class Meta:
        model = ProtectiveFactor

    system = System.FAMILY
    code = factory.Sequence(lambda n: f"facteur-{n}")
    name_fr = factory.Sequence(lambda n: f"Facteur {n}")
    position = factory.Sequence(lambda n: n)


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    title = "Choix des priorités"
    method = VoteMethod.POINTS
    points_per_member = 10

    @factory.post_generation
    def candidates(self, create, extracted, **kwargs):
        if create and extracted:
            self.candidates.set(extracted)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    cycle = factory.SubFactory(CycleFactory)
    finding = factory.LazyAttribute(lambda o: FindingFactory(cycle=o.cycle))
    position = factory.Sequence(lambda n: n + 1)


class SelectedFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelectedFactor

    cycle = factory.SubFactory(CycleFactory)
    factor = factory.SubFactory(FactorFactory)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    cycle = factory.SubFactory(CycleFactory)
    title = factory.Sequence(lambda n: f"Objectif {n}")
    position = factory.Sequence(lambda n: n + 1)
