"""A territory's figures beside its region's and Québec's, period by period, drawn as grouped bars.

The geometry is computed here and drawn by a template as inline SVG: no script, readable on paper, and the
same numbers are given in a table under each chart. Each series has its own fill pattern as well as its own
colour, and its name in the legend, so that the chart never relies on colour alone.
"""

import math
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Statistic, TerritoryLevel
from .numbers import decimals_of, format_value

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 24, 40
PATTERNS = ("solid", "hatch", "dots")
LEVEL_ORDER = (TerritoryLevel.LOCAL, TerritoryLevel.REGION, TerritoryLevel.QUEBEC)


@dataclass(frozen=True)
class Cell:
    value: Decimal | None
    text: str  # the value as read ("10,3"), empty when missing
    imprecise: bool
    missing: bool


@dataclass(frozen=True)
class Series:
    index: int
    level: str
    level_label: str
    territory: str
    pattern: str
    cells: list[Cell]

    @property
    def label(self) -> str:
        if self.territory.casefold() == self.level_label.casefold():
            return self.territory  # "Québec", not "Québec (québec)"
        return _("%(territory)s (%(level)s)") % {"territory": self.territory, "level": self.level_label.lower()}


@dataclass(frozen=True)
class Bar:
    series: int
    pattern: str
    x: float
    y: float
    width: float
    height: float
    label: str
    label_x: float
    label_y: float
    title: str
    imprecise: bool
    missing: bool


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class PeriodLabel:
    x: float
    text: str


@dataclass(frozen=True)
class Panel:
    id: str
    title: str
    unit: str
    periods: list[str]
    series: list[Series]
    bars: list[Bar]
    ticks: list[Tick]
    period_labels: list[PeriodLabel]
    description: str
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def has_imprecise(self) -> bool:
        return any(cell.imprecise for series in self.series for cell in series.cells)


@dataclass(frozen=True)
class Selection:
    territory: str
    region: str
    quebec: str


def choose_territories(statistics: list[Statistic], *, territory: str, region: str) -> tuple[Selection, dict]:
    """The territories compared: those asked for when they have figures; otherwise, at each level, the one with
    the most figures (the partnership's own territory and region, usually), then by name."""
    counts = {
        level: Counter(s.territory_name for s in statistics if s.territory_level == level) for level in LEVEL_ORDER
    }
    names = {level: sorted(counts[level]) for level in LEVEL_ORDER}

    def pick(level: str, wanted: str) -> str:
        if wanted in counts[level]:
            return wanted
        ranked = sorted(counts[level].items(), key=lambda item: (-item[1], item[0]))
        return ranked[0][0] if ranked else ""

    selection = Selection(
        territory=pick(TerritoryLevel.LOCAL, territory),
        region=pick(TerritoryLevel.REGION, region),
        quebec=pick(TerritoryLevel.QUEBEC, ""),
    )
    return selection, names


def domains_in_order(statistics: list[Statistic]) -> list[str]:
    domains: list[str] = []
    for statistic in sorted(statistics, key=lambda s: s.pk):
        if statistic.domain not in domains:
            domains.append(statistic.domain)
    return domains


def build_panels(statistics: list[Statistic], selection: Selection, *, domain: str = "") -> list[Panel]:
    """One chart per theme or domain of the indicator (all of them, or the one asked for), in the order the
    figures were entered, which is the order of the publication they come from."""
    domains = domains_in_order(statistics)
    if domain:
        domains = [d for d in domains if d == domain]
    periods = sorted({s.period for s in statistics})
    wanted = {
        TerritoryLevel.LOCAL: selection.territory,
        TerritoryLevel.REGION: selection.region,
        TerritoryLevel.QUEBEC: selection.quebec,
    }
    found: dict[tuple[str, str, str], Statistic] = {}
    for s in statistics:
        if wanted.get(s.territory_level) == s.territory_name:
            found.setdefault((s.domain, s.territory_level, s.period), s)
    return [
        _panel(index, title=d, periods=periods, wanted=wanted, found=found, fallback_title=statistics[0].indicator)
        for index, d in enumerate(domains, start=1)
    ]


def _panel(index: int, *, title: str, periods: list[str], wanted: dict, found: dict, fallback_title: str) -> Panel:
    levels = [level for level in LEVEL_ORDER if wanted[level]]
    shown = [found.get((title, level, period)) for level in levels for period in periods]
    values = [s.value for s in shown if s is not None and s.value is not None]
    units = {s.unit for s in shown if s is not None}
    decimals = max((decimals_of(value) for value in values), default=0)
    series: list[Series] = []
    for level in levels:
        cells = [_cell(found.get((title, level, period)), decimals) for period in periods]
        series.append(
            Series(
                index=len(series),
                level=level,
                level_label=str(TerritoryLevel(level).label),
                territory=wanted[level],
                pattern=PATTERNS[len(series)],
                cells=cells,
            )
        )
    unit = units.pop() if len(units) == 1 else ""
    top, step = nice_scale(max(values, default=Decimal(0)))
    panel_id = f"chart-{index}"
    title = title or fallback_title
    return Panel(
        id=panel_id,
        title=title,
        unit=unit,
        periods=periods,
        series=series,
        bars=_bars(series, periods, top, unit),
        ticks=_ticks(top, step),
        period_labels=_period_labels(periods),
        description=_description(title, series, periods, unit),
    )


def _cell(statistic: Statistic | None, decimals: int) -> Cell:
    if statistic is None or statistic.value is None:
        return Cell(value=None, text="", imprecise=statistic is not None and statistic.is_imprecise, missing=True)
    return Cell(
        value=statistic.value,
        text=format_value(statistic.value, decimals),
        imprecise=statistic.is_imprecise,
        missing=False,
    )


def nice_scale(largest: Decimal) -> tuple[float, float]:
    """A round top for the axis just above the largest value, and the step between its ticks (about five)."""
    largest = float(largest)
    if largest <= 0:
        return 1.0, 0.25
    raw_step = largest * 1.1 / 5
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    return step * math.ceil(largest * 1.1 / step), step


def _y(value: float, top: float) -> float:
    plot_height = HEIGHT - TOP - BOTTOM
    return round(HEIGHT - BOTTOM - plot_height * max(value, 0) / top, 1)


def _bars(series: list[Series], periods: list[str], top: float, unit: str) -> list[Bar]:
    if not series or not periods:
        return []
    group_width = (WIDTH - LEFT - RIGHT) / len(periods)
    bar_width = min(group_width * 0.8 / len(series), 64)
    bars = []
    for p, period in enumerate(periods):
        start = LEFT + p * group_width + (group_width - bar_width * len(series)) / 2
        for s in series:
            cell = s.cells[p]
            x = round(start + s.index * bar_width, 1)
            y = _y(float(cell.value or 0), top)
            label = _("n.d.") if cell.missing else f"{cell.text}{' *' if cell.imprecise else ''}"
            bars.append(
                Bar(
                    series=s.index,
                    pattern=s.pattern,
                    x=x,
                    y=y,
                    width=round(bar_width - 4, 1),
                    height=round(HEIGHT - BOTTOM - y, 1),
                    label=label,
                    label_x=round(x + (bar_width - 4) / 2, 1),
                    label_y=round(y - 5, 1),
                    title=_value_sentence(s, period, cell, unit),
                    imprecise=cell.imprecise,
                    missing=cell.missing,
                )
            )
    return bars


def _value_sentence(series: Series, period: str, cell: Cell, unit: str) -> str:
    if cell.missing:
        return _("%(territory)s, %(period)s : donnée manquante") % {"territory": series.territory, "period": period}
    text = _("%(territory)s, %(period)s : %(value)s %(unit)s") % {
        "territory": series.territory,
        "period": period,
        "value": cell.text,
        "unit": unit,
    }
    return f"{text.strip()} ({_('donnée imprécise')})" if cell.imprecise else text.strip()


def _ticks(top: float, step: float) -> list[Tick]:
    count = round(top / step)
    return [Tick(y=_y(i * step, top), label=format_value(Decimal(str(round(i * step, 6))))) for i in range(count + 1)]


def _period_labels(periods: list[str]) -> list[PeriodLabel]:
    group_width = (WIDTH - LEFT - RIGHT) / max(len(periods), 1)
    return [PeriodLabel(x=round(LEFT + (i + 0.5) * group_width, 1), text=p) for i, p in enumerate(periods)]


def _description(title: str, series: list[Series], periods: list[str], unit: str) -> str:
    parts = []
    for s in series:
        values = ", ".join(
            f"{period} : {_('n.d.') if cell.missing else cell.text}"
            for period, cell in zip(periods, s.cells, strict=True)
        )
        parts.append(f"{s.label} — {values}")
    return _("%(title)s, en %(unit)s. %(values)s.") % {"title": title, "unit": unit or "—", "values": " ; ".join(parts)}
