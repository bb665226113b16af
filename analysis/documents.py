"""Outil 5's documents: the findings of the three analyses, each with the data it rests on; and the partnership's
statistics as a table, in the format their import reads back (analysis/imports.py: the same sheet, the same
columns)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cycles.tools import Scope
from documents.sections import Section, Table, sections_document

from . import selectors
from .imports import STATISTICS, export_rows


def _evidence(finding) -> list[str]:
    cited = [
        *(_("Donnée : %(item)s") % {"item": s} for s in finding.statistics.all()),
        *(_("Observation : %(item)s") % {"item": o} for o in finding.observations.all()),
        *(_("Service : %(item)s") % {"item": f"{s.name} ({s.organization})"} for s in finding.services.all()),
        *(_("Intervention sur un facteur : %(item)s") % {"item": i} for i in finding.interventions.all()),
    ]
    return cited or [_("Aucune donnée citée.")]


def _finding(finding) -> Section:
    facts = [
        _("Nature : %(nature)s") % {"nature": finding.get_nature_display()},
        _("Systèmes : %(systems)s") % {"systems": ", ".join(finding.system_labels) or "—"},
        _("Facteurs de protection : %(factors)s")
        % {"factors": ", ".join(str(f) for f in finding.factors.all()) or "—"},
    ]
    return Section(heading=finding.statement, paragraphs=facts, items=_evidence(finding))


def sections(access, cycle) -> list[Section]:
    findings = selectors.findings_with_evidence(cycle)
    summary = Table(
        caption=_("Constats"),
        headers=[_("Constat"), _("Analyse d'origine"), _("Nature"), _("Systèmes")],
        rows=[
            [f.statement, f.get_origin_display(), f.get_nature_display(), ", ".join(f.system_labels)] for f in findings
        ],
        empty=_("Aucun constat."),
    )
    groups = selectors.group_by_origin(findings)
    return [
        Section(heading=_("Vue d'ensemble des constats"), tables=[summary]),
        *(
            Section(heading=group.label, subsections=[_finding(f) for f in group.findings])
            for group in groups
            if group.findings
        ),
    ]


def statistic_sections(access, cycle) -> list[Section]:
    table = Table(
        caption=str(STATISTICS.title),
        headers=[str(column.label) for column in STATISTICS.columns],
        rows=export_rows(selectors.statistic_list(partnership=access.partnership)),
        empty=_("Aucune donnée."),
    )
    return [Section(heading=str(STATISTICS.title), tables=[table], wide=True)]


DOCUMENTS = (
    sections_document(key="constats", title=gettext_lazy("Nos constats et leurs données"), tool=5, sections=sections),
    sections_document(
        key="donnees",
        title=gettext_lazy("Données"),
        tool=5,
        sections=statistic_sections,
        scope=Scope.PARTNERSHIP,
    ),
)
