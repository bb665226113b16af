"""The template of an importer: its sheets with the export's headers and an example row, and an instructions sheet
in the person's language (each column, whether it is required, the values it accepts, the general rules)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets import Sheet, workbook_bytes

from .registry import CHOICE, DATE, DECIMAL, FLAG, Column, Importer

INSTRUCTIONS_TITLE = gettext_lazy("Instructions")


def accepted_values(column: Column) -> str:
    if column.kind == DATE:
        return _("Une date, au format AAAA-MM-JJ (par exemple 2025-06-30), ou une cellule de date d'Excel.")
    if column.kind == DECIMAL:
        return _("Un nombre : 12,5 ou 12.5.")
    if column.kind == FLAG:
        return _("oui ou non (vide : non).")
    if column.kind == CHOICE:
        return _("L'un des libellés ou des codes suivants : %(values)s.") % {
            "values": " ; ".join(f"{label} ({code})" for code, label in column.choices)
        }
    return _("Du texte.")


def general_rules(importer: Importer) -> list[str]:
    return [
        _(
            "La première ligne de chaque feuille porte les noms des colonnes, tels que l'export les écrit (en "
            "français ou en anglais) ; l'ordre des colonnes est libre."
        ),
        _(
            "Chaque ligne est vérifiée avant l'importation : si une seule ligne pose problème, rien n'est importé, "
            "et la liste des problèmes donne la feuille, la ligne et la colonne à corriger."
        ),
        _("Une cellule qui contient une formule est refusée : inscrivez-en la valeur."),
        _("La ligne d'exemple du modèle est à remplacer par vos propres lignes."),
        *(str(rule) for rule in importer.rules),
    ]


def template_bytes(importer: Importer) -> bytes:
    sheets = [
        Sheet(
            title=str(spec.title),
            headers=[str(column.label) for column in spec.columns],
            rows=[list(spec.example)] if spec.example else [],
            widths=[30] * len(spec.columns),
        )
        for spec in importer.sheets
    ]
    rows = [
        [
            str(spec.title),
            str(column.label),
            _("obligatoire") if column.required else _("facultative"),
            accepted_values(column),
            str(column.help),
        ]
        for spec in importer.sheets
        for column in spec.columns
    ]
    rows += [["", "", "", "", rule] for rule in general_rules(importer)]
    instructions = Sheet(
        title=str(INSTRUCTIONS_TITLE),
        headers=[_("Feuille"), _("Colonne"), _("Obligatoire"), _("Valeurs acceptées"), _("Explication")],
        rows=rows,
        widths=[24, 30, 14, 50, 70],
    )
    return workbook_bytes([*sheets, instructions], title=str(importer.title))
