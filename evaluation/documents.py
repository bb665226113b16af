"""Outil 12's documents: the evaluation summary of a cycle (PDF, Word, spreadsheet), from the same selector as its
page; and every measurement of the cycle's indicators, in the table the import reads back (evaluation/imports.py:
the same sheet, the same columns)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from analysis.numbers import format_value
from documents.sections import Section, Table, sections_document

from . import selectors
from .imports import MEASUREMENTS, measurement_rows


def _objectives(summary: selectors.Summary) -> Section:
    return Section(
        heading=_("Objectifs et transformations souhaitées"),
        subsections=[
            Section(
                heading=str(objective),
                items=[str(t) for t in objective.transformation_list] or [_("Pas encore de transformation souhaitée.")],
            )
            for objective in summary.objectives
        ]
        or [Section(heading=_("Aucun objectif"), paragraphs=[_("Le cycle n'a pas encore d'objectif.")])],
    )


def _indicators(summary: selectors.Summary) -> Section:
    rows = []
    for objective in summary.objectives:
        for transformation in objective.transformation_list:
            for row in transformation.indicator_rows:
                rows.append(
                    [
                        transformation.statement,
                        row.indicator.name,
                        row.indicator.unit,
                        row.baseline,
                        row.first.value if row.first else None,
                        row.first.measured_on if row.first else None,
                        row.last.value if row.last else None,
                        row.last.measured_on if row.last else None,
                        "; ".join(f"{format_value(t.value)} ({t.date:%Y-%m-%d})" for t in row.targets),
                        str(row.direction.label),
                    ]
                )
    table = Table(
        caption=_("Indicateurs, mesures et cibles"),
        headers=[
            _("Transformation souhaitée"),
            _("Indicateur"),
            _("Unité"),
            _("Valeur de départ"),
            _("Première mesure"),
            _("Date de la première mesure"),
            _("Dernière mesure"),
            _("Date de la dernière mesure"),
            _("Cibles"),
            _("La courbe"),
        ],
        rows=rows,
        empty=_("Le plan de ce cycle n'a pas encore d'indicateur."),
    )
    return Section(heading=_("Indicateurs"), tables=[table], wide=True)


def _decisions(summary: selectors.Summary) -> Section:
    rows = []
    for action in summary.actions:
        for decision in action.decision_list or [None]:
            rows.append(
                [
                    action.title,
                    action.get_status_display(),
                    decision.review.period_end if decision else None,
                    decision.get_decision_display() if decision else _("Pas de décision"),
                    decision.reason if decision else "",
                    decision.is_applied if decision else None,
                ]
            )
    table = Table(
        caption=_("Décisions sur les actions"),
        headers=[_("Action"), _("État de l'action"), _("Fin du bilan"), _("Décision"), _("Raison"), _("Appliquée")],
        rows=rows,
        empty=_("Le cycle n'a pas encore d'action."),
    )
    return Section(heading=_("Décisions sur les actions"), tables=[table], wide=True)


def _diagnostic(summary: selectors.Summary) -> Section:
    rows = [
        [str(result.round), condition.condition.name, condition.score, result.answer_count]
        for result in summary.diagnostic
        if result.visible
        for condition in result.conditions
    ]
    table = Table(
        caption=_("Résultats de l'outil diagnostique"),
        headers=[_("Passation"), _("Condition"), _("Score"), _("Réponses")],
        rows=rows,
        empty=_("Aucune passation de l'outil diagnostique n'a encore de résultats visibles."),
    )
    return Section(heading=_("Outil diagnostique de l'action en partenariat"), tables=[table])


def sections(access, cycle) -> list[Section]:
    summary = selectors.cycle_summary(cycle, timezone.localdate())
    return [_objectives(summary), _indicators(summary), _decisions(summary), _diagnostic(summary)]


def measurement_sections(access, cycle) -> list[Section]:
    table = Table(
        caption=str(MEASUREMENTS.title),
        headers=[str(column.label) for column in MEASUREMENTS.columns],
        rows=measurement_rows(selectors.measurements_of_cycle(cycle)),
        empty=_("Aucune mesure."),
    )
    return [Section(heading=_("Mesures des indicateurs"), tables=[table], wide=True)]


DOCUMENTS = (
    sections_document(
        key="evaluation", title=gettext_lazy("Synthèse de l'évaluation du cycle"), tool=12, sections=sections
    ),
    sections_document(
        key="mesures", title=gettext_lazy("Mesures des indicateurs"), tool=12, sections=measurement_sections
    ),
)
