"""Outil 9's objects for the tenant-isolation walk (core/tests/test_tenant_isolation.py): one of each kind the
plan's URLs name, in the partnership's first cycle (where earlier apps' cycle objects are)."""

import datetime

from cycles.tests.factories import CycleFactory
from organizations.models import Organization
from plan.models import Action, ActionPartner, DesiredChange, Funder, FunderKind, Indicator, PlanVersion
from priorities.models import Objective


def url_kwargs(partnership) -> dict:
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    objective = Objective.objects.filter(cycle=cycle).first() or Objective.objects.create(
        cycle=cycle, title="Favoriser l'éveil à la lecture", position=1
    )
    transformation = DesiredChange.objects.create(
        objective=objective, system="communaute", statement="Les lieux publics invitent à lire."
    )
    indicator = Indicator.objects.create(transformation=transformation, name="Lieux de lecture ouverts")
    organization = Organization.objects.create(partnership=partnership, name="Bibliothèque du quartier", sector="other")
    action = Action.objects.create(cycle=cycle, title="Croque-livres", lead=organization)
    part = ActionPartner.objects.create(action=action, organization=organization, role="Fournit les livres")
    funder = Funder.objects.create(partnership=partnership, name="Ville", kind=FunderKind.MUNICIPAL)
    version = PlanVersion.objects.create(cycle=cycle, number=1, adopted_on=datetime.date(2025, 6, 1), note="Essai")
    return {
        "cycle_pk": cycle.pk,
        "transformation_pk": transformation.pk,
        "indicator_pk": indicator.pk,
        "action_pk": action.pk,
        "part_pk": part.pk,
        "funder_pk": funder.pk,
        "version_pk": version.pk,
    }
