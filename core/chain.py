"""The chain of the approach, both ways: every item shows where it comes from and what depends on it.

data → finding → priority → objective → desired transformation → indicator and action → (later) follow-up report,
measurement, evaluation decision. No page writes its own "where it comes from" template: each model of the chain
declares, once, the page that shows one of its records and the relations to the records it comes from —

    class Finding(VersionedModel):
        ...
        CHAIN = ChainNode(
            page="analysis:finding_detail",
            kwargs={"cycle_pk": "cycle_id", "finding_pk": "pk"},
            comes_from=("statistics", "observations", "services", "interventions"),
        )

— and "what depends on it" follows from the other models' declarations: a model that names `finding` in its
`comes_from` is listed under every finding it points to. A new tool joins the chain by declaring its own
`CHAIN` (a decision naming `("finding", "priority", "objective", "transformation", "action")`, a report naming
`("action",)`); the pages of the records it points to then list it without a change.

A view puts `chain_of(record, partnership=access.partnership)` in its context and the template includes
`core/_chain.html`. The walk reads one query per kind of record and level, never one per record nor per relation,
and only within the partnership; a record reached through its own path to the partnership (a review's
transformation, that transformation's objective) comes joined to the record that reaches it, at no query.
"""

import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, reduce

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import PartnershipQuerySet

LABEL_LENGTH = 120
MAX_DEPTH = 12  # longer than any chain of the approach; a guard against a declaration that loops


@dataclass(frozen=True)
class ChainNode:
    """How a model takes part in the chain.

    `page` is the URL name of a record's page; `kwargs` maps that URL's arguments (besides the partnership's
    `slug`) to attribute paths of the record ("pk", "cycle_id", "objective__cycle_id"); `anchor`, if any, is the
    fragment that points at the record on a page that lists several ("priorite-{id}", formatted with the record's
    fields). `comes_from` names the foreign keys and many-to-many fields that point to the records it rests on,
    each to a model that is in the chain too. `select_related` names the relations the record's name (`str()`)
    reads, so that naming many records costs no query each.
    """

    page: str
    kwargs: Mapping[str, str]
    comes_from: tuple[str, ...] = ()
    anchor: str = ""
    select_related: tuple[str, ...] = ()

    def url(self, record: models.Model, slug: str) -> str:
        values = {name: _resolve(record, path) for name, path in self.kwargs.items()}
        address = reverse(self.page, kwargs={"slug": slug, **values})
        return f"{address}#{self.anchor.format_map(_Fields(record))}" if self.anchor else address

    def cycle_id(self, record: models.Model) -> object:
        """The cycle a record belongs to (its page's `cycle_pk`), None for partnership-wide records."""
        path = self.kwargs.get("cycle_pk")
        return _resolve(record, path) if path else None

    @property
    def joins(self) -> list[str]:
        """The relations the name and the URL read (objective__cycle_id reads the objective), joined in the same
        query."""
        from_url = {path.rsplit("__", 1)[0] for path in self.kwargs.values() if "__" in path}
        return sorted(from_url | set(self.select_related))


@dataclass(frozen=True)
class ChainItem:
    label: str
    url: str


@dataclass
class ChainGroup:
    """The records of one kind at one side of the chain ("Constats", "Priorités"…), nearest kinds first."""

    label: str
    items: list[ChainItem] = field(default_factory=list)


@dataclass(frozen=True)
class Chain:
    """What `core/_chain.html` shows: `sources` (where the record comes from) and `dependents` (what rests on
    it). `shows_sources` is False for a record that rests on nothing, or whose page shows its sources itself."""

    sources: list[ChainGroup]
    dependents: list[ChainGroup]
    shows_sources: bool


@dataclass(frozen=True)
class _Relation:
    model: type[models.Model]  # the model that declares the relation
    field: models.Field  # its foreign key or many-to-many field
    target: type[models.Model]  # the model the field points to


def node_of(model: type[models.Model]) -> ChainNode:
    node = getattr(model, "CHAIN", None)
    if not isinstance(node, ChainNode):
        raise TypeError(f"{model.__name__} is not in the chain: declare `CHAIN = ChainNode(...)` on it")
    return node


@cache
def chained_models() -> tuple[type[models.Model], ...]:
    return tuple(model for model in apps.get_models() if isinstance(getattr(model, "CHAIN", None), ChainNode))


@cache
def _relations() -> tuple[_Relation, ...]:
    found = []
    for model in chained_models():
        for name in node_of(model).comes_from:
            field_ = model._meta.get_field(name)
            if not (field_.many_to_many or field_.many_to_one or field_.one_to_one) or field_.auto_created:
                raise TypeError(f"{model.__name__}.{name} must be a foreign key or a many-to-many field")
            node_of(field_.related_model)  # the target must be in the chain too
            found.append(_Relation(model=model, field=field_, target=field_.related_model))
    return tuple(found)


def sources_of(model: type[models.Model]) -> list[_Relation]:
    return [relation for relation in _relations() if relation.model is model]


def dependents_of(model: type[models.Model]) -> list[_Relation]:
    return [relation for relation in _relations() if relation.target is model]


def chain_of(record: models.Model, *, partnership, sources: bool = True) -> Chain:
    """The records `record` comes from, and those that depend on it, each side walked to its end and grouped by
    kind. `sources=False` for a page that already shows what the record rests on (a finding's evidence). A record
    of another cycle than `record`'s (a copy made when the next cycle started, the record it was copied from) is
    named with its cycle."""
    model = type(record)
    node_of(model)
    shows_sources = sources and bool(node_of(model).comes_from)
    upstream = _walk(record, partnership, upstream=True) if shows_sources else {}
    downstream = _walk(record, partnership, upstream=False)
    cycles = _other_cycles(node_of(model).cycle_id(record), (upstream, downstream))
    return Chain(
        sources=[_group(kind, found.values(), partnership.slug, cycles) for kind, found in upstream.items()],
        dependents=[_group(kind, found.values(), partnership.slug, cycles) for kind, found in downstream.items()],
        shows_sources=shows_sources,
    )


def _other_cycles(here: object, sides: Iterable[dict]) -> dict[object, str]:
    """The names of the cycles, other than the record's own, that the reached records belong to: one query, none
    when every record is of the record's cycle. A partnership-wide record (a statistic) names none: every record
    resting on it is of some cycle."""
    if here is None:
        return {}
    others = {
        node_of(kind).cycle_id(found) for side in sides for kind, records in side.items() for found in records.values()
    } - {None, here}
    cycles = apps.get_model("cycles", "Cycle").objects
    return dict(cycles.filter(pk__in=others).values_list("pk", "name")) if others else {}


def _walk(record: models.Model, partnership, *, upstream: bool) -> dict[type[models.Model], dict]:
    """Breadth first from `record`, one side only; each record appears once, in the group of its kind."""
    seen: dict[type[models.Model], dict[object, models.Model]] = {}
    frontier: dict[type[models.Model], list[models.Model]] = {type(record): [record]}
    for depth in range(MAX_DEPTH):
        reached: dict[type[models.Model], list[models.Model]] = {}
        for found in _hop(frontier, partnership, upstream=upstream, joined=depth > 0):
            kind = type(found)
            if found.pk in seen.setdefault(kind, {}) or (kind is type(record) and found.pk == record.pk):
                continue
            seen[kind][found.pk] = found
            reached.setdefault(kind, []).append(found)
        if not reached:
            break
        frontier = reached
    return {kind: records for kind, records in seen.items() if records}


def _hop(
    frontier: Mapping[type[models.Model], list[models.Model]], partnership, *, upstream: bool, joined: bool
) -> list[models.Model]:
    """One level for every record of the frontier at once: one query per kind of record reached, whatever the
    number of relations that reach it. Upstream, a record that a frontier's record reaches through its own path to
    the partnership (a review's transformation) was read in the same query as it (`_upstream_joins`) and costs
    none; `joined` is False for the record the walk starts from, which its caller read."""
    kinds: dict[type[models.Model], tuple[list[models.Model], list[Q]]] = {}
    for model, records in frontier.items():
        for relation in sources_of(model) if upstream else dependents_of(model):
            present, conditions = kinds.setdefault(relation.target if upstream else relation.model, ([], []))
            if upstream and joined and relation.field in _owned(model):
                present.extend(
                    target for found in records if (target := getattr(found, relation.field.name)) is not None
                )
            elif (condition := _reached(relation, records, upstream=upstream)) is not None:
                conditions.append(condition)
    found: list[models.Model] = []
    for kind, (present, conditions) in kinds.items():
        found.extend(present)
        if conditions:
            found.extend(_queryset(kind, partnership, upstream=upstream).filter(reduce(operator.or_, conditions)))
    return found


def _reached(relation: _Relation, records: list[models.Model], *, upstream: bool) -> Q | None:
    """The records one hop through `relation` reaches from `records`, as a condition on the other side's model;
    None when a foreign key of none of them is set."""
    field_ = relation.field
    pks = [found.pk for found in records]
    if field_.many_to_many:
        through = field_.remote_field.through._default_manager
        here, there = field_.m2m_field_name(), field_.m2m_reverse_field_name()
        if upstream:
            return Q(pk__in=through.filter(**{f"{here}__in": pks}).values(there))
        return Q(pk__in=through.filter(**{f"{there}__in": pks}).values(here))
    if not upstream:
        return Q(**{f"{field_.name}__in": pks})
    pointed = {value for found in records if (value := getattr(found, field_.attname)) is not None}
    return Q(pk__in=pointed) if pointed else None


@cache
def _owned(model: type[models.Model]) -> frozenset[models.Field]:
    """The foreign keys of `model`'s `comes_from` on its path to the partnership (a review's transformation): the
    record they point to is of the partnership whenever the record is, so it is joined rather than checked."""
    path = getattr(model, "PARTNERSHIP_PATH", "")
    return frozenset(
        relation.field
        for relation in sources_of(model)
        if not relation.field.many_to_many
        and path.startswith(f"{relation.field.name}__")
        and getattr(relation.target, "PARTNERSHIP_PATH", None) == path.removeprefix(f"{relation.field.name}__")
        and type(model._default_manager.all()).for_partnership is PartnershipQuerySet.for_partnership
    )


@cache
def _upstream_joins(model: type[models.Model]) -> tuple[str, ...]:
    """What a record read on the upstream side joins: its name's and URL's relations, and the records its owned
    foreign keys point to with theirs, as far as the chain of owned keys goes."""
    joins = set(node_of(model).joins)
    for field_ in _owned(model):
        target = field_.related_model
        joins |= {field_.name} | {f"{field_.name}__{join}" for join in _upstream_joins(target)}
    return tuple(sorted(joins))


def _queryset(model: type[models.Model], partnership, *, upstream: bool = False) -> models.QuerySet:
    records = model._default_manager.all()
    if hasattr(records, "for_partnership"):
        records = records.for_partnership(partnership)
    joins = _upstream_joins(model) if upstream else node_of(model).joins
    return records.select_related(*joins) if joins else records


def _group(
    model: type[models.Model], records: Iterable[models.Model], slug: str, cycles: Mapping[object, str]
) -> ChainGroup:
    node = node_of(model)
    items = [
        ChainItem(label=_label(record, cycles.get(node.cycle_id(record))), url=node.url(record, slug))
        for record in records
    ]
    return ChainGroup(label=capfirst(str(model._meta.verbose_name_plural)), items=items)


def _label(record: models.Model, cycle: str | None) -> str:
    text = " ".join(str(record).split())
    text = text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rstrip() + "…"
    return _("%(record)s (cycle « %(cycle)s »)") % {"record": text, "cycle": cycle} if cycle else text


def _resolve(record: models.Model, path: str) -> object:
    value: object = record
    for part in path.split("__"):
        value = getattr(value, part)
    return value


class _Fields(dict):
    """A record's fields for an anchor's format string ("priorite-{id}")."""

    def __init__(self, record: models.Model) -> None:
        super().__init__()
        self.record = record

    def __missing__(self, key: str) -> object:
        return _resolve(self.record, key)
