"""The cycles' tests' shared data: a cycle with a whole plan, to start the next cycle from and compare."""

import datetime
from decimal import Decimal

import pytest

from core.systems import System
from cycles.tests.factories import CycleFactory
from evaluation.tests.factories import MeasurementFactory
from factors.tests.factories import FactorFactory
from plan.models import ActionStatus
from plan.tests.factories import (
    ActionFactory,
    ActionPartnerFactory,
    BudgetLineFactory,
    FunderFactory,
    IndicatorFactory,
    MilestoneFactory,
    TargetFactory,
    TransformationFactory,
)
from priorities.tests.factories import ObjectiveFactory, PriorityFactory

D = datetime.date


@pytest.fixture
def plan(cast):
    """A cycle of 2025-2028 with a plan: one objective, two transformations, two indicators (one measured), three
    actions (one abandoned), their partners, milestones and budget lines on both sides of the next cycle's start."""
    cycle = CycleFactory(partnership=cast.partnership, name="Plan d'action 2025-2028")
    factor = FactorFactory(name_fr="Pratiques parentales")
    objective = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture", description="Dès 0-5 ans.")
    objective.factors.set([factor])
    objective.priorities.set([PriorityFactory(cycle=cycle)])
    family = TransformationFactory(
        objective=objective, system=System.FAMILY, statement="Les parents lisent.", lead=cast.organization
    )
    family.factors.set([factor])
    family.partners.set([cast.other_organization])
    child = TransformationFactory(objective=objective, system=System.CHILD, statement="Les enfants aiment les livres.")
    measured = IndicatorFactory(
        transformation=family,
        name="Familles qui lisent chaque jour",
        baseline_value=Decimal("20"),
        baseline_date=D(2024, 6, 1),
        baseline_source="Sondage 2024",
        data_source="Sondage annuel",
    )
    MeasurementFactory(indicator=measured, measured_on=D(2027, 6, 30), value=Decimal("31"), source="Sondage 2027")
    MeasurementFactory(indicator=measured, measured_on=D(2026, 6, 30), value=Decimal("25"), source="Sondage 2026")
    unmeasured = IndicatorFactory(
        transformation=child, name="Prêts de livres", baseline_value=Decimal("10"), baseline_date=D(2024, 1, 1)
    )
    TargetFactory(indicator=measured, value=Decimal("30"), date=D(2027, 6, 30))
    TargetFactory(indicator=measured, value=Decimal("40"), date=D(2030, 6, 30))
    TargetFactory(indicator=unmeasured, value=Decimal("15"), date=D(2029, 3, 31))
    funder = FunderFactory(partnership=cast.partnership, name="Fondation régionale")
    going_on = ActionFactory(
        cycle=cycle,
        title="Ateliers parents-enfants",
        description="Chaque semaine.",
        lead=cast.organization,
        status=ActionStatus.UNDER_WAY,
        starts_on=D(2025, 9, 1),
        ends_on=D(2029, 6, 30),
        clienteles="parents",
        territory="Petite-Patrie",
        transformations=[family, child],
    )
    going_on.factors.set([factor])
    ActionPartnerFactory(
        action=going_on, organization=cast.other_organization, role="Prête le local", contribution_money=Decimal("500")
    )
    MilestoneFactory(action=going_on, title="Premier atelier", date=D(2026, 1, 15), done=True)
    MilestoneFactory(action=going_on, title="Bilan des ateliers", date=D(2028, 9, 1), done=True)
    for year in (2026, 2028, 2029):
        BudgetLineFactory(action=going_on, year=year, funder=funder, amount=Decimal(f"{year}.00"))
    ActionFactory(
        cycle=cycle,
        title="Fête de la lecture",
        lead=cast.organization,
        status=ActionStatus.DONE,
        starts_on=D(2026, 1, 1),
        ends_on=D(2027, 12, 31),
        transformations=[child],
    )
    ActionFactory(cycle=cycle, title="Bibliobus", lead=cast.organization, status=ActionStatus.ABANDONED)
    return cycle
