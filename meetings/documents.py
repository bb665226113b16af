"""Outil 2's documents: the cycle's meetings, each with its agenda, its minutes and its decisions; and one meeting's
paper, handed out at and after it — its agenda with the time of each item, who came and the quorum, the minutes,
the decisions and who does what next."""

import datetime
import re

from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import text
from documents.sections import Section, Table, sections_document

from . import selectors
from .access import access_meeting
from .models import Meeting

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


def _meeting_record(access, cycle, pk: int) -> Meeting:
    return access_meeting(access, cycle.pk, pk)[0]


def _when(meeting: Meeting) -> str:
    if meeting.date is None:
        return _("Date à fixer")
    if meeting.starts_at and meeting.ends_at:
        return _("%(date)s, de %(start)s à %(end)s") % {
            "date": text.long_date(meeting.date),
            "start": _time(meeting.starts_at),
            "end": _time(meeting.ends_at),
        }
    if meeting.starts_at:
        return _("%(date)s, %(start)s") % {"date": text.long_date(meeting.date), "start": _time(meeting.starts_at)}
    return text.long_date(meeting.date)


def _time(value: datetime.time) -> str:
    """As the meeting's page writes it, in the reader's language (9 h 00, 9:00 a.m.)."""
    return formats.time_format(value, "TIME_FORMAT") if value else ""


def _agenda(meeting: Meeting) -> Section:
    """Each item with the time it starts at, when the meeting has a start and the items before it a duration."""
    clock = datetime.datetime.combine(datetime.date.min, meeting.starts_at) if meeting.starts_at else None
    rows = []
    for number, item in enumerate(selectors.agenda(meeting), start=1):
        rows.append(
            [
                _time(clock.time()) if clock else "",
                f"{number}. {item.title}",
                item.duration_minutes,
                item.presenter,
                str(item.subject or ""),
                _("Traité") if item.is_done else _("À traiter"),
            ]
        )
        clock = clock + datetime.timedelta(minutes=item.duration_minutes) if clock and item.duration_minutes else None
    headers = [_("Heure"), _("Point"), _("Durée (minutes)"), _("Présenté par"), _("À propos de"), _("État")]
    widths = (2, 6, 2, 3, 3, 2)
    if not any(row[4] for row in rows):  # no item about a tool's record: no empty column
        headers, widths, rows = _without(headers, 4), _without(widths, 4), [_without(row, 4) for row in rows]
    table = Table(
        caption=_("Ordre du jour"), headers=headers, rows=rows, empty=_("L'ordre du jour est vide."), widths=widths
    )
    return Section(heading=_("Ordre du jour"), tables=[table])


def _without(values, index: int):
    return type(values)(value for i, value in enumerate(values) if i != index)


def _quorum_sentence(quorum: selectors.Quorum) -> str:
    if quorum.required is None:
        return ngettext(
            "%(represented)s organisme représenté. Les règles de fonctionnement en vigueur ne fixent pas de quorum.",
            "%(represented)s organismes représentés. Les règles de fonctionnement en vigueur ne fixent pas de quorum.",
            quorum.represented,
        ) % {"represented": quorum.represented}
    sentence = _("%(represented)s organismes représentés ; il en faut %(required)s (%(rule)s).") % {
        "represented": quorum.represented,
        "required": quorum.required,
        "rule": quorum.rules.quorum_text,
    }
    return (_("Quorum atteint : %(sentence)s") if quorum.is_met else _("Quorum non atteint : %(sentence)s")) % {
        "sentence": sentence
    }


def _attendance(access, meeting: Meeting) -> Section:
    members = selectors.partnership_members(access.partnership)
    organizations = selectors.partnership_organizations(access.partnership)
    rows = selectors.attendance(meeting)
    by_member = {m.pk: m for m in members}
    by_organization = {o.pk: o for o in organizations}
    people = []
    for row in rows:
        if row.membership_id:
            member = by_member.get(row.membership_id)
            who = (member.user.full_name or str(member.user)) if member else _("ancien membre")
            organization = str(member.organization or "") if member else ""
        else:
            who = str(by_organization.get(row.organization_id) or "")
            organization = who
        people.append([who, organization, row.get_status_display()])
    table = Table(
        caption=_("Présences"),
        headers=[_("Personne ou organisme"), _("Organisme"), _("Présence")],
        rows=people,
        widths=(3, 3, 2),
        empty=_("Les présences n'ont pas encore été notées."),
    )
    quorum = selectors.quorum(meeting, rows, members, len(organizations))
    return Section(heading=_("Présences"), paragraphs=[_quorum_sentence(quorum)], tables=[table])


def _minutes(meeting: Meeting) -> Section:
    minutes = selectors.minutes_of(meeting)
    if not minutes or not minutes.content:
        return Section(heading=_("Compte rendu"), paragraphs=[_("Pas encore de compte rendu.")])
    if minutes.is_approved:
        status = _("Approuvé à la rencontre « %(title)s » (%(date)s)") % {
            "title": minutes.approved_at.title,
            "date": text.long_date(minutes.approved_on),
        }
    else:
        status = _("Version de travail, à approuver à une prochaine rencontre")
    return Section(heading=_("Compte rendu"), paragraphs=[status, *plain(minutes.content)])


def _decisions(meeting: Meeting) -> Section:
    decisions = selectors.decisions(meeting)
    rows = [
        [
            str(decision.text),
            task.description,
            (task.assignee.user.full_name or str(task.assignee.user)) if task.assignee else "",
            task.due_on,
            _("Fait le %(date)s") % {"date": text.long_date(task.done_on)} if task.done_on else _("En cours"),
        ]
        for decision in decisions
        for task in decision.tasks.all()
    ]
    tasks = Table(
        caption=_("Suivis des décisions"),
        headers=[_("Décision"), _("Suivi"), _("Responsable"), _("Échéance"), _("État")],
        rows=rows,
        empty=_("Aucun suivi de décision."),
        widths=(4, 4, 3, 3, 2),
    )
    return Section(
        heading=_("Décisions"),
        items=[decision.text for decision in decisions] or [_("Aucune décision consignée.")],
        tables=[tasks],
    )


def meeting_sections(access, cycle, meeting: Meeting) -> list[Section]:
    facts = [
        _("Étape : %(step)s") % {"step": meeting.get_step_display()},
        _("Quand : %(when)s") % {"when": _when(meeting)},
    ]
    if meeting.place:
        facts.append(_("Lieu : %(place)s") % {"place": meeting.place})
    if meeting.online_link:
        facts.append(_("En ligne : %(link)s") % {"link": meeting.online_link})
    # One chapter: the paper handed out at a meeting reads on without a page break between its parts.
    parts = [_agenda(meeting), _attendance(access, meeting), _minutes(meeting), _decisions(meeting)]
    return [Section(heading=meeting.title, paragraphs=facts, items=meeting.objective_list, subsections=parts)]


DOCUMENTS = (
    sections_document(
        key="rencontres",
        title=gettext_lazy("Ordres du jour et comptes rendus des rencontres"),
        tool=2,
        sections=sections,
    ),
    sections_document(
        key="rencontre",
        title=gettext_lazy("Ordre du jour et compte rendu de la rencontre"),
        tool=2,
        sections=meeting_sections,
        record=_meeting_record,
    ),
)
