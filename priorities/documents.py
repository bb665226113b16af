"""Outil 8's document: the priority findings, the protective factors selected per system and the objectives."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import text
from documents.sections import Section, Table, sections_document

from . import selectors


def sections(access, cycle) -> list[Section]:
    priorities = Table(
        caption=_("Priorités"),
        headers=[_("Rang"), _("Constat"), _("Vote"), _("Note")],
        rows=[
            [p.position, p.finding.statement, p.vote.title if p.vote else "", p.note]
            for p in selectors.priority_list(cycle).order_by("position", "id")
        ],
        empty=_("Aucune priorité."),
    )
    factors = Table(
        caption=_("Facteurs de protection retenus"),
        headers=[_("Facteur de protection"), _("Système"), _("Justification")],
        rows=[
            [str(s.factor), s.factor.get_system_display(), s.rationale]
            for s in selectors.selected_factor_list(cycle).order_by("factor__system", "id")
        ],
        empty=_("Aucun facteur retenu."),
    )
    objectives = Table(
        caption=_("Objectifs"),
        headers=[_("Objectif"), _("Description"), _("Priorités"), _("Facteurs de protection")],
        rows=[
            [
                o.title,
                o.description,
                "; ".join(p.finding.statement for p in o.priorities.all()),
                ", ".join(str(f) for f in o.factors.all()),
            ]
            for o in selectors.objective_list(cycle).order_by("position", "id")
        ],
        empty=_("Aucun objectif."),
    )
    return [
        Section(heading=_("Priorités"), tables=[priorities]),
        _votes(cycle),
        Section(heading=_("Facteurs de protection retenus"), tables=[factors]),
        Section(heading=_("Objectifs"), tables=[objectives]),
    ]


def _votes(cycle) -> Section:
    """The result of each closed vote, as its page shows it once closed."""
    results = selectors.closed_vote_results(cycle)
    return Section(
        heading=_("Résultats des votes"),
        tables=[_vote_table(vote, result) for vote, result in results],
        paragraphs=[] if results else [_("Aucun vote n'est fermé.")],
    )


def _vote_table(vote, result) -> Table:
    voters = ngettext("%(count)s votant", "%(count)s votants", vote.voter_count) % {"count": vote.voter_count}
    closed = text.long_date(timezone.localdate(vote.closed_at)) if vote.closed_at else "—"
    facts = _("%(method)s, %(voters)s, fermé le %(date)s") % {
        "method": vote.get_method_display(),
        "voters": voters,
        "date": closed,
    }
    return Table(
        caption=_("Vote « %(title)s » (%(facts)s)") % {"title": vote.title, "facts": facts},
        headers=[_("Rang"), _("Constat"), _("Pointage"), _("Membres qui l'ont appuyé")],
        rows=[
            [
                _("%(place)s (ex æquo)") % {"place": row.place} if row.tied else row.place,
                row.item.statement,
                row.score,
                row.supporters,
            ]
            for row in result
        ],
        empty=_("Aucun constat candidat."),
    )


DOCUMENTS = (
    sections_document(
        key="priorites", title=gettext_lazy("Priorités, facteurs retenus et objectifs"), tool=8, sections=sections
    ),
)
