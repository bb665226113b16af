"""The one guard every spreadsheet import goes through (statistics today; services, matrix, measurements, plans
and archives later).

An XLSX file is a zip archive: a few kilobytes can declare gigabytes once expanded, a sheet can declare a million
columns, and openpyxl loads the shared strings whole. So, before any parsing:

1. the archive's directory is read (entries, their declared uncompressed sizes, their compression ratio) and a
   file that is too big once expanded, made of too many parts or carrying macros is refused; zipfile then never
   inflates an entry past its declared size (a lying header ends in a CRC error, not in memory);
2. the first sheet is read with openpyxl in streaming mode, its declared dimension ignored, the columns, rows and
   total text bounded as the cells arrive.

Any row source (CSV too) goes through `bounded_rows`. What a message quotes from the file is cut by `quote`.
"""

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

Cell = str | int | float | Decimal | bool | date | datetime | None

MEBIBYTE = 1024 * 1024
QUOTE_LENGTH = 80


@dataclass(frozen=True)
class SpreadsheetLimits:
    """What one import may cost. The defaults hold a 5,000-line table of a few dozen columns many times over."""

    max_rows: int = 5000
    max_columns: int = 50
    max_text_chars: int = 10_000_000
    max_entries: int = 200
    max_total_bytes: int = 100 * MEBIBYTE
    max_part_bytes: int = 50 * MEBIBYTE
    # openpyxl keeps the shared strings in memory, even in streaming mode.
    max_shared_strings_bytes: int = 10 * MEBIBYTE
    max_ratio: int = 100
    # Below this size a part may compress as well as it likes: no ratio check.
    ratio_floor_bytes: int = MEBIBYTE


class SpreadsheetRefused(Exception):
    """The file cannot be read safely; the message (in the person's language) says why and what to do."""


def quote(text: object, length: int = QUOTE_LENGTH) -> str:
    """What a message may repeat of the file: one line, at most `length` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def xlsx_rows(content: bytes, limits: SpreadsheetLimits | None = None) -> Iterator[list[Cell]]:
    """The rows of the workbook's first sheet as lists of values, bounded; raises SpreadsheetRefused."""
    limits = limits or SpreadsheetLimits()
    if not content.startswith(b"PK\x03\x04"):
        raise SpreadsheetRefused(_("Le fichier porte l'extension .xlsx mais son contenu n'est pas un classeur Excel."))
    check_xlsx_archive(content, limits)
    return bounded_rows(_sheet_rows(content, limits), limits)


def check_xlsx_archive(content: bytes, limits: SpreadsheetLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise SpreadsheetRefused(_("Le classeur Excel est illisible ou endommagé.")) from error
    if len(entries) > limits.max_entries:
        raise SpreadsheetRefused(
            _("Le classeur contient %(count)s éléments internes (au plus %(max)s) : ce n'est pas un simple tableau.")
            % {"count": len(entries), "max": limits.max_entries}
        )
    if any(_is_macro(entry.filename) for entry in entries):
        raise SpreadsheetRefused(
            _("Le classeur contient des macros : enregistrez-le sans macros (format .xlsx ordinaire) ou en CSV.")
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_total_bytes or any(_too_big(entry, limits) for entry in entries):
        raise SpreadsheetRefused(_too_big_message(limits))


def _is_macro(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith("vbaproject.bin") or lowered.startswith("xl/activex/")


def _too_big(entry: zipfile.ZipInfo, limits: SpreadsheetLimits) -> bool:
    limit = limits.max_shared_strings_bytes if entry.filename == "xl/sharedStrings.xml" else limits.max_part_bytes
    if entry.file_size > limit:
        return True
    compressed = max(entry.compress_size, 1)
    return entry.file_size > limits.ratio_floor_bytes and entry.file_size / compressed > limits.max_ratio


def _too_big_message(limits: SpreadsheetLimits) -> str:
    return _(
        "Une fois décompressé, le classeur serait démesuré pour un tableau de données (au plus %(max)s lignes et "
        "%(columns)s colonnes) : n'y laissez que le tableau à importer, ou enregistrez-le en CSV."
    ) % {"max": limits.max_rows, "columns": limits.max_columns}


def _sheet_rows(content: bytes, limits: SpreadsheetLimits) -> Iterator[tuple]:
    from openpyxl import load_workbook  # heavy; only an import needs it

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SpreadsheetRefused(_("Le classeur Excel est illisible ou endommagé.")) from error
    try:
        sheet = workbook.worksheets[0]
        # The declared dimension (A1:XFD6000) is the file's word, not its content: reading it would pad every
        # row to 16,384 cells. One column past the limit is read, to tell the person their table is too wide.
        sheet.reset_dimensions()
        yield from sheet.iter_rows(max_row=limits.max_rows + 2, max_col=limits.max_columns + 1, values_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SpreadsheetRefused(_("Le classeur Excel est illisible ou endommagé.")) from error
    finally:
        workbook.close()


def bounded_rows(rows: Iterable[Iterable[Cell]], limits: SpreadsheetLimits) -> Iterator[list[Cell]]:
    """Pass rows through while they stay within the columns and text limits; stop after one row too many (the
    caller says the file is too long)."""
    text_chars = 0
    for number, row in enumerate(rows, start=1):
        cells = _trimmed(row, limits.max_columns)
        text_chars += sum(len(cell) for cell in cells if isinstance(cell, str))
        if text_chars > limits.max_text_chars:
            raise SpreadsheetRefused(_too_big_message(limits))
        yield cells
        if number > limits.max_rows + 1:
            return


def _trimmed(row: Iterable[Cell], max_columns: int) -> list[Cell]:
    cells = list(row)
    while cells and cells[-1] in (None, ""):
        cells.pop()
    if len(cells) > max_columns:
        raise SpreadsheetRefused(
            _("Le tableau a plus de %(max)s colonnes : n'y laissez que les colonnes à importer.") % {"max": max_columns}
        )
    return cells


class Formula(str):
    """A cell that holds a formula, as its text (`=SUM(A1:A3)`): never evaluated, never taken for a value."""


def xlsx_sheets(content: bytes, limits: SpreadsheetLimits | None = None) -> list[tuple[str, list[list[Cell]]]]:
    """Every sheet of the workbook as (title, rows), bounded like `xlsx_rows`; a formula comes as a `Formula`
    (the text that Excel would evaluate), not as the value Excel last computed. Raises SpreadsheetRefused."""
    from openpyxl import load_workbook

    limits = limits or SpreadsheetLimits()
    if not content.startswith(b"PK\x03\x04"):
        raise SpreadsheetRefused(_("Le fichier porte l'extension .xlsx mais son contenu n'est pas un classeur Excel."))
    check_xlsx_archive(content, limits)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SpreadsheetRefused(_("Le classeur Excel est illisible ou endommagé.")) from error
    try:
        return [(sheet.title, list(bounded_rows(_cells(sheet, limits), limits))) for sheet in workbook.worksheets]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SpreadsheetRefused(_("Le classeur Excel est illisible ou endommagé.")) from error
    finally:
        workbook.close()


def _cells(sheet, limits: SpreadsheetLimits) -> Iterator[list[Cell]]:
    sheet.reset_dimensions()  # as in _sheet_rows: the declared dimension is the file's word
    for row in sheet.iter_rows(max_row=limits.max_rows + 2, max_col=limits.max_columns + 1):
        yield [Formula(cell.value) if cell.data_type == "f" else cell.value for cell in row]
