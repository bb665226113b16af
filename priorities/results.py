"""How a vote's result is counted. Plain functions on plain data, so the rules are easy to read and test.

Points: a finding's score is the sum of the points members gave it.
Ranking (Borda count): with n candidates, a finding ranked r-th by a member earns n - r + 1 points from that
member (first place earns n); a finding the member left unranked earns nothing.
Ties share a place ("1, 2, 2, 4"), so the group sees them and decides.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class ResultRow(Generic[T]):
    item: T
    score: int
    supporters: int  # members who gave the item points or a rank
    place: int
    tied: bool


def borda_points(rank: int, candidate_count: int) -> int:
    return max(candidate_count - rank + 1, 0)


def ranked(items: Sequence[T], scores: dict[T, tuple[int, int]]) -> list[ResultRow[T]]:
    """`items` in their usual order; `scores` maps an item to (score, supporters). Unscored items get 0."""
    order = {item: index for index, item in enumerate(items)}
    by_score = sorted(items, key=lambda item: (-scores.get(item, (0, 0))[0], order[item]))
    all_scores = [scores.get(item, (0, 0))[0] for item in by_score]
    rows = []
    for item, score in zip(by_score, all_scores, strict=True):
        supporters = scores.get(item, (0, 0))[1]
        place = 1 + sum(1 for other in all_scores if other > score)
        tied = all_scores.count(score) > 1
        rows.append(ResultRow(item=item, score=score, supporters=supporters, place=place, tied=tied))
    return rows


def points_scores(ballots: Iterable[tuple[T, int]]) -> dict[T, tuple[int, int]]:
    """(item, points) pairs, one per member and item -> {item: (total points, supporters)}."""
    scores: dict[T, tuple[int, int]] = {}
    for item, points in ballots:
        total, supporters = scores.get(item, (0, 0))
        scores[item] = (total + points, supporters + 1)
    return scores


def borda_scores(ballots: Iterable[tuple[T, int]], candidate_count: int) -> dict[T, tuple[int, int]]:
    """(item, rank) pairs, one per member and ranked item -> {item: (Borda score, supporters)}."""
    return points_scores((item, borda_points(rank, candidate_count)) for item, rank in ballots)
