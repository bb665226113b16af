"""From an uploaded file to the rows of each sheet an importer expects: size and type checked, CSV decoded, the
workbook read through the guard of core.imports (zip bombs, macros, size once expanded), headers matched against
the export's, in French or in English."""

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import translation
from django.utils.translation import gettext as _

from core.imports import Cell, Formula, SpreadsheetLimits, SpreadsheetRefused, bounded_rows, quote, xlsx_sheets
from core.spreadsheets import FORMULA_STARTS, sheet_name

from .checking import Problem, Row
from .registry import Column, Importer, SheetSpec

MAX_ROWS = 5000
LANGUAGES = ("fr", "en")


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing row by row is worth reporting."""


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


def read_upload(upload: UploadedFile) -> Upload:
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        raise FileProblem(_too_big())
    content = upload.read(settings.MAX_UPLOAD_BYTES + 1)
    if len(content) > settings.MAX_UPLOAD_BYTES:
        raise FileProblem(_too_big())
    if not content.strip():
        raise FileProblem(_("Le fichier est vide."))
    if PurePath(upload.name or "").suffix.lower() not in (".xlsx", ".csv"):
        raise FileProblem(_("Ce type de fichier n'est pas accepté : choisissez un fichier XLSX ou CSV."))
    return Upload(name=PurePath(upload.name).name, content=content)


def _too_big() -> str:
    return _("Le fichier dépasse la limite de %(max)s Mo.") % {"max": settings.MAX_UPLOAD_BYTES // (1024 * 1024)}


def tables(importer: Importer, upload: Upload) -> tuple[dict[str, list[Row]], list[Problem]]:
    """The rows of each of the importer's sheets, and the problems of the file's structure (sheets, headers)."""
    limits = SpreadsheetLimits(max_rows=MAX_ROWS)
    try:
        if upload.name.lower().endswith(".csv"):
            sheets = [("", _csv_rows(upload.content, limits))]
        else:
            sheets = xlsx_sheets(upload.content, limits)
    except SpreadsheetRefused as refused:
        raise FileProblem(str(refused)) from refused
    found: dict[str, list[Row]] = {}
    problems: list[Problem] = []
    for spec, rows in _match_sheets(importer, sheets, problems):
        found[spec.key] = _rows(spec, rows, problems)
    if not problems and not any(found.values()):
        raise FileProblem(_("Le fichier ne contient que les lignes d'en-tête : aucune donnée à importer."))
    return found, problems


def _csv_rows(content: bytes, limits: SpreadsheetLimits) -> list[list[Cell]]:
    kind = filetype.guess(content[:8192])
    if kind is not None or b"\x00" in content[:8192]:
        raise FileProblem(_("Le fichier porte l'extension .csv mais son contenu n'est pas du texte."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's « CSV (séparateur : point-virgule) » writes Windows-1252: a file that is not UTF-8 is read so,
        # and its accents come out right (the five bytes Windows-1252 leaves undefined become « � »).
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(bounded_rows(reader, limits))
    except csv.Error as error:
        raise FileProblem(
            _("Le fichier CSV est mal formé à la ligne %(line)s (guillemet non fermé ?).") % {"line": reader.line_num}
        ) from error


def _match_sheets(importer: Importer, sheets, problems: list[Problem]):
    """Each sheet the importer expects, found by its title in either language; a file of one sheet (a CSV) is the
    importer's one sheet whatever its title."""
    if len(importer.sheets) == 1:
        data = [(title, rows) for title, rows in sheets if normalized(title) not in _instruction_titles()]
        if data:
            yield importer.sheets[0], data[0][1]
            return
    if len(sheets) == 1 and not sheets[0][0]:
        # A CSV for an importer of several sheets: the sheet whose headers it has.
        spec = _sheet_of_headers(importer, sheets[0][1])
        if spec is not None:
            yield spec, sheets[0][1]
            return
    by_title = {normalized(title): rows for title, rows in sheets}
    for spec in importer.sheets:
        rows = next((by_title[t] for t in _titles(spec) if t in by_title), None)
        if rows is not None:
            yield spec, rows
        elif spec.required:
            problems.append(Problem(sheet=str(spec.title), message=_("Feuille absente du classeur.")))


def _sheet_of_headers(importer: Importer, rows: list[list[Cell]]) -> SheetSpec | None:
    header = next((cells for cells in rows if any(_text(c) for c in cells)), [])
    found = {normalized(_text(cell)) for cell in header if _text(cell)}
    scores = [(len(found & set(_names(spec))), spec) for spec in importer.sheets]
    best, spec = max(scores, key=lambda score: score[0], default=(0, None))
    return spec if best else None


def _titles(spec: SheetSpec) -> set[str]:
    titles = set()
    for language in LANGUAGES:
        with translation.override(language):
            titles.add(normalized(sheet_name(str(spec.title), set())))
    return titles


def _instruction_titles() -> set[str]:
    from .instructions import INSTRUCTIONS_TITLE

    titles = set()
    for language in LANGUAGES:
        with translation.override(language):
            titles.add(normalized(str(INSTRUCTIONS_TITLE)))
    return titles


def _rows(spec: SheetSpec, rows: list[list[Cell]], problems: list[Problem]) -> list[Row]:
    numbered = [(line, cells) for line, cells in enumerate(rows, start=1) if any(_text(c) for c in cells)]
    if not numbered:
        if spec.required:
            problems.append(Problem(sheet=str(spec.title), message=_("La feuille est vide.")))
        return []
    (header_line, header), *data = numbered
    positions = _positions(spec, header, header_line, problems)
    if len(data) > MAX_ROWS:
        raise FileProblem(
            _("La feuille « %(sheet)s » contient plus de %(max)s lignes : découpez le fichier.")
            % {"sheet": spec.title, "max": MAX_ROWS}
        )
    if positions is None:
        return []
    return [
        Row(spec=spec, line=line, cells={key: unquoted(cells[i]) if i < len(cells) else None for key, i in positions})
        for line, cells in data
    ]


def _names(spec: SheetSpec) -> dict[str, list[Column]]:
    """The columns each header names: its label in either language, its aliases and its key."""
    names: dict[str, list[Column]] = {}
    for column in spec.columns:
        for header in _headers(column):
            named = names.setdefault(header, [])
            if column not in named:
                named.append(column)
    return names


def _headers(column: Column) -> set[str]:
    headers = {normalized(column.key)}
    for language in LANGUAGES:
        with translation.override(language):
            headers.update(normalized(str(name)) for name in (column.label, *column.aliases))
    return headers


def _positions(spec, header, line, problems) -> list[tuple[str, int]] | None:
    names = _names(spec)
    positions: dict[str, int] = {}
    before = len(problems)
    for index, cell in enumerate(header):
        if not _text(cell):
            continue
        named = names.get(normalized(_text(cell)), [])
        if not named:
            problems.append(
                Problem(
                    sheet=str(spec.title),
                    line=line,
                    message=_("Colonne inconnue : « %(name)s ».") % {"name": quote(_text(cell))},
                )
            )
        elif len(named) > 1:
            problems.append(Problem(sheet=str(spec.title), line=line, message=_ambiguous(_text(cell), named)))
        elif named[0].key in positions:
            problems.append(
                Problem(sheet=str(spec.title), line=line, column=str(named[0].label), message=_("Colonne en double."))
            )
        else:
            positions[named[0].key] = index
    for column in spec.columns:
        if column.required and column.key not in positions:
            message = _("Colonne obligatoire absente.")
            problems.append(Problem(sheet=str(spec.title), line=line, column=str(column.label), message=message))
    return None if len(problems) > before else list(positions.items())


def _ambiguous(header: str, columns: list[Column]) -> str:
    message = _("L'en-tête « %(name)s » désigne plusieurs colonnes : %(columns)s. Écrivez celui de la colonne voulue.")
    headers = ", ".join(_("« %(header)s »") % {"header": column.label} for column in columns)
    return message % {"name": quote(header), "columns": headers}


def unquoted(cell: Cell) -> Cell:
    """The export writes a text that a spreadsheet would take for a formula with a leading apostrophe
    (core.spreadsheets.neutralized): reading it back gives the text itself."""
    if isinstance(cell, str) and cell.startswith("'") and not isinstance(cell, Formula):
        return cell[1:] if cell[1:].startswith((*FORMULA_STARTS, "'")) else cell
    return cell


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()


def normalized(text: str) -> str:
    """`Date ou fin de la période`, `date ou fin de la periode`, `DATE OU FIN DE LA PÉRIODE` and
    `date-ou-fin-de-la-periode` are one header (`_` and `-` are spaces, as a key or a typed header may write them)."""
    flat = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()
    return " ".join(flat.replace("_", " ").replace("-", " ").split())
