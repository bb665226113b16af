"""Outil 6's document: every organization's services, to whom, where, how often and at what cost, in the table its
import reads back (offer/imports.py: the same sheet, the same columns)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cycles.tools import Scope
from documents.sections import Section, Table, sections_document

from . import selectors
from .imports import SERVICES, service_rows


def sections(access, cycle) -> list[Section]:
    services = list(selectors.service_list(partnership=access.partnership))
    table = Table(
        caption=str(SERVICES.title),
        headers=[str(column.label) for column in SERVICES.columns],
        rows=service_rows(services),
        empty=_("Aucun service."),
    )
    without = [o.name for o in selectors.organizations_without_service(partnership=access.partnership)]
    return [
        Section(heading=_("Offre de services"), tables=[table], wide=True),
        Section(
            heading=_("Organismes sans service inscrit"),
            items=without,
            paragraphs=[] if without else [_("Chaque organisme a inscrit au moins un service.")],
        ),
    ]


DOCUMENTS = (
    sections_document(
        key="offre-de-services",
        title=gettext_lazy("Analyse de l'offre de services"),
        tool=6,
        sections=sections,
        scope=Scope.PARTNERSHIP,
    ),
)
