"""Bench data and pages for Outils 9 and 10: a plan at the size of a large partnership (three transformations
per objective, 200 actions, 600 budget lines), adopted once. Bulk inserts, so no history: the bench times
reading pages."""

import datetime
import random
from decimal import Decimal

from django.urls import reverse

from core.systems import System
from cycles.models import Cycle
from partnerships.models import Partnership
from priorities.models import Objective

from .models import (
    Action,
    ActionPartner,
    ActionStatus,
    BudgetLine,
    BudgetStatus,
    DesiredChange,
    FollowUp,
    Funder,
    FunderKind,
    Indicator,
    Milestone,
    PlanVersion,
    Target,
)
from .snapshot import plan_snapshot

ACTION_COUNT = 200
FUNDERS = (
    ("Fondation régionale", FunderKind.FOUNDATION),
    ("CISSS", FunderKind.PUBLIC),
    ("Ville", FunderKind.MUNICIPAL),
)


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    objectives = list(Objective.objects.filter(cycle=cycle))
    if not objectives:
        return
    transformations = DesiredChange.objects.bulk_create(
        DesiredChange(objective=o, system=s, statement=f"{o.title} — {s}", lead=rng.choice(organizations))
        for o in objectives
        for s in System.values
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(transformation=t, name=f"Indicateur {n}", unit="%", baseline_value=Decimal(rng.randint(5, 40)))
        for n, t in enumerate(transformations)
    )
    Target.objects.bulk_create(Target(indicator=i, value=Decimal("50"), date=cycle.ends_on) for i in indicators)
    funders = Funder.objects.bulk_create(Funder(partnership=partnership, name=n, kind=k) for n, k in FUNDERS)
    actions = _actions(cycle, organizations, rng)
    Action.transformations.through.objects.bulk_create(
        Action.transformations.through(action=a, desiredchange=transformations[n % len(transformations)])
        for n, a in enumerate(actions)
    )
    ActionPartner.objects.bulk_create(
        ActionPartner(action=a, organization=o, role="Partenaire")
        for a in actions
        for o in {rng.choice(organizations), rng.choice(organizations)} - {a.lead}
    )
    Milestone.objects.bulk_create(Milestone(action=a, title="Bilan", date=a.ends_on) for a in actions)
    BudgetLine.objects.bulk_create(
        BudgetLine(
            action=a,
            year=cycle.starts_on.year + n,
            funder=funders[n],
            amount=Decimal(rng.randint(500, 20000)) + Decimal("0.25"),
            status=BudgetStatus.CONFIRMED if n < 2 else BudgetStatus.REQUESTED,
        )
        for a in actions
        for n in range(3)
    )
    PlanVersion.objects.create(cycle=cycle, number=1, adopted_on=cycle.starts_on, snapshot=plan_snapshot(cycle))
    Action.objects.filter(pk__in=[a.pk for a in actions[:20]]).update(status=ActionStatus.UNDER_WAY)


def _actions(cycle: Cycle, organizations: list, rng: random.Random) -> list[Action]:
    def action(n: int) -> Action:
        starts = cycle.starts_on + datetime.timedelta(days=rng.randint(0, 400))
        return Action(
            cycle=cycle,
            title=f"Action {n:03d}",
            lead=rng.choice(organizations),
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=rng.randint(90, 700)),
            follow_up=FollowUp.QUARTERLY,
        )

    return Action.objects.bulk_create(action(n) for n in range(1, ACTION_COUNT + 1))


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    def url(name: str) -> str:
        return reverse(name, kwargs={"slug": partnership.slug, "cycle_pk": cycle.pk})

    version = PlanVersion.objects.filter(cycle=cycle).first()
    compare = url("plan:version_compare") + (f"?de={version.pk}&a=aujourdhui" if version else "")
    return [
        ("Outil 9 plan", url("plan:home")),
        ("Outil 9 actions", url("plan:actions")),
        ("Outil 10 overview and completeness", url("plan:overview")),
        ("Outil 9 version comparison", compare),
    ]
