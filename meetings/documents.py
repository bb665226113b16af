"""Outil 2's document: the cycle's meetings, each with its agenda, its minutes and its decisions."""

import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import text
from documents.sections import Section, Table, sections_document

from . import selectors

BREAKS = re.compile(r"</(p|li|h[1-6]|div)>|<br\s*/?>", re.I)


def plain(html: str) -> list[str]:
    """The minutes' rich text as paragraphs of plain text."""
    return [line.strip() for line in strip_tags(BREAKS.sub("\n", html)).split("\n") if line.strip()]


def _meeting(meeting) -> Section:
    facts = [
        _("Étape : %(step)s") % {"step": meeting.get_step_display()},
        _("Date : %(date)s") % {"date": text.long_date(meeting.date) or _("à fixer")},
    ]
    if meeting.place:
        facts.append(_("Lieu : %(place)s") % {"place": meeting.place})
    agenda = Table(
        caption=_("Ordre du jour de « %(title)s »") % {"title": meeting.title},
        headers=[_("Point"), _("Présenté par"), _("Durée (minutes)"), _("Traité")],
        rows=[[i.title, i.presenter, i.duration_minutes, i.is_done] for i in meeting.item_list],
        empty=_("Aucun point à l'ordre du jour."),
    )
    minutes = getattr(meeting, "minutes", None)
    decisions = [
        Section(
            heading=_("Décisions"),
            items=[
                d.text
                + "".join(
                    f" — {t.description}" + (f" ({text.long_date(t.due_on)})" if t.due_on else "")
                    for t in d.tasks.all()
                )
                for d in meeting.decision_list
            ]
            or [_("Aucune décision.")],
        )
    ]
    record = [
        Section(
            heading=_("Compte rendu"),
            paragraphs=plain(minutes.content) if minutes and minutes.content else [_("Pas de compte rendu.")],
        )
    ]
    return Section(heading=meeting.title, paragraphs=facts, tables=[agenda], subsections=record + decisions)


def sections(access, cycle) -> list[Section]:
    meetings = selectors.meetings_with_records(cycle=cycle)
    overview = Table(
        caption=_("Rencontres du cycle"),
        headers=[_("Rencontre"), _("Étape"), _("Date"), _("Lieu")],
        rows=[[m.title, m.get_step_display(), m.date, m.place] for m in meetings],
        empty=_("Aucune rencontre."),
    )
    return [Section(heading=_("Rencontres du cycle"), tables=[overview]), *(_meeting(m) for m in meetings)]


DOCUMENTS = (
    sections_document(
        key="rencontres",
        title=gettext_lazy("Ordres du jour et comptes rendus des rencontres"),
        tool=2,
        sections=sections,
    ),
)
