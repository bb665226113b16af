"""Bench data and pages for Outil 8: candidates, a closed vote with every voting member's ballot, priorities,
selected factors and objectives. Bulk inserts, so no history: the bench times reading pages."""

import random

from django.urls import reverse

from analysis.models import Finding, FindingNature, FindingOrigin
from core.systems import System
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from partnerships.models import Membership, Partnership, Role

from . import results
from .models import Ballot, Objective, Priority, SelectedFactor, Vote, VoteMethod, VoteStatus

FINDING_COUNT = 20
CANDIDATE_COUNT = 10
PRIORITY_COUNT = 4
OBJECTIVE_COUNT = 6
POINTS = (5, 3, 2)
STATEMENTS = (
    "Les enfants du secteur {n} arrivent à la maternelle avec un vocabulaire limité.",
    "Les familles du secteur {n} connaissent mal les services offerts.",
    "Les activités parent-enfant sont concentrées au centre-ville (constat {n}).",
    "Les parents consultés se sentent isolés (constat {n}).",
)


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    factors = list(ProtectiveFactor.objects.filter(partnership__isnull=True))
    findings = list(Finding.objects.filter(cycle=cycle).order_by("pk")) or _findings(cycle, factors, rng)
    candidates = rng.sample(findings, k=min(CANDIDATE_COUNT, len(findings)))
    Finding.objects.filter(pk__in=[f.pk for f in candidates]).update(is_candidate=True)
    vote = Vote.objects.create(
        cycle=cycle, title="Vote sur les priorités", method=VoteMethod.POINTS, points_per_member=sum(POINTS)
    )
    Vote.candidates.through.objects.bulk_create(Vote.candidates.through(vote=vote, finding=f) for f in candidates)
    ballots = _ballots(partnership, vote, candidates, rng)
    Vote.objects.filter(pk=vote.pk).update(status=VoteStatus.CLOSED)
    scores = results.points_scores((ballot.finding, ballot.points) for ballot in ballots)
    chosen = [row.item for row in results.ranked(candidates, scores)[:PRIORITY_COUNT]]
    priorities = Priority.objects.bulk_create(
        Priority(cycle=cycle, finding=finding, position=n, vote=vote) for n, finding in enumerate(chosen, start=1)
    )
    selected = [f for system in System.values for f in [x for x in factors if x.system == system][:2]]
    SelectedFactor.objects.bulk_create(SelectedFactor(cycle=cycle, factor=factor) for factor in selected)
    _objectives(cycle, priorities, selected, rng)


def _findings(cycle: Cycle, factors: list[ProtectiveFactor], rng: random.Random) -> list[Finding]:
    findings = Finding.objects.bulk_create(
        Finding(
            cycle=cycle,
            statement=STATEMENTS[n % len(STATEMENTS)].format(n=n),
            nature=FindingNature.CONCERN if n % 3 else FindingNature.STRENGTH,
            origin=FindingOrigin.values[n % len(FindingOrigin.values)],
        )
        for n in range(1, FINDING_COUNT + 1)
    )
    if factors:
        Finding.factors.through.objects.bulk_create(
            Finding.factors.through(finding=finding, protectivefactor=rng.choice(factors)) for finding in findings
        )
    return findings


def _ballots(partnership: Partnership, vote: Vote, candidates: list[Finding], rng: random.Random) -> list[Ballot]:
    voters = Membership.objects.filter(
        partnership=partnership, role__in=[Role.COORDINATOR, Role.COMMITTEE, Role.PARTNER]
    ).order_by("pk")
    ballots = [
        Ballot(vote=vote, member=member, finding=finding, points=points)
        for member in voters
        for finding, points in zip(rng.sample(candidates, k=min(3, len(candidates))), POINTS, strict=False)
    ]
    return Ballot.objects.bulk_create(ballots)


def _objectives(cycle: Cycle, priorities: list[Priority], factors: list[ProtectiveFactor], rng: random.Random) -> None:
    objectives = Objective.objects.bulk_create(
        Objective(cycle=cycle, title=f"Objectif {n} du plan", description="Objectif de banc d'essai.", position=n)
        for n in range(1, OBJECTIVE_COUNT + 1)
    )
    Objective.priorities.through.objects.bulk_create(
        Objective.priorities.through(objective=objective, priority=rng.choice(priorities))
        for objective in objectives
        if priorities
    )
    Objective.factors.through.objects.bulk_create(
        Objective.factors.through(objective=objective, protectivefactor=factor)
        for objective in objectives
        for factor in (rng.sample(factors, k=min(2, len(factors))) if factors else [])
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    kwargs = {"slug": partnership.slug, "cycle_pk": cycle.pk}
    result = [
        ("Outil 8", reverse("priorities:home", kwargs=kwargs)),
        ("Outil 8 candidats", reverse("priorities:candidates", kwargs=kwargs)),
        ("Outil 8 facteurs retenus", reverse("priorities:factors", kwargs=kwargs)),
        ("Outil 8 objectifs", reverse("priorities:objectives", kwargs=kwargs)),
    ]
    vote = Vote.objects.filter(cycle=cycle).order_by("pk").first()
    if vote is not None:
        result.append(("Outil 8 vote", reverse("priorities:vote_detail", kwargs={**kwargs, "vote_pk": vote.pk})))
    return result
