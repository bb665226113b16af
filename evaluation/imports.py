"""Outil 12's import: the measurements of the cycle's indicators, in the format of the export (the « Mesures »
sheet of evaluation/documents.py). A row names its indicator by its name in the cycle's plan; a row whose
indicator and date are those of a measurement already recorded updates it (the first not yet matched, when there
are several on one date), any other row adds one."""

from collections import defaultdict
from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imports.checking import ImportContext, Row
from imports.registry import DATE, DECIMAL, FLAG, Change, Column, Importer, Plan, SheetSpec, unchanged
from partnerships.permissions import Perm
from plan.models import Indicator

from . import services
from .forms import MeasurementForm
from .models import Measurement

FIELDS = ("measured_on", "value", "source", "imprecise", "comment")

MEASUREMENTS = SheetSpec(
    key="measurements",
    title=gettext_lazy("Mesures"),
    columns=(
        Column(
            "indicator",
            gettext_lazy("Indicateur"),
            required=True,
            form_field=False,
            help=gettext_lazy("Le nom de l'indicateur, tel que le plan du cycle l'écrit."),
        ),
        Column("measured_on", gettext_lazy("Date ou fin de la période"), required=True, kind=DATE),
        Column("value", gettext_lazy("Valeur mesurée"), required=True, kind=DECIMAL),
        Column("source", gettext_lazy("Source")),
        Column("imprecise", gettext_lazy("Mesure imprécise"), kind=FLAG),
        Column("comment", gettext_lazy("Commentaire")),
    ),
    example=("Familles qui lisent chaque jour", "2025-06-30", 27.5, "Sondage de juin", "non", ""),
)


def measurement_rows(measurements) -> list[list[object]]:
    """The export's rows, in the order of MEASUREMENTS' columns."""
    return [[m.indicator.name, m.measured_on, m.value, m.source, m.imprecise, m.comment] for m in measurements]


def check(context: ImportContext, tables: dict[str, list[Row]]) -> Plan:
    indicators: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(transformation__objective__cycle=context.cycle):
        indicators[indicator.name.casefold()].append(indicator)
    recorded: dict[tuple, list[Measurement]] = defaultdict(list)
    for measurement in Measurement.objects.filter(indicator__in=[i for found in indicators.values() for i in found]):
        recorded[(measurement.indicator_id, measurement.measured_on)].append(measurement)
    plan = Plan()
    for row in tables.get(MEASUREMENTS.key, []):
        indicator = _indicator(context, row, indicators)
        measurement = context.checked(row, MeasurementForm)
        if indicator is None or measurement is None:
            continue
        same = recorded[(indicator.pk, measurement.measured_on)]
        if not same:
            write = partial(services.measurement_create, indicator=indicator, measurement=measurement)
            plan.changes.append(Change(created=True, write=write))
            continue
        current = same.pop(0)
        if unchanged(current, measurement, FIELDS):
            plan.unchanged += 1
        else:
            plan.changes.append(Change(created=False, write=partial(_update, current, measurement)))
    return plan


def _indicator(context: ImportContext, row: Row, indicators: dict[str, list[Indicator]]) -> Indicator | None:
    name = row.text("indicator")
    found = indicators.get(name.casefold(), [])
    if len(found) == 1:
        return found[0]
    if not name:
        context.problem(row, _("Valeur obligatoire manquante."), "indicator")
    elif not found:
        context.problem(row, _("Aucun indicateur du plan de ce cycle ne porte ce nom."), "indicator")
    else:
        context.problem(
            row, _("Plusieurs indicateurs du plan portent ce nom : renommez-les pour les distinguer."), "indicator"
        )
    return None


def _update(current: Measurement, imported: Measurement) -> None:
    for name in FIELDS:
        setattr(current, name, getattr(imported, name))
    services.measurement_update(measurement=current, expected_version=current.version)


IMPORTERS = (
    Importer(
        key="mesures",
        title=gettext_lazy("Importer des mesures"),
        tool=12,
        sheets=(MEASUREMENTS,),
        check=check,
        perm=Perm.EDIT_PLAN,
        back="evaluation:dashboard",
        document="mesures",
        rules=(
            gettext_lazy(
                "Une ligne dont l'indicateur et la date sont ceux d'une mesure déjà enregistrée la met à jour ; "
                "toute autre ligne ajoute une mesure. Importer de nouveau l'export ne change rien."
            ),
        ),
    ),
)
