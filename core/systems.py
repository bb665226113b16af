"""The three systems through which the approach looks at the child: enfant, famille, communauté.

Always shown in that order (the approach's, not the alphabet's), whether a page groups factors, findings,
transformations or cells by system. Models keep a system as its code (`System` choices); a finding or an
observation may concern several, kept as a comma-separated list of codes in one column (see `SystemsField`).
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

T = TypeVar("T")


class System(models.TextChoices):
    CHILD = "enfant", _("Enfant")
    FAMILY = "famille", _("Famille")
    COMMUNITY = "communaute", _("Communauté")


RANK = {code: rank for rank, code in enumerate(System.values)}


def system_rank(field_name: str = "system") -> models.Case:
    """An ordering expression that sorts rows by system in the approach's order: enfant, famille, communauté."""
    whens = [models.When(**{field_name: code}, then=models.Value(rank)) for code, rank in RANK.items()]
    return models.Case(*whens, default=models.Value(len(RANK)), output_field=models.IntegerField())


@dataclass
class SystemGroup(Generic[T]):
    system: str
    label: str
    items: list[T] = field(default_factory=list)


def group_by_system(
    items: Iterable[T],
    *,
    system_of: Callable[[T], str] = lambda item: item.system,
    keep_empty: bool = True,
    group_type: type[SystemGroup] = SystemGroup,
) -> list[SystemGroup[T]]:
    """The three systems in order, each with its items in the order given; `keep_empty=False` leaves out a
    system that has none. `group_type`, a subclass of SystemGroup, adds what one page needs of a group."""
    groups = {code: group_type(system=code, label=str(label)) for code, label in System.choices}
    for item in items:
        groups[system_of(item)].items.append(item)
    return [group for group in groups.values() if keep_empty or group.items]


# --- Several systems in one column ---------------------------------------------------------------------------
#
# A finding or an observation concerns one, two or three systems. Nothing joins on them and the only query is
# "concerns this system", so one column of codes serves better than a relation: no join, no extra prefetch, one
# field in forms and history. No code is part of another, so `contains` is exact (systems_filter).


def parse_systems(value: str | Iterable[str] | None) -> list[str]:
    """Known codes only, in the approach's order, whatever the order or spacing they were stored in."""
    if not value:
        return []
    codes = value.split(",") if isinstance(value, str) else value
    wanted = {code.strip() for code in codes}
    return [code for code in System.values if code in wanted]


def join_systems(codes: Iterable[str]) -> str:
    return ",".join(parse_systems(list(codes)))


def system_labels(value: str | None) -> list[str]:
    return [str(System(code).label) for code in parse_systems(value)]


def systems_text(value: str | None) -> str:
    """The systems in words (enfant,famille -> Enfant, Famille), for a history or a conflict page."""
    return ", ".join(system_labels(value)) or "—"


def systems_filter(code: str, field_name: str = "systems") -> models.Q:
    """Rows whose systems include `code`."""
    return models.Q(**{f"{field_name}__contains": code})


class SystemsField(forms.MultipleChoiceField):
    """Checkboxes for the three systems; cleans to the stored comma-separated codes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("choices", System.choices)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Systèmes"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return parse_systems(value)

    def clean(self, value) -> str:
        return join_systems(super().clean(value))

    def has_changed(self, initial, data) -> bool:
        return parse_systems(initial) != parse_systems(data)


# --- One system at a time ------------------------------------------------------------------------------------
#
# A wide page (the Outil 7 matrix, its coverage map, the Outil 6 portrait) can show one system at a time:
# `?systeme=famille`, with links to the others (core/_system_switch.html); `&projecteur=1` shows it large, with
# nothing else on the screen, for a meeting.


@dataclass(frozen=True)
class SystemView:
    chosen: str | None  # a system's code, or None for all three
    projector: bool
    links: list[tuple[str, str, bool]]  # (label, query string, is the current one)
    following: tuple[str, str] | None  # the next system in projector view: (label, query string)
    projector_url: str
    leave_projector_url: str

    def keep(self, groups: list[SystemGroup]) -> list[SystemGroup]:
        return [group for group in groups if self.chosen in (None, group.system)]


def system_view(query: Mapping[str, str], *, keep: Iterable[str] = ()) -> SystemView:
    """The system chosen in the page's query string; the links keep the other parameters named in `keep`."""
    chosen = query.get("systeme") if query.get("systeme") in System.values else None
    projector = chosen is not None and query.get("projecteur") == "1"
    kept = {name: query[name] for name in keep if query.get(name)}

    def address(code: str | None, *, large: bool) -> str:
        parameters = {**kept, **({"systeme": code} if code else {}), **({"projecteur": "1"} if large else {})}
        return "?" + urlencode(parameters)

    links = [(str(_("Les trois systèmes")), address(None, large=False), chosen is None)]
    links += [(str(label), address(code, large=projector), code == chosen) for code, label in System.choices]
    following = None
    if projector:
        codes = System.values
        code = codes[(codes.index(chosen) + 1) % len(codes)]
        following = (str(System(code).label), address(code, large=True))
    return SystemView(
        chosen=chosen,
        projector=projector,
        links=links,
        following=following,
        projector_url=address(chosen or System.CHILD, large=True),
        leave_projector_url=address(chosen, large=False),
    )
