"""Whether a curve goes the right way, the next target and the trend line: pure functions."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from evaluation.trend import Direction, direction, next_target, trend
from plan.models import Polarity


@pytest.mark.parametrize(
    ("polarity", "baseline", "last", "expected"),
    [
        (Polarity.HIGHER, "10", "12", Direction.RIGHT),
        (Polarity.HIGHER, "10", "8", Direction.WRONG),
        (Polarity.LOWER, "10", "8", Direction.RIGHT),
        (Polarity.LOWER, "10", "12", Direction.WRONG),
        (Polarity.LOWER, "10", "10", Direction.STEADY),
        (Polarity.HIGHER, None, "10", Direction.UNKNOWN),
        (Polarity.HIGHER, "10", None, Direction.UNKNOWN),
    ],
)
def test_direction(polarity, baseline, last, expected):
    value = lambda text: Decimal(text) if text else None  # noqa: E731
    assert direction(polarity=polarity, baseline=value(baseline), last=value(last)) == expected


def test_next_target_is_the_first_still_ahead_else_the_last():
    targets = [SimpleNamespace(date=datetime.date(year, 6, 30)) for year in (2025, 2027, 2029)]
    assert next_target(targets, datetime.date(2026, 1, 1)).date.year == 2027
    assert next_target(targets, datetime.date(2030, 1, 1)).date.year == 2029
    assert next_target([], datetime.date(2030, 1, 1)) is None


def test_trend_is_the_least_squares_line():
    start = datetime.date(2025, 1, 1)
    points = [(start + datetime.timedelta(days=d), Decimal(v)) for d, v in ((0, "1"), (10, "2"), (20, "3"))]
    line = trend(points)
    assert line.at(start) == pytest.approx(1) and line.at(start + datetime.timedelta(days=20)) == pytest.approx(3)
    assert trend(points[:1]) is None
