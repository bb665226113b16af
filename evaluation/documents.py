"""Outil 12's document: every measurement of the cycle's indicators, in the table the import reads back
(evaluation/imports.py: the same sheet, the same columns)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.sections import Section, Table, sections_document

from . import selectors
from .imports import MEASUREMENTS, measurement_rows


def sections(access, cycle) -> list[Section]:
    table = Table(
        caption=str(MEASUREMENTS.title),
        headers=[str(column.label) for column in MEASUREMENTS.columns],
        rows=measurement_rows(selectors.measurements_of_cycle(cycle)),
        empty=_("Aucune mesure."),
    )
    return [Section(heading=_("Mesures des indicateurs"), tables=[table], wide=True)]


DOCUMENTS = (
    sections_document(key="mesures", title=gettext_lazy("Mesures des indicateurs"), tool=12, sections=sections),
)
