"""A document made of sections of text and tables — most tools' documents — written once for the three formats:
an app builds its sections (`sections(access, cycle) -> list[Section]`) and `sections_document(...)` gives the
PDF, the Word file and the spreadsheet (one sheet per table). A table keeps raw values (numbers, amounts, dates),
shown in the reader's language in the PDF and Word, and left as numbers and dates in the spreadsheet."""

import base64
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from core import text
from core.spreadsheets import Sheet
from cycles.tools import Scope
from partnerships.permissions import Perm

from .registry import Document


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[object]]
    money: frozenset[int] = frozenset()  # indexes of columns of amounts
    signed: frozenset[int] = frozenset()  # indexes of columns of differences, written « +12 », « -3 »
    empty: str = ""  # what the table says when it has no row
    widths: tuple[int, ...] = ()  # the columns' relative widths (a long text beside short numbers); equal if empty

    @property
    def percentages(self) -> list[float]:
        weights = self.widths or (1,) * len(self.headers)
        return [round(100 * weight / sum(weights), 1) for weight in weights]

    def numeric(self, index: int) -> bool:
        given = (row[index] for row in self.rows[:1])
        return index in self.money | self.signed or any(isinstance(value, int | float | Decimal) for value in given)

    @property
    def numeric_columns(self) -> frozenset[int]:
        return frozenset(i for i in range(len(self.headers)) if self.numeric(i))

    def shown(self) -> list[list[str]]:
        return [
            [shown(value, money=i in self.money, signed=i in self.signed) for i, value in enumerate(row)]
            for row in self.rows
        ]


@dataclass
class Figure:
    """A chart: the same SVG as the tool's page, printed in the PDF, and the same drawing as a PNG for the Word
    file (which cannot hold an SVG); the alternative text says what the chart shows, for a reader who cannot see
    it; the notes, under it, how to read it."""

    caption: str
    svg: str  # the <svg> element, with its xmlns
    png: bytes
    description: str  # the alternative text
    notes: list[str] = field(default_factory=list)

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    wide: bool = False  # printed on landscape pages (a table of many columns)


def shown(value: object, *, money: bool = False, signed: bool = False) -> str:
    """A value as the reader's language writes it: « 1 234,5 », « 1er avril 2025 », « oui », « +12 » (signed)."""
    from plan.money import money as format_money

    if value is None or value == "":
        return ""
    if money:
        return format_money(value)
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if signed and isinstance(value, int | float | Decimal):
        return text.signed(value)
    if isinstance(value, Decimal):
        return number_format(value.normalize(), use_l10n=True, force_grouping=True)
    if isinstance(value, int | float):
        return number_format(value, use_l10n=True, force_grouping=True)
    if isinstance(value, datetime.datetime):
        return text.long_datetime(value)
    if isinstance(value, datetime.date):
        return text.long_date(value)
    return str(value)


def write_sections(writer, data: dict) -> None:
    writer.cover_page()
    for section in data["sections"]:
        _write(writer, section, level=1)


def _write(writer, section: Section, *, level: int) -> None:
    writer.heading(section.heading, level)
    for paragraph in section.paragraphs:
        writer.paragraph(paragraph)
    writer.bullets(section.items)
    for figure in section.figures:
        writer.figure(figure.caption, figure.png, description=figure.description)
        for note in figure.notes:
            writer.paragraph(note)
    for table in section.tables:
        if table.rows:
            writer.table(
                table.caption, table.headers, table.shown(), numeric=table.numeric_columns, widths=table.widths
            )
        elif table.empty:
            writer.paragraph(table.empty)
    for subsection in section.subsections:
        _write(writer, subsection, level=min(level + 1, 4))


def section_sheets(data: dict) -> list[Sheet]:
    def tables(section: Section):
        yield from section.tables
        for subsection in section.subsections:
            yield from tables(subsection)

    return [
        Sheet(
            title=table.caption,
            headers=table.headers,
            rows=table.rows,
            widths=[30] * len(table.headers),
            money_columns=table.money,
            signed_columns=table.signed,
        )
        for section in data["sections"]
        for table in tables(section)
    ]


def sections_document(
    *,
    key: str,
    title: Promise,
    tool: int,
    sections: Callable,
    scope: Scope = Scope.CYCLE,
    perm: Perm = Perm.VIEW,
    record: Callable | None = None,
) -> Document:
    """A document of sections; of one record when `record` (its access function) is given, `sections` then
    receiving the record too: (access, cycle, record)."""

    def gather(access, cycle, *record_of) -> dict:
        return {"sections": sections(access, cycle, *record_of)}

    return Document(
        key=key,
        title=title,
        tool=tool,
        gather=gather,
        pdf="documents/sections.html",
        word=write_sections,
        sheets=section_sheets,
        perm=perm,
        scope=scope,
        record=record,
    )
