"""Outil 6's document: every organization's services, to whom, where, how often and at what cost."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cycles.tools import Scope
from documents.sections import Section, Table, sections_document

from . import selectors


def sections(access, cycle) -> list[Section]:
    services = list(selectors.service_list(partnership=access.partnership))
    table = Table(
        caption=_("Services des organismes partenaires"),
        headers=[
            _("Organisme"),
            _("Service"),
            _("Clientèle"),
            _("Territoires"),
            _("Fréquence"),
            _("Capacité"),
            _("Personnes rejointes par année"),
            _("Coût"),
        ],
        rows=[
            [
                str(s.organization),
                s.name,
                ", ".join(s.clientele_labels),
                ", ".join(t.name for t in s.territories.all()),
                s.get_frequency_display(),
                s.capacity,
                s.reached_per_year,
                s.get_cost_display(),
            ]
            for s in services
        ],
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
