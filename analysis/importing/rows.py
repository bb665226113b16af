"""From a table of cells to statistics: every row checked, every problem named by line and column."""

import unicodedata
from decimal import Decimal

from django.utils.translation import gettext as _

from core.imports import quote

from ..models import Statistic
from ..numbers import (
    DECIMAL_PLACES,
    INTEGER_DIGITS,
    TooLarge,
    TooManyDecimals,
    parse_decimal,
    spreadsheet_number_text,
)
from .model import (
    COLUMNS,
    LEVEL_WORDS,
    MODEL_FIELDS,
    NO_WORDS,
    REQUIRED_COLUMNS,
    YES_WORDS,
    Cell,
    ImportProblem,
    ImportResult,
    StatisticRow,
    Table,
    cell_text,
)


def validate_table(table: Table) -> ImportResult:
    positions, problems = check_header(table.header)
    if problems:
        return ImportResult(problems=problems)
    result = ImportResult()
    seen: dict[tuple, int] = {}
    for line, cells in table.rows:
        row, row_problems = parse_row(line, cells, positions)
        result.problems.extend(row_problems)
        if row is None:
            continue
        if row.key in seen:
            result.problems.append(
                ImportProblem(
                    _("Cette ligne répète la ligne %(line)s (même indicateur, domaine, territoire et période).")
                    % {"line": seen[row.key]},
                    line=line,
                )
            )
            continue
        seen[row.key] = line
        result.rows.append(row)
    return result


def normalize_header(cell: Cell) -> str:
    """`Niveau territoire`, `niveau-territoire` and `NIVEAU_TERRITOIRE` all name the same column; so do `période`
    and `periode`."""
    text = unicodedata.normalize("NFKD", cell_text(cell)).encode("ascii", "ignore").decode().lower()
    return "_".join(text.replace("-", " ").split())


def check_header(header: list[Cell]) -> tuple[dict[str, int], list[ImportProblem]]:
    positions: dict[str, int] = {}
    problems: list[ImportProblem] = []
    for index, cell in enumerate(header):
        name = normalize_header(cell)
        if not name:
            continue
        if name not in COLUMNS:
            problems.append(
                ImportProblem(_("Colonne inconnue : « %(name)s ».") % {"name": quote(cell_text(cell))}, line=1)
            )
        elif name in positions:
            problems.append(ImportProblem(_("La colonne est présente deux fois."), line=1, column=name))
        else:
            positions[name] = index
    for name in REQUIRED_COLUMNS:
        if name not in positions:
            problems.append(ImportProblem(_("Colonne obligatoire absente."), line=1, column=name))
    if problems:
        problems.append(ImportProblem(_("Colonnes attendues : %(names)s.") % {"names": ", ".join(COLUMNS)}, line=1))
    return positions, problems


def parse_row(
    line: int, cells: list[Cell], positions: dict[str, int]
) -> tuple[StatisticRow | None, list[ImportProblem]]:
    def cell(name: str) -> Cell:
        index = positions.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    problems: list[ImportProblem] = []
    values: dict[str, object] = {}
    for column, model_field in MODEL_FIELDS.items():
        values[model_field] = cell_text(cell(column))
        problem = _check_length(column, model_field, values[model_field])
        if problem is None and column in REQUIRED_COLUMNS and not values[model_field]:
            problem = _("Valeur obligatoire manquante.")
        if problem:
            problems.append(ImportProblem(problem, line=line, column=column))
    for column, parse in (("niveau_territoire", parse_level), ("valeur", parse_value), ("imprecise", parse_flag)):
        try:
            values[column] = parse(cell(column))
        except ValueError as error:
            problems.append(ImportProblem(str(error), line=line, column=column))
    if problems:
        return None, problems
    return StatisticRow(
        line=line,
        territory_level=values["niveau_territoire"],
        value=values["valeur"],
        # A figure left empty is missing, which the flag records, so that no chart shows it as zero.
        is_imprecise=values["imprecise"] or values["valeur"] is None,
        **{model_field: values[model_field] for model_field in MODEL_FIELDS.values()},
    ), []


def _check_length(column: str, model_field: str, text: str) -> str | None:
    limit = Statistic._meta.get_field(model_field).max_length
    if limit and len(text) > limit:
        return _("Texte trop long : %(length)s caractères pour un maximum de %(max)s.") % {
            "length": len(text),
            "max": limit,
        }
    return None


def parse_level(cell: Cell) -> str:
    text = normalize_header(cell).replace("_", " ")
    if text in LEVEL_WORDS:
        return LEVEL_WORDS[text]
    if not text:
        raise ValueError(_("Valeur obligatoire manquante : quebec, region ou local."))
    raise ValueError(
        _("Niveau de territoire inconnu : « %(value)s ». Écrivez quebec, region ou local.")
        % {"value": quote(cell_text(cell))}
    )


def parse_value(cell: Cell) -> Decimal | None:
    if isinstance(cell, bool):
        raise ValueError(_("« %(value)s » n'est pas un nombre.") % {"value": quote(cell)})
    if isinstance(cell, int | float | Decimal):
        cell = spreadsheet_number_text(cell)
    text = cell_text(cell)
    if not text:
        return None
    try:
        return parse_decimal(text)
    except TooManyDecimals as error:
        raise ValueError(
            _("« %(value)s » : au plus %(max)s décimales (la valeur en a %(count)s). Arrondissez-la.")
            % {"value": quote(text), "max": DECIMAL_PLACES, "count": error.decimals}
        ) from error
    except TooLarge as error:
        raise ValueError(
            _("« %(value)s » : au plus %(digits)s chiffres avant la virgule.")
            % {"value": quote(text), "digits": INTEGER_DIGITS}
        ) from error
    except ValueError as error:
        raise ValueError(
            _("« %(value)s » n'est pas un nombre : écrivez par exemple 12,5 ou 12.5.") % {"value": quote(text)}
        ) from error


def parse_flag(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    text = normalize_header(cell)
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValueError(_("« %(value)s » : écrivez oui ou non.") % {"value": quote(cell_text(cell))})
