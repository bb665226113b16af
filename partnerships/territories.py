"""The partnership's territory as a tree: each territory lies in at most one larger one (a municipality in its
MRC). Outil 6 adds counts up the tree; the profile shows it and sets it."""

from dataclasses import dataclass, field

from core.collation import by_name
from core.concurrency import fingerprint

from .models import Partnership, Territory, TerritoryKind

KIND_RANK = {kind: rank for rank, kind in enumerate(TerritoryKind.values)}


@dataclass
class TerritoryNode:
    territory: Territory
    depth: int = 0
    children: list["TerritoryNode"] = field(default_factory=list)
    ancestors: list[Territory] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.territory.pk

    @property
    def within(self) -> set[int]:
        """This territory and every territory inside it, at any depth."""
        return {self.pk, *(pk for child in self.children for pk in child.within)}


def territory_tree(partnership: Partnership) -> list[TerritoryNode]:
    """Every territory once, depth first: each larger territory followed by the ones inside it; within a level,
    by kind (RLS, MRC, municipality, neighbourhood) then name. One query."""
    territories = list(Territory.objects.filter(partnership=partnership).order_by(by_name("name")))
    nodes = {t.pk: TerritoryNode(t) for t in territories}
    roots = []
    for territory in sorted(territories, key=lambda t: KIND_RANK[t.kind]):
        node = nodes[territory.pk]
        parent = nodes.get(territory.parent_id)
        (parent.children if parent else roots).append(node)
    ordered: list[TerritoryNode] = []

    def visit(node: TerritoryNode, depth: int, ancestors: list[Territory]) -> None:
        node.depth, node.ancestors = depth, ancestors
        ordered.append(node)
        for child in node.children:
            visit(child, depth + 1, [*ancestors, node.territory])

    for root in roots:
        visit(root, 0, [])
    return ordered


def territories_within(territory: Territory) -> set[int]:
    """The territory and every territory inside it, at any depth (one query)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Territory.objects.filter(partnership_id=territory.partnership_id).values_list("pk", "parent"):
        children.setdefault(parent, []).append(pk)
    found, todo = set(), [territory.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


def nesting_fingerprint(territories: list[Territory]) -> str:
    return fingerprint(sorted((t.pk, t.parent_id) for t in territories))


def parent_choices(territory: Territory, territories: list[Territory]) -> list[Territory]:
    """The territories this one may lie in: those of a larger kind."""
    larger = set(TerritoryKind(territory.kind).larger)
    return [t for t in territories if t.kind in larger]
