"""The files a person downloads to prepare an import: the empty template and the EQDEM example."""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _

from core.spreadsheets import Sheet, workbook_bytes

from .importing import COLUMNS

EXAMPLE_PATH = Path(__file__).resolve().parent / "data" / "eqdem-quebec.csv"
EXAMPLE_FILENAME = "eqdem-quebec.csv"

# One line that shows the expected form of each column; it is a real published figure, so importing the
# template unchanged does no harm.
SAMPLE_ROW = (
    "Enfants vulnérables à la maternelle (EQDEM)",
    "Au moins un domaine",
    "quebec",
    "Québec",
    "2022",
    "28.7",
    "%",
    "non",
    "Institut de la statistique du Québec, EQDEM",
    "",
)


def column_help() -> list[tuple[str, str]]:
    return [
        ("indicateur", _("Obligatoire. Ce que mesure la donnée, écrit de la même façon pour tous les territoires.")),
        ("domaine", _("Facultatif. Thème ou domaine de développement (ex. : Compétences sociales).")),
        ("niveau_territoire", _("Obligatoire. quebec, region ou local.")),
        ("territoire", _("Obligatoire. Nom du territoire (ex. : Lanaudière, RLS de Joliette).")),
        ("periode", _("Obligatoire. Année ou période (ex. : 2022 ou 2021-2022).")),
        ("valeur", _("Nombre avec une virgule ou un point ; vide si la donnée est manquante.")),
        ("unite", _("Facultatif. Par exemple %, nombre, $.")),
        ("imprecise", _("oui si la donnée est imprécise (petit territoire) ou manquante ; sinon non.")),
        ("source", _("Facultatif. Organisme et publication d'où vient la donnée.")),
        ("notes", _("Facultatif. Précisions utiles à la lecture.")),
    ]


def template_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerow(SAMPLE_ROW)
    # The BOM lets Excel recognize UTF-8 and keep the accents.
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    sample = list(SAMPLE_ROW)
    sample[5] = float(sample[5])
    notes = [[name, explanation] for name, explanation in column_help()]
    notes += [[], [_("Seule la première feuille est importée. Une ligne par donnée.")]]
    return workbook_bytes(
        [
            Sheet(
                title=_("Données"),
                headers=list(COLUMNS),
                rows=[sample],
                widths=[45, 30, 18, 28, 12, 10, 10, 12, 40, 30],
            ),
            Sheet(title=_("Mode d'emploi"), headers=[_("Colonne"), _("Contenu")], rows=notes, widths=[20, 100]),
        ]
    )


def example_csv() -> bytes:
    return EXAMPLE_PATH.read_bytes()
