"""Outil 11's document: every report of the cycle — how much was done, how well, who is better off — then what
helped, what hindered and the adjustments, and the communication plan of step 4. Every member sees every report
on the tool's page, drafts included: the document shows the same, with each report's status."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.sections import Section, Table, sections_document

from . import selectors


def sections(access, cycle) -> list[Section]:
    reports = list(selectors.cycle_reports(cycle).order_by("action__title", "period_end", "pk"))
    figures = Table(
        caption=_("Suivis des actions"),
        headers=[
            _("Action"),
            _("Organisme porteur"),
            _("Début de la période"),
            _("Fin de la période"),
            _("État d'avancement"),
            _("Statut"),
            _("Séances tenues"),
            _("Enfants rejoints"),
            _("Parents rejoints"),
            _("Intervenants rejoints"),
            _("Satisfaction des participants (%)"),
        ],
        rows=[
            [
                r.action.title,
                str(r.action.lead or ""),
                r.period_start,
                r.period_end,
                r.get_progress_display(),
                r.get_state_display(),
                r.sessions_held,
                r.children_reached,
                r.parents_reached,
                r.practitioners_reached,
                r.satisfaction,
            ]
            for r in reports
        ],
        empty=_("Aucun suivi."),
    )
    stories = Table(
        caption=_("Ce qui a été fait, ce qui a aidé, ce qui a nui"),
        headers=[
            _("Action"),
            _("Fin de la période"),
            _("Activités réalisées"),
            _("Qui s'en porte mieux, et comment"),
            _("Ce qui a aidé"),
            _("Ce qui a nui"),
            _("Ajustements"),
        ],
        rows=[
            [r.action.title, r.period_end, r.activities_done, r.better_off, r.helped, r.hindered, r.adjustments]
            for r in reports
        ],
        empty=_("Aucun suivi."),
    )
    communication = Table(
        caption=_("Plan de communication"),
        headers=[_("Public"), _("Message"), _("Moyen de communication"), _("Date"), _("Responsable"), _("État")],
        rows=[
            [i.audience, i.message, i.channel, i.planned_on, str(i.responsible or ""), i.get_status_display()]
            for i in selectors.communication_items(cycle).order_by("planned_on", "pk")
        ],
        empty=_("Aucun élément au plan de communication."),
    )
    return [
        Section(heading=_("Suivis des actions"), tables=[figures], wide=True),
        Section(heading=_("Ce qui a été fait, ce qui a aidé, ce qui a nui"), tables=[stories], wide=True),
        Section(heading=_("Plan de communication"), tables=[communication]),
    ]


DOCUMENTS = (
    sections_document(
        key="suivis", title=gettext_lazy("Suivi de la mise en œuvre des actions"), tool=11, sections=sections
    ),
)
