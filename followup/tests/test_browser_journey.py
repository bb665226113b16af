"""Outil 11 in a real browser: a partner representative writes the report its organization owes from the due
dates, submits it; coordination sends it back with a comment; the partner corrects and resubmits. axe-core runs
on every page visited."""

import datetime

import pytest

from followup.models import ActionReport, ReportState
from plan.tests.factories import ActionFactory

pytestmark = [pytest.mark.browser]

ACTION = "Ateliers d'éveil à la lecture"


def submit(page, check_accessibility, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    check_accessibility(page)


def follow(page, check_accessibility, link: str) -> None:
    target = page.get_by_role("link", name=link, exact=True).or_(page.get_by_role("button", name=link, exact=True))
    with page.expect_navigation():
        target.first.click()
    check_accessibility(page)


def sign_out(page, user) -> None:
    page.locator(".site-header summary", has_text=user.get_short_name()).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Me déconnecter").click()


def test_a_partner_files_a_report_and_coordination_sends_it_back(page, check_accessibility, sign_in, cast, cycle):
    ActionFactory(
        cycle=cycle,
        title=ACTION,
        lead=cast.organization,
        follow_up="yearly",
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    base = f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/suivis/"

    sign_in(cast.partner)
    page.goto(base + "mes-echeances/")
    check_accessibility(page)
    assert page.get_by_text("1 suivi en retard").is_visible()
    follow(page, check_accessibility, "Rédiger le suivi")
    assert page.get_by_label("Début de la période").input_value() == "2024-01-01"
    page.get_by_label("État d'avancement").select_option(label="Selon le plan")
    page.get_by_label("Activités réalisées").fill("Douze ateliers à la bibliothèque")
    page.get_by_label("Enfants rejoints").fill("48")
    page.get_by_label("Qui s'en porte mieux, et comment").fill("Des parents lisent chaque soir avec leur enfant.")
    submit(page, check_accessibility, "Enregistrer")
    page.get_by_role("status").filter(has_text="Le suivi a été enregistré comme brouillon.").wait_for()
    submit(page, check_accessibility, "Remettre le suivi à la coordination")
    report = ActionReport.objects.get()
    assert report.state == ReportState.SUBMITTED
    sign_out(page, cast.partner)

    sign_in(cast.coordinator)
    page.goto(base + f"{report.pk}/")
    check_accessibility(page)
    follow(page, check_accessibility, "Renvoyer pour correction")
    page.get_by_label("Ce qu'il faut corriger").fill("Combien de parents ont participé ?")
    submit(page, check_accessibility, "Renvoyer")
    report.refresh_from_db()
    assert report.state == ReportState.SENT_BACK
    sign_out(page, cast.coordinator)

    sign_in(cast.partner)
    page.goto(base + f"{report.pk}/")
    check_accessibility(page)
    assert page.get_by_text("Combien de parents ont participé ?").is_visible()
    follow(page, check_accessibility, "Modifier")
    page.get_by_label("Parents rejoints").fill("30")
    submit(page, check_accessibility, "Enregistrer")
    submit(page, check_accessibility, "Remettre le suivi à la coordination")
    report.refresh_from_db()
    assert (report.state, report.parents_reached) == (ReportState.SUBMITTED, 30)
