"""The one way Concerto writes an Excel workbook (core/imports.py is the one way it reads one): a list of sheets,
each a table with its header row, written with openpyxl.

Every text cell is neutralized: a text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
as a formula by a spreadsheet (formula injection: a partner's service named `=HYPERLINK(…)`), so it is written as
text with a leading apostrophe, which spreadsheets show as the text itself (and so is a text that begins with an
apostrophe, so that an import, which takes one apostrophe off, reads back exactly what was written). Numbers and
dates stay numbers and dates, sortable and summable."""

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "#,##0.00"
SIGNED_FORMAT = "+0;-0;0"  # a difference: +12, -3, 0
DATE_FORMAT = "yyyy-mm-dd"


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list[object]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # in characters; 18 where not given
    money_columns: frozenset[int] = frozenset()  # the indexes of columns of amounts
    signed_columns: frozenset[int] = frozenset()  # the indexes of columns of differences


def neutralized(value: object) -> object:
    """A cell's value as it may be written: text that a spreadsheet would take for a formula becomes plain text."""
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date):
        return value
    text = str(value)
    return f"'{text}" if text.startswith((*FORMULA_STARTS, "'")) else text


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: 31 characters at most, none of []:*?/\\, unique in the workbook."""
    base = (title.translate(SHEET_NAME_FORBIDDEN).strip() or "Feuille")[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def workbook_bytes(sheets: list[Sheet], *, title: str = "") -> bytes:
    from openpyxl import Workbook  # heavy: only a download needs it
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    taken: set[str] = set()
    bold = Font(bold=True)
    for sheet in sheets:
        written = workbook.create_sheet(sheet_name(sheet.title, taken))
        written.freeze_panes = "A2"
        for index in range(len(sheet.headers)):
            width = sheet.widths[index] if index < len(sheet.widths) else 18
            written.column_dimensions[_letter(index)].width = width
        written.append([_cell(written, neutralized(h), font=bold) for h in sheet.headers])
        for row in sheet.rows:
            written.append([_data_cell(written, sheet, i, v) for i, v in enumerate(row)])
    if not sheets:
        workbook.create_sheet("Feuille")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _data_cell(written, sheet: Sheet, index: int, value: object):
    return _cell(written, neutralized(value), money=index in sheet.money_columns, signed=index in sheet.signed_columns)


def _cell(sheet, value: object, *, font=None, money: bool = False, signed: bool = False):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text
    if font is not None:
        cell.font = font
    if money and isinstance(value, int | float | Decimal):
        cell.number_format = MONEY_FORMAT
    elif signed and isinstance(value, int | float | Decimal):
        cell.number_format = SIGNED_FORMAT
    elif isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    return cell


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
