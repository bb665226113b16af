"""The one interface of every spreadsheet import: each app declares its importers in `<app>/imports.py`
(`IMPORTERS = (Importer(...), ...)`, found by `core.hooks.app_modules("imports")`), and this app serves them: the
upload page, the list of problems or the preview, the import, the template.

An importer reads the format its tool's export writes (the same sheets, the same headers), so that exporting and
importing again changes nothing. It names its sheets and their columns, who may import (the permission that edits
that data), and one function, `check(context, tables) -> Plan`, which reads what exists, checks every row through
the app's own form and returns the problems found or the changes to make; the changes are written through the
app's services, all in one transaction, only when no row has a problem."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from django.http import Http404
from django.utils.functional import Promise

from core.hooks import app_modules
from cycles.tools import Scope
from partnerships.permissions import Perm

TEXT, DATE, DECIMAL, FLAG, CHOICE = "text", "date", "decimal", "flag", "choice"


@dataclass(frozen=True)
class Column:
    key: str  # the importer's name for the column, and the form field it fills when `form_field` is true
    label: Promise  # the header the export writes (read in French or in English)
    required: bool = False
    kind: str = TEXT
    help: Promise | str = ""  # what the template's instructions say of the column
    choices: tuple[tuple[str, Promise], ...] = ()  # for CHOICE: (code, label); either is accepted
    form_field: bool = True
    # Other headers read as this column's (a factor's bare name where two factors of a sheet share it): a header
    # that names several columns is refused as ambiguous.
    aliases: tuple[Promise | str, ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: Promise  # the export's sheet title
    columns: tuple[Column, ...]
    example: tuple[object, ...] = ()  # one example row of the template, in the order of the columns
    required: bool = True
    # (partnership) -> the columns that follow `columns` and depend on the partnership's data (the factors of a
    # matrix, one column each); read once per request by `Importer.for_partnership`.
    more_columns: Callable | None = None

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    def for_partnership(self, partnership) -> "SheetSpec":
        if self.more_columns is None:
            return self
        return replace(self, columns=(*self.columns, *self.more_columns(partnership)), more_columns=None)


@dataclass
class Change:
    """One record to create or update; `write()` calls the app's service."""

    created: bool
    write: Callable[[], object] | None = None  # None when the plan writes its changes at once (Plan.write_all)
    record: object = None  # what Plan.write_all writes


@dataclass
class Plan:
    problems: list = field(default_factory=list)  # imports.checking.Problem
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    # (changes) -> writes them all in one call (a bulk write through the app's service), instead of each change's
    # `write`: for an importer of many small records (the statistics of Outil 5).
    write_all: Callable[[list[Change]], object] | None = None

    @property
    def to_create(self) -> int:
        return sum(1 for change in self.changes if change.created)

    @property
    def to_update(self) -> int:
        return sum(1 for change in self.changes if not change.created)


@dataclass(frozen=True)
class Importer:
    key: str
    title: Promise
    tool: int
    sheets: tuple[SheetSpec, ...]
    check: Callable  # (imports.checking.ImportContext, {sheet key: [Row]}) -> Plan
    perm: Perm
    back: str  # the URL name of the page the import starts from and returns to (kwargs: those of its scope)
    scope: Scope = Scope.CYCLE  # an import into a cycle, or into the partnership (organizations, services…)
    document: str = ""  # the key of the XLSX document this importer reads (documents.registry): the page links to it
    rules: tuple[Promise, ...] = ()  # what the page and the template say of matching and updating

    def for_partnership(self, partnership) -> "Importer":
        """The importer with the columns its sheets take in this partnership (see SheetSpec.more_columns)."""
        if all(spec.more_columns is None for spec in self.sheets):
            return self
        return replace(self, sheets=tuple(spec.for_partnership(partnership) for spec in self.sheets))


@cache
def importers() -> dict[str, Importer]:
    found: dict[str, Importer] = {}
    for app, module in app_modules("imports"):
        for importer in getattr(module, "IMPORTERS", ()):
            if importer.key in found:
                raise ValueError(f"{app}.imports: the key {importer.key!r} is taken")
            found[importer.key] = importer
    return found


def find(key: str, *, scope: Scope) -> Importer:
    importer = importers().get(key)
    if importer is None or importer.scope is not scope:
        raise Http404
    return importer


def of_tool(number: int) -> list[Importer]:
    return [importer for importer in importers().values() if importer.tool == number]


def unchanged(current, imported, fields: tuple[str, ...]) -> bool:
    """Whether an import's row says what the record already holds (a re-import of the export changes nothing)."""
    return all(getattr(current, name) == getattr(imported, name) for name in fields)
