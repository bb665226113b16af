"""What an import reads and reports: the expected columns, a row ready to be saved, a problem found."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from ..models import Statistic, TerritoryLevel

MAX_ROWS = 5000

COLUMNS: tuple[str, ...] = (
    "indicateur",
    "domaine",
    "niveau_territoire",
    "territoire",
    "periode",
    "valeur",
    "unite",
    "imprecise",
    "source",
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("indicateur", "niveau_territoire", "territoire", "periode", "valeur")
MODEL_FIELDS: dict[str, str] = {
    "indicateur": "indicator",
    "domaine": "domain",
    "territoire": "territory_name",
    "periode": "period",
    "unite": "unit",
    "source": "source",
    "notes": "notes",
}
LEVEL_WORDS: dict[str, str] = {
    "quebec": TerritoryLevel.QUEBEC,
    "ensemble du quebec": TerritoryLevel.QUEBEC,
    "province": TerritoryLevel.QUEBEC,
    "region": TerritoryLevel.REGION,
    "region administrative": TerritoryLevel.REGION,
    "local": TerritoryLevel.LOCAL,
    "territoire local": TerritoryLevel.LOCAL,
}
YES_WORDS = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
NO_WORDS = {"non", "n", "no", "faux", "false", "0", ""}

Cell = str | int | float | Decimal | bool | date | datetime | None


@dataclass(frozen=True)
class ImportProblem:
    message: str
    line: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class StatisticRow:
    line: int
    indicator: str
    domain: str
    territory_level: str
    territory_name: str
    period: str
    value: Decimal | None
    unit: str
    is_imprecise: bool
    source: str
    notes: str

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What names one figure: a second row with the same key would say two different things."""
        return statistic_key(self)


@dataclass
class ImportResult:
    rows: list[StatisticRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


@dataclass(frozen=True)
class Table:
    header: list[Cell]
    rows: list[tuple[int, list[Cell]]]  # (line number, cells)


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing row by row is worth reporting."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.problem = ImportProblem(message=message, line=line)


def statistic_key(stat: Statistic | StatisticRow) -> tuple[str, str, str, str, str]:
    return (
        stat.indicator.casefold(),
        stat.domain.casefold(),
        stat.territory_level,
        stat.territory_name.casefold(),
        stat.period.casefold(),
    )


def cell_text(cell: Cell) -> str:
    """A cell as text; a year typed in a spreadsheet comes as the number 2022.0 and must read "2022"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime | date):
        return cell.isoformat()[:10]
    return " ".join(str(cell).split())
