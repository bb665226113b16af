"""Geometry of the cycle drawn as the circle it is: five ring segments, clockwise from the top, step 1 first.

The template only places what is computed here. Coordinates are strings: a number printed by a template would
be localized ("215,3" in French) and break the drawing.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

VIEW_WIDTH = 800
VIEW_HEIGHT = 470
CENTER_X = VIEW_WIDTH / 2
CENTER_Y = 228
OUTER_RADIUS = 150
INNER_RADIUS = 90
LABEL_RADIUS = OUTER_RADIUS + 18
GAP_DEGREES = 3
STEP_COUNT = 5


class StepLike(Protocol):
    number: int
    status: str


@dataclass(frozen=True)
class Segment:
    step: StepLike
    path: str
    number_x: str
    number_y: str
    icon_y: str
    label_x: str
    label_y: str
    label_anchor: str


@dataclass(frozen=True)
class Frame:
    view_box: str = f"0 0 {VIEW_WIDTH} {VIEW_HEIGHT}"
    center_x: str = f"{CENTER_X:g}"
    count_y: str = f"{CENTER_Y:g}"
    caption_y: str = f"{CENTER_Y + 20:g}"


def _point(radius: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees)
    return round(CENTER_X + radius * math.cos(angle), 1), round(CENTER_Y + radius * math.sin(angle), 1)


def _ring_path(start: float, end: float) -> str:
    ox1, oy1 = _point(OUTER_RADIUS, start)
    ox2, oy2 = _point(OUTER_RADIUS, end)
    ix2, iy2 = _point(INNER_RADIUS, end)
    ix1, iy1 = _point(INNER_RADIUS, start)
    return (
        f"M {ox1} {oy1} A {OUTER_RADIUS} {OUTER_RADIUS} 0 0 1 {ox2} {oy2} "
        f"L {ix2} {iy2} A {INNER_RADIUS} {INNER_RADIUS} 0 0 0 {ix1} {iy1} Z"
    )


def _anchor(degrees: float) -> str:
    horizontal = math.cos(math.radians(degrees))
    if horizontal > 0.3:
        return "start"
    if horizontal < -0.3:
        return "end"
    return "middle"


def segments(steps: Sequence[StepLike]) -> list[Segment]:
    """One segment per step, in cycle order; step 1 starts at the top and the cycle turns clockwise."""
    span = 360 / STEP_COUNT
    drawn = []
    for step in sorted(steps, key=lambda s: s.number):
        start = -90 + (step.number - 1) * span + GAP_DEGREES / 2
        end = start + span - GAP_DEGREES
        middle = (start + end) / 2
        number_x, number_y = _point((OUTER_RADIUS + INNER_RADIUS) / 2, middle)
        label_x, label_y = _point(LABEL_RADIUS, middle)
        # Labels below the circle start lower, so their two lines do not touch the ring.
        if math.sin(math.radians(middle)) > 0.8:
            label_y += 12
        drawn.append(
            Segment(
                step=step,
                path=_ring_path(start, end),
                number_x=f"{number_x:g}",
                number_y=f"{number_y:g}",
                icon_y=f"{number_y + 18:g}",
                label_x=f"{label_x:g}",
                label_y=f"{label_y:g}",
                label_anchor=_anchor(middle),
            )
        )
    return drawn
