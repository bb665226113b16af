"""From an uploaded file to a table of cells: checks of size, type and encoding, CSV or XLSX reading."""

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from core.imports import SpreadsheetLimits, SpreadsheetRefused, bounded_rows, xlsx_rows

from ..numbers import format_value
from . import model
from .model import Cell, FileProblem, ImportResult, Table, cell_text
from .rows import validate_table


def read_statistics(upload: UploadedFile) -> ImportResult:
    """The rows of an uploaded CSV or XLSX file, or the list of everything wrong with it."""
    try:
        table = read_table(upload)
    except FileProblem as problem:
        return ImportResult(problems=[problem.problem])
    return validate_table(table)


def read_table(upload: UploadedFile) -> Table:
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        raise FileProblem(
            _("Le fichier pèse %(size)s Mo ; la limite est de %(max)s Mo.")
            % {"size": _megabytes(upload.size), "max": _megabytes(settings.MAX_UPLOAD_BYTES)}
        )
    content = upload.read(settings.MAX_UPLOAD_BYTES + 1)
    if len(content) > settings.MAX_UPLOAD_BYTES:
        raise FileProblem(
            _("Le fichier dépasse la limite de %(max)s Mo.") % {"max": _megabytes(settings.MAX_UPLOAD_BYTES)}
        )
    if not content.strip():
        raise FileProblem(_("Le fichier est vide."))
    extension = PurePath(upload.name or "").suffix.lower()
    if extension == ".xlsx":
        return xlsx_table(content)
    if extension == ".csv":
        return csv_table(content)
    raise FileProblem(_("Ce type de fichier n'est pas accepté : choisissez un fichier CSV (UTF-8) ou XLSX."))


def _megabytes(size: int) -> str:
    return format_value(Decimal(size / (1024 * 1024)).quantize(Decimal("0.1")))


def csv_table(content: bytes) -> Table:
    kind = filetype.guess(content[:8192])
    if kind is not None or b"\x00" in content[:8192]:
        raise FileProblem(
            _("Le fichier porte l'extension .csv mais son contenu n'est pas du texte (%(kind)s) : est-ce un classeur ?")
            % {"kind": kind.extension.upper() if kind else _("fichier binaire")}
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            _(
                "Le fichier n'est pas encodé en UTF-8. Dans Excel, enregistrez-le au format « CSV UTF-8 (délimité "
                "par des virgules) »."
            ),
            line=content[: error.start].count(b"\n") + 1,
        ) from error
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(_numbered(reader))
    except csv.Error as error:
        raise FileProblem(_("Le fichier CSV est mal formé (guillemet non fermé ?)."), line=reader.line_num) from error
    except SpreadsheetRefused as refused:
        raise FileProblem(str(refused), line=reader.line_num) from refused
    return _table(records)


def _delimiter(header_line: str) -> str:
    """Excel in French writes `;` between columns (the comma is the decimal mark); others write `,`."""
    return max((";", ",", "\t"), key=header_line.count)


def _numbered(reader) -> Iterator[tuple[int, list[Cell]]]:
    # bounded_rows stops one row past the limit: enough to say the file is too long, without reading all of it.
    for cells in bounded_rows(reader, _limits()):
        yield reader.line_num, cells


def xlsx_table(content: bytes) -> Table:
    try:
        return _table(list(enumerate(xlsx_rows(content, _limits()), start=1)))
    except SpreadsheetRefused as refused:
        raise FileProblem(str(refused)) from refused


def _limits() -> SpreadsheetLimits:
    return SpreadsheetLimits(max_rows=model.MAX_ROWS)


def _table(records: list[tuple[int, list[Cell]]]) -> Table:
    records = [(line, cells) for line, cells in records if any(cell_text(cell) for cell in cells)]
    if not records:
        raise FileProblem(_("Le fichier est vide."))
    (_header_line, header), *rows = records
    if not rows:
        raise FileProblem(_("Le fichier ne contient que la ligne d'en-tête : aucune donnée à importer."))
    if len(rows) > model.MAX_ROWS:
        raise FileProblem(
            _("Le fichier contient plus de %(max)s lignes de données : découpez-le en plusieurs fichiers.")
            % {"max": model.MAX_ROWS}
        )
    return Table(header=header, rows=rows)
