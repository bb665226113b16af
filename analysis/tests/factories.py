import factory

from analysis.models import (
    Finding,
    FindingNature,
    FindingOrigin,
    Observation,
    ObservationSource,
    Statistic,
    TerritoryLevel,
)
from cycles.tests.factories import CycleFactory
from partnerships.tests.factories import PartnershipFactory


class StatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statistic

    partnership = factory.SubFactory(PartnershipFactory)
    indicator = "Enfants vulnérables à la maternelle (EQDEM)"
    domain = factory.Sequence(lambda n: f"Domaine {n}")
    territory_level = TerritoryLevel.LOCAL
    territory_name = "RLS de la Vallée"
    period = "2022"
    value = "12.500"
    unit = "%"
    source = "Institut de la statistique du Québec, EQDEM"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    partnership = factory.SubFactory(PartnershipFactory)
    text = factory.Sequence(lambda n: f"Observation de terrain numéro {n}.")
    source_kind = ObservationSource.PARENTS
    systems = "famille"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    cycle = factory.SubFactory(CycleFactory)
    statement = factory.Sequence(lambda n: f"Constat numéro {n}.")
    nature = FindingNature.CONCERN
    origin = FindingOrigin.DATA
    systems = "enfant"
