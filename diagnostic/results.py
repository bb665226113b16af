"""How a round's answers are compiled. Plain functions on plain data, so the rules are easy to read and test.

Each answer grades an item A (the condition is well present), B (in part) or C (little or not). An item's score
is the mean of its grades on a scale of 100 (A = 100, B = 50, C = 0); a condition's score is the mean of its items'
scores. An item or a condition under 50 is weak: more C than A among the answers.
"""

from collections.abc import Iterable
from dataclasses import dataclass

GRADE_POINTS = {"a": 100, "b": 50, "c": 0}
WEAK_BELOW = 50


@dataclass(frozen=True)
class Distribution:
    a: int
    b: int
    c: int

    @property
    def total(self) -> int:
        return self.a + self.b + self.c

    @property
    def score(self) -> int | None:
        """The mean grade on 100, rounded; None when nobody graded the item."""
        if not self.total:
            return None
        return round((self.a * GRADE_POINTS["a"] + self.b * GRADE_POINTS["b"]) / self.total)

    def share(self, grade: str) -> int:
        """The percentage of answers with `grade`, rounded."""
        return round(100 * getattr(self, grade) / self.total) if self.total else 0

    @property
    def share_a(self) -> int:
        return self.share("a")

    @property
    def share_b(self) -> int:
        return self.share("b")

    @property
    def share_c(self) -> int:
        return self.share("c")

    @property
    def is_weak(self) -> bool:
        return self.score is not None and self.score < WEAK_BELOW


def distribution(grades: Iterable[str]) -> Distribution:
    grades = list(grades)
    return Distribution(a=grades.count("a"), b=grades.count("b"), c=grades.count("c"))


def combined(distributions: Iterable[Distribution]) -> Distribution:
    """A condition's grades: all of its items' together."""
    distributions = list(distributions)
    return Distribution(
        a=sum(d.a for d in distributions), b=sum(d.b for d in distributions), c=sum(d.c for d in distributions)
    )


def condition_score(distributions: Iterable[Distribution]) -> int | None:
    """The mean of the items' scores, each item weighing the same whatever the number of its answers."""
    scores = [d.score for d in distributions if d.score is not None]
    return round(sum(scores) / len(scores)) if scores else None
