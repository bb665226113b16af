"""The portrait of the service offer: services counted by clientele × territory, gaps and overlaps (Outil 6).

Four aggregate queries whatever the number of organizations or services: the territories, the counts per
territory, the counts of services with no territory, and the totals per clientele.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext

from partnerships.models import Partnership, Territory

from .models import ClienteleCode, Service, clientele_field

# A cell is flagged as a possible overlap when it counts at least twice as many services as the average cell
# that has any, and never below 3: the group then looks at whether those services duplicate or complete each
# other. Relative, so that a large partnership does not see every cell flagged.
OVERLAP_FACTOR = 2
OVERLAP_MINIMUM = 3


def overlap_threshold(counts: list[int]) -> int:
    served = [count for count in counts if count]
    if not served:
        return OVERLAP_MINIMUM
    return max(OVERLAP_MINIMUM, math.ceil(OVERLAP_FACTOR * sum(served) / len(served)))


@dataclass(frozen=True)
class Tally:
    """Services and people reached (sum of the services' yearly reach, where known)."""

    services: int = 0
    reach: int = 0


@dataclass
class GapCell:
    clientele: str
    territory: Territory | None
    count: Tally
    is_overlap: bool = False

    @property
    def is_gap(self) -> bool:
        return self.count.services == 0

    @property
    def clientele_label(self) -> str:
        return str(ClienteleCode(self.clientele).label)

    @property
    def territory_label(self) -> str:
        return self.territory.name if self.territory else gettext("Territoire non précisé")


@dataclass
class GapRow:
    clientele: str
    label: str
    cells: list[GapCell]
    total: Tally


@dataclass
class GapTable:
    territories: list[Territory]
    has_unspecified: bool
    rows: list[GapRow]
    column_totals: list[Tally]
    grand_total: int
    overlap_threshold: int = OVERLAP_MINIMUM
    empty_clienteles: list[str] = field(default_factory=list)
    empty_territories: list[Territory] = field(default_factory=list)
    overlaps: list[GapCell] = field(default_factory=list)


def _aggregates(prefix: str = "") -> dict:
    """For every clientele, the number of services and their summed reach, in one SELECT."""
    result = {"all": Count(f"{prefix}pk", distinct=True)}
    for code in ClienteleCode.values:
        condition = Q(**{f"{prefix}{clientele_field(code)}": True})
        result[f"n_{code}"] = Count(f"{prefix}pk", filter=condition, distinct=True)
        result[f"r_{code}"] = Sum(f"{prefix}reached_per_year", filter=condition)
    return result


def _counts(row: dict, code: str) -> Tally:
    return Tally(services=row.get(f"n_{code}") or 0, reach=row.get(f"r_{code}") or 0)


def gap_table(*, partnership: Partnership, services: QuerySet[Service]) -> GapTable:
    territories = list(Territory.objects.filter(partnership=partnership).order_by("kind", "name"))
    selected = Service.objects.filter(pk__in=services.values("pk"))
    # Each (service, territory) pair is one row of the join, so sums per territory count each service once.
    per_territory = {
        row["territories"]: row
        for row in selected.filter(territories__isnull=False).values("territories").annotate(**_aggregates())
    }
    unspecified = selected.filter(territories__isnull=True).aggregate(**_aggregates())
    totals = selected.aggregate(**_aggregates())
    has_unspecified = bool(unspecified["all"])
    columns: list[tuple[Territory | None, dict]] = [(t, per_territory.get(t.pk, {})) for t in territories]
    if has_unspecified:
        columns.append((None, unspecified))
    rows = [
        GapRow(
            clientele=code,
            label=str(label),
            cells=[GapCell(clientele=code, territory=t, count=_counts(data, code)) for t, data in columns],
            total=_counts(totals, code),
        )
        for code, label in ClienteleCode.choices
    ]
    cells = [cell for row in rows for cell in row.cells]
    threshold = overlap_threshold([cell.count.services for cell in cells])
    for cell in cells:
        cell.is_overlap = cell.count.services >= threshold
    return GapTable(
        territories=territories,
        has_unspecified=has_unspecified,
        rows=rows,
        column_totals=[Tally(services=data.get("all") or 0) for _t, data in columns],
        grand_total=totals["all"] or 0,
        overlap_threshold=threshold,
        empty_clienteles=[row.label for row in rows if row.total.services == 0],
        empty_territories=[t for t in territories if not (per_territory.get(t.pk) or {}).get("all")],
        overlaps=[cell for cell in cells if cell.is_overlap],
    )
