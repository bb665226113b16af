"""Demo data for Outil 8 on partnership A's current cycle: candidates, a closed vote, the group's choice,
selected factors and objectives. Every row is found or created on a stable key, so a second run changes nothing.
"""

import random

from analysis.models import Finding, FindingNature, FindingOrigin
from cycles.models import Cycle
from demo.context import DemoContext
from factors.models import ProtectiveFactor
from partnerships.models import Role

from . import selectors, services, vote_services
from .demo_content import (
    CANDIDATE_COUNT,
    CHOSEN_PRIORITIES,
    OBJECTIVES,
    POINTS,
    SELECTED_FACTORS,
    VOTE_TITLE,
    VOTERS,
)
from .models import Objective, Priority, SelectedFactor, Vote, VoteMethod


def load(ctx: DemoContext) -> None:
    cycle = ctx.cycle_a
    if not Vote.objects.filter(cycle=cycle, title=VOTE_TITLE).exists():
        candidates = _mark_candidates(cycle)
        if len(candidates) >= 2:
            vote = _closed_vote(cycle, ctx)
            _choose(cycle, vote, ctx)
    factors = _select_factors(cycle, ctx)
    _objectives(cycle, factors)


def _mark_candidates(cycle: Cycle) -> list[Finding]:
    """About eight findings, concerns first, taken in turn from each of the three analyses."""
    existing = list(Finding.objects.filter(cycle=cycle, is_candidate=True))
    if existing:
        return existing
    findings = sorted(Finding.objects.filter(cycle=cycle), key=lambda f: (f.nature != FindingNature.CONCERN, f.pk))
    by_origin = {origin: [f for f in findings if f.origin == origin] for origin in FindingOrigin.values}
    chosen: set[int] = set()
    while len(chosen) < CANDIDATE_COUNT and any(by_origin.values()):
        for queue in by_origin.values():
            if queue and len(chosen) < CANDIDATE_COUNT:
                chosen.add(queue.pop(0).pk)
    services.candidates_update(cycle=cycle, candidates=chosen, expected_fingerprint=None)
    return list(Finding.objects.filter(cycle=cycle, is_candidate=True))


def _closed_vote(cycle: Cycle, ctx: DemoContext) -> Vote:
    draft = Vote(title=VOTE_TITLE, method=VoteMethod.POINTS, points_per_member=sum(POINTS), max_points_per_finding=5)
    vote = vote_services.vote_create(cycle=cycle, vote=draft, user=ctx.coordinator_a)
    vote = vote_services.vote_open(vote=vote)
    candidates = selectors.vote_candidates(vote)
    voters = ctx.partnership_a.memberships.filter(role__in=[Role.COORDINATOR, Role.COMMITTEE, Role.PARTNER])
    rng = random.Random(5)  # the same ballots on every machine
    for member in voters.order_by("pk")[:VOTERS]:
        favourites = rng.sample(candidates[: max(4, len(candidates) - 2)], k=min(len(POINTS), len(candidates)))
        choices = dict(zip(favourites, POINTS, strict=False))
        vote_services.ballot_cast(vote=vote, member=member, choices=choices)
    return vote_services.vote_close(vote=vote)


def _choose(cycle: Cycle, vote: Vote, ctx: DemoContext) -> None:
    result = selectors.vote_result(vote, selectors.vote_candidates(vote))
    services.priorities_choose(
        cycle=cycle,
        findings=[row.item for row in result[:CHOSEN_PRIORITIES]],
        vote=vote,
        note="Choix fait par consensus à la rencontre 5, à la lumière du vote.",
        user=ctx.coordinator_a,
    )


def _select_factors(cycle: Cycle, ctx: DemoContext) -> dict[str, ProtectiveFactor]:
    """The factors retained at meeting 5, saved as the committee would; a selection already made is kept."""
    reference = {f.code: f for f in ProtectiveFactor.objects.filter(partnership__isnull=True)}
    chosen = {reference[code]: rationale for code, rationale in SELECTED_FACTORS if code in reference}
    if not SelectedFactor.objects.filter(cycle=cycle).exists():
        services.selected_factors_save(cycle=cycle, choices=chosen, user=ctx.coordinator_a, expected_fingerprint=None)
    return {factor.code: factor for factor in chosen}


def _objectives(cycle: Cycle, factors: dict[str, ProtectiveFactor]) -> None:
    """Each objective answers the priorities whose finding names one of its factors."""
    priorities = list(Priority.objects.filter(cycle=cycle).prefetch_related("finding__factors").order_by("position"))
    for position, (title, description, factor_codes) in enumerate(OBJECTIVES, start=1):
        if Objective.objects.filter(cycle=cycle, title=title).exists():
            continue
        targeted = [factors[code] for code in factor_codes if code in factors]
        answered = [p for p in priorities if {f.pk for f in p.finding.factors.all()} & {f.pk for f in targeted}]
        services.objective_create(
            cycle=cycle,
            objective=Objective(title=title, description=description, position=position),
            priorities=answered,
            factors=targeted,
        )
