"""The chart of one indicator, drawn on the server as an inline SVG: the baseline, the targets, the measurements
and their trend line. Every coordinate is written here with a plain format ("125.8"), never the localized one, so
that the SVG holds whatever the language of the page."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from plan.models import Indicator, Target

from .models import Measurement
from .trend import Direction, direction, trend

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 24, 48
COLOURS = {
    Direction.RIGHT: "#1a7f37",
    Direction.WRONG: "#b42318",
    Direction.STEADY: "#595959",
    Direction.UNKNOWN: "#595959",
}


def number(value: float) -> str:
    """A coordinate as SVG reads it: a dot for the decimals, whatever the language."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def plain(value: Decimal) -> str:
    """A value for the axis labels: no trailing zeros, a dot for the decimals."""
    text = format(value.normalize(), "f")
    return text


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    label: str
    imprecise: bool = False
    value: str = ""

    @property
    def label_y(self) -> str:
        """Where a label above the point goes."""
        return number(float(self.y) - 10)


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    direction: Direction = Direction.UNKNOWN
    colour: str = COLOURS[Direction.UNKNOWN]
    empty: bool = True
    baseline: dict | None = None
    targets: list[Point] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    path: str = ""
    trend: dict | None = None
    y_ticks: list[dict] = field(default_factory=list)
    x_ticks: list[dict] = field(default_factory=list)
    frame: dict = field(default_factory=dict)


def build(indicator: Indicator, targets: Sequence[Target], measurements: Sequence[Measurement]) -> Chart:
    last = measurements[-1].value if measurements else None
    way = direction(polarity=indicator.polarity, baseline=indicator.baseline_value, last=last)
    chart = Chart(direction=way, colour=COLOURS[way])
    chart.frame = {
        "left": number(LEFT),
        "right": number(WIDTH - RIGHT),
        "top": number(TOP),
        "bottom": number(HEIGHT - BOTTOM),
        "label_x": number(LEFT - 8),
        "label_y": number(HEIGHT - BOTTOM + 18),
    }
    dates = [m.measured_on for m in measurements] + [t.date for t in targets]
    values = [m.value for m in measurements] + [t.value for t in targets]
    if indicator.baseline_value is not None:
        values.append(indicator.baseline_value)
        if indicator.baseline_date:
            dates.append(indicator.baseline_date)
    if not values or not dates:
        return chart
    chart.empty = False
    first_day, last_day = min(dates), max(dates)
    if first_day == last_day:
        first_day, last_day = first_day - datetime.timedelta(days=30), last_day + datetime.timedelta(days=30)
    low, high = float(min(values)), float(max(values))
    if low == high:
        low, high = low - 1, high + 1
    margin = (high - low) * 0.1
    low, high = low - margin, high + margin
    span_x = (last_day - first_day).days
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: datetime.date) -> float:
        return LEFT + (day - first_day).days / span_x * inner_w

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * inner_h

    for step in range(5):
        value = low + (high - low) * step / 4
        chart.y_ticks.append({"y": number(y(value)), "label": f"{value:.4g}"})
    for day in sorted({first_day, last_day}):
        # The last date ends at the plot's right edge: centred there, it would run past the drawing.
        anchor = "end" if day == last_day else "middle"
        chart.x_ticks.append({"x": number(x(day)), "label": f"{day:%Y-%m-%d}", "anchor": anchor})
    if indicator.baseline_value is not None:
        level = number(y(float(indicator.baseline_value)))
        chart.baseline = {"y": level, "label": plain(indicator.baseline_value), "label_y": number(float(level) - 6)}
    chart.targets = [
        Point(
            number(x(t.date)), number(y(float(t.value))), f"{plain(t.value)} ({t.date:%Y-%m-%d})", value=plain(t.value)
        )
        for t in targets
    ]
    chart.points = [
        Point(
            number(x(m.measured_on)),
            number(y(float(m.value))),
            f"{plain(m.value)} ({m.measured_on:%Y-%m-%d})",
            m.imprecise,
        )
        for m in measurements
    ]
    chart.path = " ".join(f"{p.x},{p.y}" for p in chart.points)
    line = trend([(m.measured_on, m.value) for m in measurements])
    if line is not None:
        start, end = measurements[0].measured_on, measurements[-1].measured_on
        chart.trend = {
            "x1": number(x(start)),
            "y1": number(y(line.at(start))),
            "x2": number(x(end)),
            "y2": number(y(line.at(end))),
        }
    return chart
