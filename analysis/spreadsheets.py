"""The files a person downloads to prepare an import: the empty template and the EQDEM example."""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _

from .importing import COLUMNS

EXAMPLE_PATH = Path(__file__).resolve().parent / "data" / "eqdem-quebec.csv"
EXAMPLE_FILENAME = "eqdem-quebec.csv"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    data = workbook.active
    data.title = _("Données")
    data.append(COLUMNS)
    sample = list(SAMPLE_ROW)
    sample[5] = float(sample[5])
    data.append(sample)
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (45, 30, 18, 28, 12, 10, 10, 12, 40, 30), strict=True):
        data.column_dimensions[letter].width = width
    notes = workbook.create_sheet(_("Mode d'emploi"))
    notes.append([_("Colonne"), _("Contenu")])
    for name, explanation in column_help():
        notes.append([name, explanation])
    notes.append([])
    notes.append([_("Seule la première feuille est importée. Une ligne par donnée.")])
    notes.column_dimensions["A"].width = 20
    notes.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def example_csv() -> bytes:
    return EXAMPLE_PATH.read_bytes()
