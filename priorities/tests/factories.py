import factory

from analysis.tests.factories import FindingFactory
from cycles.tests.factories import CycleFactory
from factors.tests.factories import FactorFactory
from priorities.models import Objective, Priority, SelectedFactor, Vote, VoteMethod


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
