"""Reads of Outil 8, with their joins; each function's query count does not grow with the data."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from analysis.models import Finding
from core.collation import by_name
from core.systems import SystemGroup, group_by_system
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from partnerships.models import Membership

from . import results
from .models import Ballot, Objective, Priority, SelectedFactor, Vote, VoteStatus


def chosen_finding_ids(cycle: Cycle) -> set[int]:
    """The findings already chosen as the cycle's priorities."""
    return set(Priority.objects.filter(cycle=cycle).values_list("finding_id", flat=True))


def cycle_findings(cycle: Cycle) -> QuerySet[Finding]:
    return Finding.objects.filter(cycle=cycle).order_by("origin", "id").prefetch_related("factors")


def candidate_findings(cycle: Cycle) -> QuerySet[Finding]:
    return cycle_findings(cycle).filter(is_candidate=True)


def _count_subquery(queryset: QuerySet, column: str, *, distinct: bool = False) -> Coalesce:
    counted = queryset.values(column).annotate(n=Count("pk", distinct=distinct)).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def vote_list(cycle: Cycle) -> QuerySet[Vote]:
    """Votes with their number of candidates and voters, counted in subqueries to avoid a join product."""
    voters = (
        Ballot.objects.filter(vote=OuterRef("pk")).values("vote").annotate(n=Count("member", distinct=True)).values("n")
    )
    candidates = Vote.candidates.through.objects.filter(vote=OuterRef("pk"))
    return Vote.objects.filter(cycle=cycle).annotate(
        voter_count=Coalesce(Subquery(voters, output_field=IntegerField()), Value(0)),
        candidate_count=_count_subquery(candidates, "vote"),
    )


def priority_list(cycle: Cycle) -> QuerySet[Priority]:
    return (
        Priority.objects.filter(cycle=cycle)
        .select_related("finding", "vote")
        .prefetch_related("finding__factors", Prefetch("objectives", Objective.objects.all()))
    )


def priorities_with_objectives(cycle: Cycle) -> QuerySet[Priority]:
    """The priorities as the overview's gaps read them: their finding's statement and their objectives."""
    return (
        Priority.objects.filter(cycle=cycle)
        .select_related("finding")
        .prefetch_related(Prefetch("objectives", Objective.objects.all()))
    )


def selected_factor_list(cycle: Cycle) -> QuerySet[SelectedFactor]:
    return SelectedFactor.objects.filter(cycle=cycle).select_related("factor")


def objective_list(cycle: Cycle) -> QuerySet[Objective]:
    return Objective.objects.filter(cycle=cycle).prefetch_related(
        Prefetch("priorities", queryset=Priority.objects.select_related("finding")),
        "priorities__finding__factors",
        "factors",
    )


def objective_priorities(objective: Objective) -> QuerySet[Priority]:
    return objective.priorities.select_related("finding").order_by("position", "pk")


# --- One vote ----------------------------------------------------------------------------------------------


def vote_candidates(vote: Vote) -> list[Finding]:
    return list(vote.candidates.order_by("origin", "id"))


def vote_result(vote: Vote, candidates: list[Finding]) -> list[results.ResultRow[Finding]]:
    return _result(vote, candidates, vote.ballots.values_list("finding_id", "points", "rank"))


def closed_vote_results(cycle: Cycle) -> list[tuple[Vote, list[results.ResultRow[Finding]]]]:
    """The cycle's closed votes with their results, in three queries whatever their number (Outil 8's document)."""
    candidates = Prefetch("candidates", queryset=Finding.objects.order_by("origin", "id"))
    votes = list(
        vote_list(cycle).filter(status=VoteStatus.CLOSED).prefetch_related(candidates).order_by("closed_at", "id")
    )
    ballots: dict[int, list[tuple]] = {vote.pk: [] for vote in votes}
    for vote_id, *ballot in Ballot.objects.filter(vote__in=votes).values_list(
        "vote_id", "finding_id", "points", "rank"
    ):
        ballots[vote_id].append(ballot)
    return [(vote, _result(vote, list(vote.candidates.all()), ballots[vote.pk])) for vote in votes]


def _result(vote: Vote, candidates: list[Finding], ballots) -> list[results.ResultRow[Finding]]:
    """`ballots`: (finding id, points, rank) of every ballot of the vote."""
    by_pk = {finding.pk: finding for finding in candidates}
    pairs = [
        (by_pk[finding_id], points if vote.is_points else rank)
        for finding_id, points, rank in ballots
        if finding_id in by_pk and (points if vote.is_points else rank) is not None
    ]
    scores = results.points_scores(pairs) if vote.is_points else results.borda_scores(pairs, len(candidates))
    return results.ranked(candidates, scores)


def vote_voters(vote: Vote) -> list[Membership]:
    return list(
        Membership.objects.filter(priority_ballots__vote=vote)
        .select_related("user")
        .distinct()
        .order_by(by_name("user__full_name"), "pk")
    )


def member_ballot(vote: Vote, member: Membership) -> dict[int, int]:
    """The member's current ballot: {finding pk: points or rank}."""
    column = "points" if vote.is_points else "rank"
    return dict(vote.ballots.filter(member=member).values_list("finding_id", column))


# --- Selected factors --------------------------------------------------------------------------------------


@dataclass
class FactorRow:
    factor: ProtectiveFactor
    selection: SelectedFactor | None
    suggested: bool
    used_by: list[str]


@dataclass
class FactorChoices(SystemGroup[FactorRow]):
    """A system's factors, offered for the cycle's selection."""

    @property
    def selected_count(self) -> int:
        return sum(1 for row in self.items if row.selection)


def selected_rationales(cycle: Cycle) -> dict[int, str]:
    """The cycle's selection as the save compares it: {factor pk: rationale}."""
    return dict(SelectedFactor.objects.filter(cycle=cycle).values_list("factor_id", "rationale"))


def suggested_factor_ids(cycle: Cycle) -> set[int]:
    """Factors named by the findings the group chose as priorities."""
    return set(
        ProtectiveFactor.objects.filter(findings__priorities__cycle=cycle).values_list("pk", flat=True).distinct()
    )


def factor_usage(cycle: Cycle) -> dict[int, list[str]]:
    """{factor pk: titles of the cycle's objectives that target it}."""
    usage: dict[int, list[str]] = {}
    links = Objective.factors.through.objects.filter(objective__cycle=cycle).select_related("objective")
    for link in links.order_by("objective__position", "objective_id"):
        usage.setdefault(link.protectivefactor_id, []).append(link.objective.title)
    return usage


def factor_choices(*, partnership, cycle: Cycle) -> list[FactorChoices]:
    """Each system's factors from the catalogue visible to the partnership; those suggested by priorities first."""
    selections = {s.factor_id: s for s in SelectedFactor.objects.filter(cycle=cycle)}
    suggested = suggested_factor_ids(cycle)
    usage = factor_usage(cycle)
    rows = [
        FactorRow(factor, selections.get(factor.pk), factor.pk in suggested, usage.get(factor.pk, []))
        for factor in ProtectiveFactor.objects.for_partnership(partnership)
    ]
    rows.sort(key=lambda row: not row.suggested)  # stable: catalogue order within each half
    return group_by_system(rows, system_of=lambda row: row.factor.system, group_type=FactorChoices)


def factor_names(partnership) -> Callable[[int], str]:
    """`name(factor_pk)` for the factors the partnership sees, read in one query; a deleted one reads "élément
    supprimé"."""
    names = {factor.pk: factor.name for factor in ProtectiveFactor.objects.for_partnership(partnership)}
    return lambda pk: names.get(pk) or str(_("élément supprimé"))


@dataclass(frozen=True)
class FindingInVote:
    vote: Vote
    row: results.ResultRow[Finding]
    candidates: int


def finding_in_votes(finding: Finding) -> list[FindingInVote]:
    """Where a finding stood in each closed vote it was a candidate of: its points or score and its place.
    Three queries, whatever the number of votes."""
    votes = list(
        Vote.objects.filter(candidates=finding, status=VoteStatus.CLOSED)
        .prefetch_related(Prefetch("candidates", queryset=Finding.objects.order_by("pk")))
        .order_by("closed_at", "pk")
    )
    ballots: dict[int, list[tuple[int, int | None, int | None]]] = {}
    for vote_id, finding_id, points, rank in Ballot.objects.filter(vote__in=votes).values_list(
        "vote_id", "finding_id", "points", "rank"
    ):
        ballots.setdefault(vote_id, []).append((finding_id, points, rank))
    found = []
    for vote in votes:
        candidates = list(vote.candidates.all())
        by_pk = {candidate.pk: candidate for candidate in candidates}
        pairs = [
            (by_pk[finding_id], points if vote.is_points else rank)
            for finding_id, points, rank in ballots.get(vote.pk, [])
            if finding_id in by_pk and (points if vote.is_points else rank) is not None
        ]
        scores = results.points_scores(pairs) if vote.is_points else results.borda_scores(pairs, len(candidates))
        row = next(row for row in results.ranked(candidates, scores) if row.item.pk == finding.pk)
        found.append(FindingInVote(vote=vote, row=row, candidates=len(candidates)))
    return found
