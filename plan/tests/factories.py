import datetime
from decimal import Decimal

import factory

from core.systems import System
from cycles.tests.factories import CycleFactory
from organizations.tests.factories import OrganizationFactory
from plan.models import (
    Action,
    ActionPartner,
    BudgetLine,
    BudgetStatus,
    DesiredChange,
    Funder,
    FunderKind,
    Indicator,
    Milestone,
    Target,
)
from priorities.tests.factories import ObjectiveFactory


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    partnership = factory.SubFactory("partnerships.tests.factories.PartnershipFactory")
    name = factory.Sequence(lambda n: f"Fondation {n}")
    kind = FunderKind.FOUNDATION


class TransformationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DesiredChange

    objective = factory.SubFactory(ObjectiveFactory)
    system = System.FAMILY
    statement = factory.Sequence(lambda n: f"Les parents lisent davantage avec leur enfant ({n}).")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    transformation = factory.SubFactory(TransformationFactory)
    name = factory.Sequence(lambda n: f"Part des familles qui lisent chaque jour ({n})")
    unit = "%"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal("40")
    date = datetime.date(2027, 6, 30)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    title = factory.Sequence(lambda n: f"Ateliers d'éveil à la lecture {n}")
    lead = factory.LazyAttribute(lambda o: OrganizationFactory(partnership=o.cycle.partnership))

    @factory.post_generation
    def transformations(self, create, extracted, **kwargs):
        if create and extracted:
            self.transformations.set(extracted)


class ActionPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPartner

    action = factory.SubFactory(ActionFactory)
    organization = factory.LazyAttribute(lambda o: OrganizationFactory(partnership=o.action.cycle.partnership))
    role = "Anime les ateliers"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    title = "Premier atelier"
    date = datetime.date(2025, 10, 1)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    action = factory.SubFactory(ActionFactory)
    year = 2025
    funder = factory.LazyAttribute(lambda o: FunderFactory(partnership=o.action.cycle.partnership))
    amount = Decimal("1000.00")
    status = BudgetStatus.CONFIRMED
