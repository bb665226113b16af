"""Outil 12's documents: the evaluation summary of a cycle (PDF, Word, spreadsheet), from the same selector as its
page; and every measurement of the cycle's indicators, in the table the import reads back (evaluation/imports.py:
the same sheet, the same columns). Both show each indicator's chart, the page's: its SVG in the PDF, the same
drawing as a PNG in the Word file (chart_image.py), with an alternative text that gives its values."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.sections import Figure, Section, Table, sections_document, shown

from . import chart, selectors
from .chart_image import chart_png
from .imports import MEASUREMENTS, measurement_rows


def _values(pairs) -> str:
    return "; ".join(f"{shown(value.normalize())} ({shown(day)})" for value, day in pairs) or _("aucune")


def _figure(row: selectors.IndicatorRow) -> Figure | None:
    """The indicator's chart, None when it has nothing to draw."""
    indicator = row.indicator
    drawn = chart.build(indicator, row.targets, row.measurements)
    if drawn.empty:
        return None
    title = _("Évolution de l'indicateur « %(name)s »") % {"name": indicator.name}
    description = _(
        "%(title)s (%(unit)s). Valeur de départ : %(baseline)s. Mesures : %(measurements)s. Cibles : %(targets)s. "
        "%(direction)s."
    ) % {
        "title": title,
        "unit": indicator.unit or "—",
        "baseline": shown(indicator.baseline_value.normalize()) if indicator.baseline_value is not None else "—",
        "measurements": _values((m.value, m.measured_on) for m in row.measurements),
        "targets": _values((t.value, t.date) for t in row.targets),
        "direction": drawn.direction.label,
    }
    return Figure(
        caption=title,
        svg=render_to_string("evaluation/_chart_svg.html", {"chart": drawn, "indicator": indicator}),
        png=chart_png(drawn, baseline_label=_("Valeur de départ"), target_label=_("Cible")),
        description=description,
        notes=[
            _("%(direction)s — sens souhaité : %(polarity)s.")
            % {"direction": drawn.direction.label, "polarity": indicator.get_polarity_display().lower()},
            _(
                "Trait plein et points : les mesures (point vide : mesure imprécise). Tirets : la valeur de départ. "
                "Carrés : les cibles. Pointillés : la tendance."
            ),
        ],
    )


def _charts(rows: list[selectors.IndicatorRow]) -> Section:
    charts = []
    for row in rows:
        figure = _figure(row)
        charts.append(
            Section(
                heading=row.indicator.name,
                figures=[figure] if figure else [],
                paragraphs=[] if figure else [_("Pas encore de valeur de départ, de cible ni de mesure à montrer.")],
            )
        )
    return Section(
        heading=_("Graphiques des indicateurs"),
        paragraphs=[] if rows else [_("Le plan de ce cycle n'a pas encore d'indicateur.")],
        subsections=charts,
    )


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
                        "; ".join(f"{shown(t.value)} ({shown(t.date)})" for t in row.targets),
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
    rows = [row for o in summary.objectives for t in o.transformation_list for row in t.indicator_rows]
    return [_objectives(summary), _indicators(summary), _charts(rows), _decisions(summary), _diagnostic(summary)]


def measurement_sections(access, cycle) -> list[Section]:
    table = Table(
        caption=str(MEASUREMENTS.title),
        headers=[str(column.label) for column in MEASUREMENTS.columns],
        rows=measurement_rows(selectors.measurements_of_cycle(cycle)),
        empty=_("Aucune mesure."),
    )
    charts = _charts(selectors.dashboard_rows(cycle, timezone.localdate()))
    return [Section(heading=_("Mesures des indicateurs"), tables=[table], wide=True), charts]


DOCUMENTS = (
    sections_document(
        key="evaluation", title=gettext_lazy("Synthèse de l'évaluation du cycle"), tool=12, sections=sections
    ),
    sections_document(
        key="mesures", title=gettext_lazy("Mesures des indicateurs"), tool=12, sections=measurement_sections
    ),
)
