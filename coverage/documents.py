"""Outil 7's document, the partnership's: the coverage map (how many organizations act on each factor, at which
intensity, and what it says: covered, thin, uncovered, not enough answers), then the matrix of organizations ×
factors, one table per system, each cell its intensity and kinds of action, in the format its import reads back
(coverage/imports.py). Both are read once for the whole partnership (heatmap.coverage_by_system,
selectors.matrix), so that the queries do not grow with it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cycles.tools import Scope
from documents.sections import Section, Table, sections_document

from . import selectors
from .heatmap import coverage_by_system
from .imports import MATRIX, ORGANIZATION, cell_text, factor_headers
from .models import Intensity


def _coverage_table(system) -> Table:
    return Table(
        caption=_("Couverture, système %(system)s") % {"system": system.label},
        headers=[
            _("Facteur de protection"),
            *(str(Intensity(level).label) for level in (Intensity.OCCASIONAL, Intensity.REGULAR, Intensity.CORE)),
            _("Aucune action"),
            _("Sans réponse"),
            _("Couverture"),
        ],
        rows=[
            [
                coverage.factor.name,
                *(count for _level, count in coverage.levels),
                coverage.no_action,
                coverage.not_answered,
                coverage.status_label,
            ]
            for coverage in system.items
        ],
        empty=_("Aucun facteur."),
    )


def _matrix_table(table) -> Table:
    headers = factor_headers(column.factor for column in table.group.columns)
    return Table(
        caption=str(MATRIX[table.group.system].title),
        headers=[str(ORGANIZATION.label), *(str(headers[column.factor.pk]) for column in table.group.columns)],
        rows=[[row.organization.name, *(cell_text(cell) for cell in cells)] for row, cells in table.rows],
        empty=_("Aucun organisme."),
    )


def sections(access, cycle) -> list[Section]:
    organizations = selectors.organization_count(access.partnership)
    systems = coverage_by_system(access.partnership, organizations=organizations)
    tables, _rows = selectors.matrix(access, detail=False)
    return [
        Section(
            heading=_("Carte de couverture"),
            paragraphs=[
                ngettext(
                    "Nombre d'organismes par intensité d'action sur chaque facteur, sur %(count)s organisme.",
                    "Nombre d'organismes par intensité d'action sur chaque facteur, sur %(count)s organismes.",
                    organizations,
                )
                % {"count": organizations}
            ],
            tables=[_coverage_table(system) for system in systems],
        ),
        Section(
            heading=_("Matrice des organismes et des facteurs"),
            tables=[_matrix_table(table) for table in tables],
            wide=True,
        ),
    ]


DOCUMENTS = (
    sections_document(
        key="intervention-facteurs",
        title=gettext_lazy("Analyse de l'intervention sur les facteurs de protection"),
        tool=7,
        sections=sections,
        scope=Scope.PARTNERSHIP,
    ),
)
