"""The partner organizations as a table (under Outil 6, where the offer of services is analysed), in the format
their import reads back (organizations/imports.py: the same sheet, the same columns)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cycles.tools import Scope
from documents.sections import Section, Table, sections_document

from . import selectors
from .imports import ORGANIZATIONS, organization_rows


def sections(access, cycle) -> list[Section]:
    table = Table(
        caption=str(ORGANIZATIONS.title),
        headers=[str(column.label) for column in ORGANIZATIONS.columns],
        rows=organization_rows(selectors.organization_list(partnership=access.partnership)),
        empty=_("Aucun organisme."),
    )
    return [Section(heading=str(ORGANIZATIONS.title), tables=[table], wide=True)]


DOCUMENTS = (
    sections_document(
        key="organismes",
        title=gettext_lazy("Organismes partenaires"),
        tool=6,
        sections=sections,
        scope=Scope.PARTNERSHIP,
    ),
)
