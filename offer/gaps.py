"""The portrait of the service offer: services counted by clientele × territory, gaps and overlaps (Outil 6).

Territories nest (partnerships.territories): a territory's cell counts the services of the territory and of every
territory inside it, each service once, so an MRC no longer reads "no service" while its municipalities have some.
A cell is a real gap only when no service reaches it at all: neither its own, nor those of the territories inside
it, nor those offered across a larger territory that contains it.

Three queries whatever the number of organizations or services: the territories, the services shown (their
clientele flags and reach), and the links between the two; the counting is done in Python over those rows.
"""

import math
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext

from partnerships.models import Partnership, Territory
from partnerships.territories import territory_tree

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
    from_larger: int = 0  # services offered across a larger territory that contains this one
    is_overlap: bool = False

    @property
    def is_gap(self) -> bool:
        """No service reaches the territory for this clientele, from inside it or from a larger one."""
        return self.count.services == 0 and self.from_larger == 0

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


@dataclass(frozen=True)
class GapColumn:
    territory: Territory | None  # None: the services that name no territory
    depth: int = 0
    is_leaf: bool = True
    services: int = 0  # distinct services counted in the column
    from_larger: int = 0


@dataclass
class GapTable:
    columns: list[GapColumn]
    rows: list[GapRow]
    grand_total: int
    overlap_threshold: int = OVERLAP_MINIMUM
    empty_clienteles: list[str] = field(default_factory=list)
    empty_territories: list[Territory] = field(default_factory=list)
    overlaps: list[GapCell] = field(default_factory=list)
    has_territories: bool = False


@dataclass(frozen=True)
class _Service:
    pk: int
    clienteles: frozenset[str]
    reach: int


def _tally(services: list[_Service], code: str) -> Tally:
    chosen = [s for s in services if code in s.clienteles]
    return Tally(services=len(chosen), reach=sum(s.reach for s in chosen))


def gap_table(*, partnership: Partnership, services: QuerySet[Service]) -> GapTable:
    tree = territory_tree(partnership)
    flags = [clientele_field(code) for code in ClienteleCode.values]
    shown = {
        row["pk"]: _Service(
            pk=row["pk"],
            clienteles=frozenset(code for code in ClienteleCode.values if row[clientele_field(code)]),
            reach=row["reached_per_year"] or 0,
        )
        for row in Service.objects.filter(pk__in=services.values("pk")).values("pk", "reached_per_year", *flags)
    }
    links = Service.territories.through.objects.filter(service_id__in=list(shown)).values_list(
        "service_id", "territory_id"
    )
    by_territory: dict[int, set[int]] = {}
    for service_pk, territory_pk in links:
        by_territory.setdefault(territory_pk, set()).add(service_pk)
    placed = {pk for pks in by_territory.values() for pk in pks}
    unplaced = [service for pk, service in shown.items() if pk not in placed]

    def services_in(pks: set[int]) -> list[_Service]:
        return [shown[pk] for pk in sorted({s for t in pks for s in by_territory.get(t, ())})]

    columns: list[tuple[GapColumn, list[_Service], list[_Service]]] = []
    for node in tree:
        inside = services_in(node.within)
        counted = {service.pk for service in inside}
        above = [s for s in services_in({a.pk for a in node.ancestors}) if s.pk not in counted]
        column = GapColumn(
            territory=node.territory,
            depth=node.depth,
            is_leaf=not node.children,
            services=len(inside),
            from_larger=len(above),
        )
        columns.append((column, inside, above))
    if unplaced:
        columns.append((GapColumn(territory=None, services=len(unplaced)), unplaced, []))
    every = list(shown.values())
    rows = [
        GapRow(
            clientele=code,
            label=str(label),
            cells=[
                GapCell(
                    clientele=code,
                    territory=column.territory,
                    count=_tally(inside, code),
                    from_larger=_tally(above, code).services,
                )
                for column, inside, above in columns
            ],
            total=_tally(every, code),
        )
        for code, label in ClienteleCode.choices
    ]
    # Overlaps are looked for where services are placed, not in the sums of larger territories.
    leaves = [cell for row in rows for cell, (column, _i, _a) in zip(row.cells, columns, strict=True) if column.is_leaf]
    threshold = overlap_threshold([cell.count.services for cell in leaves])
    for cell in leaves:
        cell.is_overlap = cell.count.services >= threshold
    return GapTable(
        columns=[column for column, _inside, _above in columns],
        rows=rows,
        grand_total=len(every),
        overlap_threshold=threshold,
        empty_clienteles=[row.label for row in rows if row.total.services == 0],
        empty_territories=[
            column.territory
            for column, _i, _a in columns
            if column.territory is not None and not column.services and not column.from_larger
        ],
        overlaps=[cell for cell in leaves if cell.is_overlap],
        has_territories=bool(tree),
    )
