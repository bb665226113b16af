"""Where an indicator stands: its last measurement against its baseline under its polarity, its next target, and
the least-squares trend of its measurements. Pure functions over values already read."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from plan.models import Polarity


class Direction(models.TextChoices):
    RIGHT = "right", _("Dans le bon sens")
    WRONG = "wrong", _("Dans le mauvais sens")
    STEADY = "steady", _("Stable")
    UNKNOWN = "unknown", _("Pas encore mesurable")


def direction(*, polarity: str, baseline: Decimal | None, last: Decimal | None) -> Direction:
    """Whether the curve goes the right way: the last measurement compared with the baseline under the polarity."""
    if baseline is None or last is None:
        return Direction.UNKNOWN
    if last == baseline:
        return Direction.STEADY
    went_up = last > baseline
    return Direction.RIGHT if went_up == (polarity == Polarity.HIGHER) else Direction.WRONG


def next_target(targets: Sequence, today: datetime.date):
    """The first target due on or after today, else the last one (or None)."""
    upcoming = [target for target in targets if target.date >= today]
    if upcoming:
        return min(upcoming, key=lambda target: target.date)
    return max(targets, key=lambda target: target.date) if targets else None


@dataclass(frozen=True)
class Line:
    """y = slope * x + intercept, x in days since the epoch of the dates."""

    slope: float
    intercept: float

    def at(self, day: datetime.date) -> float:
        return self.slope * day.toordinal() + self.intercept


def trend(points: Sequence[tuple[datetime.date, Decimal]]) -> Line | None:
    """The least-squares line through the measurements, when there are two dates or more."""
    xs = [day.toordinal() for day, _value in points]
    if len(set(xs)) < 2:
        return None
    ys = [float(value) for _day, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)
    return Line(slope=slope, intercept=mean_y - slope * mean_x)
