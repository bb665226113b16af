"""Outil 5's import: the partnership's statistics (« données »), in the format of their export (the « Données »
sheet of analysis/documents.py), one row per figure. A row names its figure by its indicator, domain, territory
level, territory and period (without case, as the database's uniqueness rule does):
a row naming a figure already recorded replaces its value, any other row adds one, so that a corrected file can be
imported again without making duplicates. The columns keep the names of the first statistics files (`indicateur`,
`niveau_territoire`…): those files, and the EQDEM example (analysis/data/eqdem-quebec.csv), still read.

Every row is read by this module's parsers rather than by the entry form: a file holds thousands of figures, and
the form's check of uniqueness costs a query per row; the checks are the form's own (required fields, lengths,
three decimals, a missing value flagged). The changes are written at once (services.statistics_import, in bulk,
with one history entry per figure that says which file it came from)."""

from decimal import Decimal
from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import Cell, quote
from cycles.tools import Scope
from imports.checking import NO_WORDS, YES_WORDS, ImportContext, Row, cell_text, labels, refuse_formula
from imports.reading import normalized
from imports.registry import CHOICE, DECIMAL, FLAG, Change, Column, Importer, Plan, SheetSpec
from partnerships.permissions import Perm

from . import services
from .models import Statistic, TerritoryLevel, statistic_key
from .numbers import (
    DECIMAL_PLACES,
    INTEGER_DIGITS,
    TooLarge,
    TooManyDecimals,
    parse_decimal,
    spreadsheet_number_text,
)

# Each column's key is its name in the first statistics files; the field of Statistic it fills.
TEXT_FIELDS = {
    "indicateur": "indicator",
    "domaine": "domain",
    "territoire": "territory_name",
    "periode": "period",
    "unite": "unit",
    "source": "source",
    "notes": "notes",
}
LEVEL_WORDS: dict[str, str] = {
    "quebec": TerritoryLevel.QUEBEC,
    "ensemble du quebec": TerritoryLevel.QUEBEC,
    "province": TerritoryLevel.QUEBEC,
    "region": TerritoryLevel.REGION,
    "region administrative": TerritoryLevel.REGION,
    "local": TerritoryLevel.LOCAL,
    "territoire local": TerritoryLevel.LOCAL,
}

STATISTICS = SheetSpec(
    key="statistics",
    title=gettext_lazy("Données"),
    columns=(
        Column(
            "indicateur",
            gettext_lazy("Indicateur"),
            required=True,
            form_field=False,
            help=gettext_lazy("Ce que mesure la donnée, écrit de la même façon pour tous les territoires."),
        ),
        Column(
            "domaine",
            gettext_lazy("Domaine"),
            form_field=False,
            help=gettext_lazy("Thème ou domaine de développement (ex. : Compétences sociales)."),
        ),
        Column(
            "niveau_territoire",
            gettext_lazy("Niveau de territoire"),
            required=True,
            kind=CHOICE,
            choices=tuple(TerritoryLevel.choices),
            form_field=False,
        ),
        Column(
            "territoire",
            gettext_lazy("Territoire"),
            required=True,
            form_field=False,
            help=gettext_lazy("Nom du territoire (ex. : Lanaudière, RLS de Joliette)."),
        ),
        Column(
            "periode",
            gettext_lazy("Période"),
            required=True,
            form_field=False,
            help=gettext_lazy("Année ou période (ex. : 2022 ou 2021-2022)."),
        ),
        Column(
            "valeur",
            gettext_lazy("Valeur"),
            required=True,
            kind=DECIMAL,
            form_field=False,
            help=gettext_lazy("Au plus trois décimales ; vide si la donnée est manquante."),
        ),
        Column("unite", gettext_lazy("Unité"), form_field=False, help=gettext_lazy("Par exemple %, nombre, $.")),
        Column(
            "imprecise",
            gettext_lazy("Imprécise"),
            kind=FLAG,
            form_field=False,
            help=gettext_lazy("oui si la donnée est imprécise (petit territoire) ou manquante."),
        ),
        Column(
            "source",
            gettext_lazy("Source"),
            form_field=False,
            help=gettext_lazy("Organisme et publication d'où vient la donnée."),
        ),
        Column("notes", gettext_lazy("Notes"), form_field=False, help=gettext_lazy("Précisions utiles à la lecture.")),
    ),
    # A real published figure: importing the template unchanged does no harm.
    example=(
        "Enfants vulnérables à la maternelle (EQDEM)",
        "Au moins un domaine",
        "quebec",
        "Québec",
        "2022",
        28.7,
        "%",
        "non",
        "Institut de la statistique du Québec, EQDEM",
        "",
    ),
)


def export_rows(statistics) -> list[list[object]]:
    """The export's rows, in the order of STATISTICS' columns (the level by its label, the flag as oui or non)."""
    return [
        [
            s.indicator,
            s.domain,
            s.get_territory_level_display(),
            s.territory_name,
            s.period,
            s.value,
            s.unit,
            _("oui") if s.is_imprecise else _("non"),
            s.source,
            s.notes,
        ]
        for s in statistics
    ]


def statistic_of(row: Row) -> tuple[Statistic | None, list[tuple[str, str]]]:
    """The figure a row gives (not saved), or the (column key, message) of each cell refused."""
    refused: list[tuple[str, str]] = []
    values: dict[str, object] = {}
    for column in STATISTICS.columns:
        try:
            refuse_formula(row.cells.get(column.key))
        except ValueError as error:
            refused.append((column.key, str(error)))
    formulas = {key for key, _message in refused}
    for key, name in TEXT_FIELDS.items():
        values[name] = " ".join(row.text(key).split())
        problem = _length_problem(name, values[name])
        if problem is None and STATISTICS.column(key).required and not values[name]:
            problem = _("Valeur obligatoire manquante.")
        if problem and key not in formulas:
            refused.append((key, problem))
    for key, name, parse in (
        ("niveau_territoire", "territory_level", parse_level),
        ("valeur", "value", parse_value),
        ("imprecise", "is_imprecise", parse_flag),
    ):
        if key in formulas:
            continue
        try:
            values[name] = parse(row.cells.get(key))
        except ValueError as error:
            refused.append((key, str(error)))
    if refused:
        order = [column.key for column in STATISTICS.columns]
        return None, sorted(refused, key=lambda item: order.index(item[0]))
    # A figure left empty is missing, which the flag records, so that no chart shows it as zero.
    values["is_imprecise"] = values["is_imprecise"] or values["value"] is None
    return Statistic(**values), []


def _length_problem(name: str, text: str) -> str | None:
    limit = Statistic._meta.get_field(name).max_length
    if limit and len(text) > limit:
        return _("Texte trop long : %(length)s caractères pour un maximum de %(max)s.") % {
            "length": len(text),
            "max": limit,
        }
    return None


def parse_level(cell: Cell) -> str:
    """quebec, region or local, or a level's label in French or in English."""
    text = normalized(cell_text(cell))
    if text in LEVEL_WORDS:
        return LEVEL_WORDS[text]
    for code, label in TerritoryLevel.choices:
        if text in {normalized(word) for word in labels(label)}:
            return code
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
        # 0.1 + 0.2 is 0.30000000000000004 in binary: the spreadsheet shows 0,3, and 0,3 is what is kept.
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
    text = normalized(cell_text(cell))
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValueError(_("« %(value)s » : écrivez oui ou non.") % {"value": quote(cell_text(cell))})


def check(context: ImportContext, tables: dict[str, list[Row]]) -> Plan:
    partnership = context.access.partnership
    existing = {statistic_key(s): s for s in Statistic.objects.filter(partnership=partnership)}
    seen: dict[tuple, int] = {}
    plan = Plan(write_all=partial(_write, context))
    for row in tables.get(STATISTICS.key, []):
        statistic, refused = statistic_of(row)
        for column, message in refused:
            context.problem(row, message, column)
        if statistic is None:
            continue
        key = statistic_key(statistic)
        if key in seen:
            message = _("Cette ligne répète la ligne %(line)s (même indicateur, domaine, territoire et période).") % {
                "line": seen[key]
            }
            context.problem(row, message)
            continue
        seen[key] = row.line
        current = existing.get(key)
        if current is not None and services.statistic_unchanged(current, statistic):
            plan.unchanged += 1
        else:
            plan.changes.append(Change(created=current is None, record=statistic))
    return plan


def _write(context: ImportContext, changes: list[Change]) -> None:
    services.statistics_import(
        partnership=context.access.partnership,
        statistics=[change.record for change in changes],
        user=context.user,
        reason=_("Importation du fichier %(name)s") % {"name": context.file_name},
    )


IMPORTERS = (
    Importer(
        key="donnees",
        title=gettext_lazy("Importer des données"),
        tool=5,
        sheets=(STATISTICS,),
        check=check,
        perm=Perm.EDIT_ANALYSIS,
        back="analysis:statistics",
        scope=Scope.PARTNERSHIP,
        document="donnees",
        rules=(
            gettext_lazy(
                "Une ligne dont l'indicateur, le domaine, le niveau de territoire, le territoire et la période sont "
                "ceux d'une donnée déjà enregistrée (sans égard aux majuscules) en remplace la valeur ; toute autre "
                "ligne ajoute une donnée. Importer de nouveau un fichier corrigé ne crée pas de doublon."
            ),
            gettext_lazy(
                "Les noms de colonnes des premiers fichiers de données (indicateur, domaine, niveau_territoire, "
                "territoire, periode, valeur, unite, imprecise, source, notes) sont aussi acceptés."
            ),
        ),
    ),
)
