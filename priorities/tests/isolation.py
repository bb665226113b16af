"""Outil 8's objects for the tenant-isolation walk (core/tests/test_tenant_isolation.py).

Other apps also return a "cycle_pk"; this module's wins (priorities comes late in INSTALLED_APPS), so it reuses
the partnership's first cycle, where earlier apps' cycle-scoped objects already are, and only creates one if
there is none.
"""

from analysis.models import Finding, FindingNature, FindingOrigin
from cycles.tests.factories import CycleFactory
from priorities.models import Objective, Priority, Vote, VoteMethod


def url_kwargs(partnership) -> dict:
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    finding = Finding.objects.create(
        cycle=cycle,
        statement="Peu de familles fréquentent les activités d'éveil à la lecture.",
        nature=FindingNature.CONCERN,
        origin=FindingOrigin.SERVICES,
        is_candidate=True,
    )
    vote = Vote.objects.create(cycle=cycle, title="Vote d'essai", method=VoteMethod.POINTS, points_per_member=5)
    vote.candidates.set([finding])
    priority = Priority.objects.create(cycle=cycle, finding=finding, position=1)
    objective = Objective.objects.create(cycle=cycle, title="Favoriser l'éveil à la lecture", position=1)
    return {"cycle_pk": cycle.pk, "vote_pk": vote.pk, "priority_pk": priority.pk, "objective_pk": objective.pk}
