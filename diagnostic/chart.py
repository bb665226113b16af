"""The results chart, drawn on the server as SVG: one bar per condition, split into its shares of A, B and C.

The same figures are in the table under the chart; the segments differ by pattern as well as shade, so the chart
reads in black and white and without colour vision.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .selectors import ConditionResult

WIDTH = 640
PLOT_LEFT, PLOT_WIDTH = 8, 600
ROW_HEIGHT, BAR_TOP, BAR_HEIGHT = 52, 22, 22
MIN_LABELLED_WIDTH = 34  # a segment narrower than this has no room for its percentage
GRADES = ("a", "b", "c")


@dataclass(frozen=True)
class Segment:
    grade: str
    x: float
    width: float
    share: int
    label_x: float
    show_label: bool
    title: str


@dataclass(frozen=True)
class Bar:
    label: str
    label_y: int
    y: int
    segments: list[Segment]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    description: str


def results_chart(conditions: list[ConditionResult]) -> Chart:
    bars = [_bar(row, index) for index, row in enumerate(conditions)]
    return Chart(
        width=WIDTH,
        height=ROW_HEIGHT * len(bars) + 8,
        bars=bars,
        description=_("Part des réponses A, B et C pour chaque condition ; les mêmes valeurs sont dans le tableau."),
    )


def _bar(row: ConditionResult, index: int) -> Bar:
    top = index * ROW_HEIGHT
    distribution = row.distribution
    score = row.score
    label = (
        _("%(condition)s — score %(score)s sur 100") % {"condition": row.condition.name, "score": score}
        if score is not None
        else str(row.condition.name)
    )
    x = float(PLOT_LEFT)
    segments = []
    for grade in GRADES:
        share = distribution.share(grade)
        width = PLOT_WIDTH * getattr(distribution, grade) / distribution.total if distribution.total else 0
        title = _("%(grade)s : %(share)s %%") % {"grade": grade.upper(), "share": share}
        segments.append(
            Segment(
                grade=grade,
                x=round(x, 1),
                width=round(width, 1),
                share=share,
                label_x=round(x + width / 2, 1),
                show_label=width >= MIN_LABELLED_WIDTH,
                title=title,
            )
        )
        x += width
    return Bar(label=label, label_y=top + 15, y=top + BAR_TOP, segments=segments)
