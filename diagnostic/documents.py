"""Outil 13's document: the results of one round, compiled per condition and per item (A, B and C, their shares,
the score), the items to strengthen, and the comparison with the round before when there is one — from the same
selectors as the round's page, and hiding exactly what the page hides: nothing of an anonymous round's results
before it is closed and has ANONYMITY_THRESHOLD answers, no author of an anonymous round's comments."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cycles.tools import Scope
from documents.sections import Figure, Section, Table, sections_document

from . import selectors
from .access import access_round
from .chart import results_chart
from .chart_image import chart_png
from .models import ANONYMITY_THRESHOLD, Round


def _round(access, cycle, pk: int) -> Round:
    return access_round(access, pk)[0]


def _facts(round_: Round, results: selectors.RoundResults) -> Section:
    participants = selectors.participants(round_)
    invitees = selectors.invitees(round_)
    kind = (
        _("Anonyme : Concerto garde seulement qui a répondu, jamais qui a répondu quoi.")
        if round_.is_anonymous
        else _("Nominative : chaque réponse et chaque commentaire sont associés à leur auteur·e.")
    )
    answered = _("%(answered)s membres invités sur %(invited)s") % {
        "answered": len(participants),
        "invited": len(invitees),
    }
    return Section(
        heading=_("La passation"),
        paragraphs=[
            _("Type : %(kind)s") % {"kind": kind},
            _("Statut : %(status)s") % {"status": _("ouverte") if round_.is_open else _("fermée")},
            _("Questionnaire : %(questionnaire)s") % {"questionnaire": round_.questionnaire},
            _("Ont répondu : %(answered)s") % {"answered": answered},
        ],
        items=[str(p.membership.user) if p.membership else _("ancien membre") for p in participants],
    )


def _hidden(round_: Round) -> str:
    """Why the results are not shown: the same sentences as the round's page."""
    if round_.is_anonymous and round_.is_open:
        return _(
            "Les résultats d'une passation anonyme sont publiés une fois qu'elle est fermée, pour que personne ne "
            "puisse deviner une réponse en comparant les résultats avant et après."
        )
    if round_.is_anonymous:
        return ngettext(
            "Moins de %(counter)s réponse : les résultats ne sont pas publiés, pour protéger l'anonymat.",
            "Moins de %(counter)s réponses : les résultats ne sont pas publiés, pour protéger l'anonymat.",
            ANONYMITY_THRESHOLD,
        ) % {"counter": ANONYMITY_THRESHOLD}
    return _("Personne n'a encore répondu.")


def _weak(is_weak: bool) -> str:
    return _("à renforcer") if is_weak else ""


def _conditions(results: selectors.RoundResults) -> Section:
    rows = []
    for row in results.conditions:
        d = row.distribution
        shares = [f"{getattr(d, grade)} ({d.share(grade)} %)" for grade in ("a", "b", "c")]
        rows.append([row.condition.name, *shares, row.score, _weak(row.is_weak)])
    table = Table(
        caption=_("Réponses par condition"),
        headers=[_("Condition"), _("A"), _("B"), _("C"), _("Score sur 100"), _("À renforcer")],
        rows=rows,
        widths=(6, 2, 2, 2, 2, 2),
    )
    summary = ngettext(
        "Compilé à partir de %(counter)s réponse. Score : A vaut 100, B 50 et C 0 ; sous 50, la condition ou "
        "l'énoncé est à renforcer.",
        "Compilé à partir de %(counter)s réponses. Score : A vaut 100, B 50 et C 0 ; sous 50, la condition ou "
        "l'énoncé est à renforcer.",
        results.answer_count,
    ) % {"counter": results.answer_count}
    return Section(
        heading=_("Réponses par condition"), paragraphs=[summary], figures=[_figure(results)], tables=[table]
    )


def _figure(results: selectors.RoundResults) -> Figure:
    """The page's chart; its alternative text gives each condition's shares, which the table then lists."""
    drawn = results_chart(results.conditions)
    shares = "; ".join(
        _("%(condition)s : A %(a)s %%, B %(b)s %%, C %(c)s %%")
        % {
            "condition": row.condition.name,
            "a": row.distribution.share_a,
            "b": row.distribution.share_b,
            "c": row.distribution.share_c,
        }
        for row in results.conditions
    )
    return Figure(
        caption=_("Réponses par condition"),
        svg=render_to_string("diagnostic/_chart_svg.html", {"chart": drawn}),
        png=chart_png(drawn),
        description=f"{_('Réponses par condition')}. {shares}.",
        notes=[_("A — bien présente (plein), B — en partie (hachures), C — peu ou pas présente (points).")],
    )


def _items(results: selectors.RoundResults) -> Section:
    rows = [
        [
            row.item.wording,
            row.condition.name,
            row.distribution.a,
            row.distribution.b,
            row.distribution.c,
            row.distribution.score,
            row.previous_score,
            _weak(row.distribution.is_weak),
        ]
        for row in results.items_weak_first
    ]
    table = Table(
        caption=_("Résultats par énoncé, les plus faibles d'abord"),
        headers=[
            _("Énoncé"),
            _("Condition"),
            _("A"),
            _("B"),
            _("C"),
            _("Score"),
            _("Passation précédente"),
            _("À renforcer"),
        ],
        rows=rows,
        widths=(9, 4, 1, 1, 1, 2, 3, 3),
    )
    weak = [row.item.wording for row in results.items_weak_first if row.distribution.is_weak]
    return Section(
        heading=_("Énoncés, les plus faibles d'abord"),
        tables=[table],
        subsections=[
            Section(heading=_("Énoncés à renforcer"), items=weak or [_("Aucun énoncé sous 50.")]),
            _comments(results),
        ],
        wide=True,
    )


def _comments(results: selectors.RoundResults) -> Section:
    """The comments, with their author in a named round only (the selector leaves an anonymous round's out)."""
    found = [
        Section(
            heading=row.item.wording,
            items=[f"{c.text} — {c.author}" if c.author else c.text for c in row.comments],
        )
        for condition in results.conditions
        for row in condition.items
        if row.comments
    ]
    return Section(
        heading=_("Commentaires"),
        paragraphs=[] if found else [_("Aucun commentaire.")],
        subsections=found,
    )


def _comparison(results: selectors.RoundResults, previous: selectors.RoundResults | None) -> Section:
    heading = _("Comparaison avec la passation précédente")
    if previous is None:
        return Section(heading=heading, paragraphs=[_("C'est la première passation : pas de comparaison.")])
    if not previous.visible:
        return Section(
            heading=heading,
            paragraphs=[
                _("La passation précédente, « %(title)s », n'a pas de résultats publiés : pas de comparaison.")
                % {"title": previous.round.title}
            ],
        )
    before = {row.condition.code: row.score for row in previous.conditions}
    rows = []
    for row in results.conditions:
        earlier = before.get(row.condition.code)
        change = row.score - earlier if row.score is not None and earlier is not None else None
        rows.append([row.condition.name, earlier, row.score, change])
    table = Table(
        caption=_("Scores par condition, comparés à « %(title)s »") % {"title": previous.round.title},
        headers=[_("Condition"), _("Passation précédente"), _("Cette passation"), _("Écart")],
        rows=rows,
        signed=frozenset({3}),
        widths=(6, 2, 2, 2),
    )
    return Section(
        heading=heading,
        paragraphs=[_("Le score de chaque énoncé à la passation précédente est dans le tableau des énoncés.")],
        tables=[table],
    )


def sections(access, cycle, round_: Round) -> list[Section]:
    compiled = selectors.partnership_results(partnership=access.partnership)
    order = list(compiled)
    results = compiled[round_.pk]
    position = order.index(round_.pk)
    previous = compiled[order[position - 1]] if position else None
    found = [_facts(round_, results)]
    if not results.visible:
        return [*found, Section(heading=_("Résultats"), paragraphs=[_hidden(round_)])]
    return [*found, _conditions(results), _items(results), _comparison(results, previous)]


DOCUMENTS = (
    sections_document(
        key="passation-diagnostic",
        title=gettext_lazy("Résultats de l'outil diagnostique"),
        tool=13,
        sections=sections,
        scope=Scope.PARTNERSHIP,
        record=_round,
    ),
)
