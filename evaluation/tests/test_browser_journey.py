"""Steps 4 and 5 in a real browser, as a partnership lives them: a partner representative files the report its
organization owes; coordination records a measurement of the indicator, reviews the transformation, abandons one
of its actions and maintains the other, then starts the next cycle, which carries the maintained action and takes
the measurement as the indicator's new baseline. axe-core runs on every page visited."""

import datetime
from decimal import Decimal

import pytest

from cycles.models import Cycle
from evaluation.models import ActionDecision, Measurement
from followup.models import ActionReport, ReportState
from followup.tests.test_browser_journey import follow, sign_out, submit
from plan.models import Action, ActionStatus, Indicator
from plan.tests.factories import ActionFactory, IndicatorFactory, TransformationFactory

pytestmark = [pytest.mark.browser]

TRANSFORMATION = "Les parents lisent chaque soir avec leur enfant."
KEPT, DROPPED = "Ateliers d'éveil à la lecture", "Trousses de lecture postées"


def _plan(cast, cycle):
    transformation = TransformationFactory(objective__cycle=cycle, system="famille", statement=TRANSFORMATION)
    indicator = IndicatorFactory(transformation=transformation, name="Familles lisant le soir", baseline_value=20)
    dates = {"starts_on": datetime.date(2025, 4, 1), "ends_on": datetime.date(2026, 3, 31), "follow_up": "yearly"}
    for title in (KEPT, DROPPED):
        action = ActionFactory(cycle=cycle, title=title, lead=cast.organization, **dates)
        action.transformations.add(transformation)
    return transformation, indicator


def _partner_files_the_report(page, check_accessibility, sign_in, cast, base: str) -> None:
    sign_in(cast.partner)
    page.goto(base + "suivis/mes-echeances/")
    check_accessibility(page)
    follow(page, check_accessibility, "Rédiger le suivi")
    page.get_by_label("État d'avancement").select_option(label="Selon le plan")
    page.get_by_label("Activités réalisées").fill("Douze ateliers à la bibliothèque")
    page.get_by_label("Parents rejoints").fill("36")
    submit(page, check_accessibility, "Enregistrer")
    submit(page, check_accessibility, "Remettre le suivi à la coordination")
    sign_out(page, cast.partner)


def _coordination_measures(page, check_accessibility, base: str, indicator: Indicator) -> None:
    page.goto(base + f"evaluation/indicateurs/{indicator.pk}/")
    check_accessibility(page)
    follow(page, check_accessibility, "Ajouter une mesure")
    page.get_by_label("Date ou fin de la période").fill("2026-06-30")
    page.get_by_label("Valeur mesurée").fill("34")
    page.get_by_label("Source").fill("Sondage des familles")
    submit(page, check_accessibility, "Enregistrer")


def _coordination_reviews(page, check_accessibility, base: str) -> None:
    page.goto(base + "evaluation/bilans/")
    check_accessibility(page)
    follow(page, check_accessibility, "Faire le bilan d'une transformation")
    page.get_by_label("Transformation souhaitée").select_option(label=f"Famille — {TRANSFORMATION}")
    page.get_by_label("Début de la période").fill("2025-04-01")
    page.get_by_label("Fin de la période").fill("2026-06-30")
    page.get_by_label("Où en est la courbe").fill("De 20 % à 34 % des familles : la courbe monte vers la cible.")
    page.get_by_label("Leçons apprises").fill("Les ateliers rejoignent les parents; les trousses postées, non.")
    submit(page, check_accessibility, "Enregistrer")
    page.get_by_label(f"Décision sur « {KEPT} »", exact=True).select_option(label="Maintenir")
    page.get_by_label(f"Raison de la décision sur « {KEPT} »").fill("Les parents y viennent et y reviennent.")
    page.get_by_label(f"Décision sur « {DROPPED} »", exact=True).select_option(label="Abandonner")
    page.get_by_label(f"Raison de la décision sur « {DROPPED} »").fill("Peu de trousses ouvertes.")
    submit(page, check_accessibility, "Enregistrer les décisions")
    for decision in ("Abandonner", "Maintenir"):
        submit(page, check_accessibility, f"Appliquer : {decision}")


def test_a_report_a_measurement_a_review_and_the_next_cycle(page, check_accessibility, sign_in, cast, cycle):
    _transformation, indicator = _plan(cast, cycle)
    base = f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/"

    _partner_files_the_report(page, check_accessibility, sign_in, cast, base)
    assert ActionReport.objects.get(action__title=KEPT).state == ReportState.SUBMITTED

    sign_in(cast.coordinator)
    _coordination_measures(page, check_accessibility, base, indicator)
    measurement = Measurement.objects.get(indicator=indicator)
    assert (measurement.measured_on, measurement.value) == (datetime.date(2026, 6, 30), Decimal("34"))

    _coordination_reviews(page, check_accessibility, base)
    dropped = Action.objects.get(cycle=cycle, title=DROPPED)
    assert dropped.status == ActionStatus.ABANDONED and dropped.ends_on == datetime.date(2026, 3, 31)
    assert ActionDecision.objects.filter(applied_at__isnull=False).count() == 2

    page.goto(base)
    check_accessibility(page)
    follow(page, check_accessibility, "Commencer le cycle suivant")
    submit(page, check_accessibility, "Commencer le cycle suivant")
    following = Cycle.objects.exclude(pk=cycle.pk).get(partnership=cast.partnership)
    assert list(Action.objects.filter(cycle=following).values_list("title", "origin__title")) == [(KEPT, KEPT)]
    copy = Indicator.objects.get(transformation__objective__cycle=following)
    assert copy.origin == indicator and copy.baseline_value == Decimal("34")
    assert page.get_by_text(following.name).first.is_visible()
