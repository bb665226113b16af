"""Outils 2 and 13 in a real browser: the coordinator creates a cycle and plans its first meeting from the
proposed sequence, takes attendance, records a decision on an objective, writes the minutes and approves them at
the next meeting; then two members answer an anonymous round of the self-diagnostic and everyone reads the
results once it is closed. axe-core runs on every page visited."""

import datetime

import pytest

from cycles.models import Cycle
from diagnostic import services as diagnostic_services
from diagnostic.models import Answer, Participation, Round
from diagnostic.tests.helpers import item_codes
from meetings.models import Attendance, Decision, Minutes
from partnerships.models import Membership
from priorities.tests.factories import ObjectiveFactory

pytestmark = [pytest.mark.browser]

FIRST = "Rencontre 1 — Intention et règles de fonctionnement"
SECOND = "Rencontre 2 — Les données des organisations"
OBJECTIVE = "Favoriser l'éveil à la lecture des tout-petits"
DECISION = "Le regroupement retient cet objectif et forme un comité de travail."


def go(page, check_accessibility, action) -> None:
    with page.expect_navigation():
        action()
    check_accessibility(page)


def click_button(page, check_accessibility, name: str) -> None:
    go(page, check_accessibility, lambda: page.get_by_role("button", name=name).click())


def click_link(page, check_accessibility, name: str) -> None:
    """A link, shown as a link or as a button (an <a role="button">)."""
    target = page.get_by_role("link", name=name, exact=True).or_(page.get_by_role("button", name=name, exact=True))
    go(page, check_accessibility, lambda: target.first.click())


def status(page, text: str) -> None:
    page.get_by_role("status").filter(has_text=text).wait_for()


def coordinator_creates_a_cycle_and_dates_its_first_meeting(page, check_accessibility, cast) -> Cycle:
    go(page, check_accessibility, lambda: page.goto(f"/p/{cast.partnership.slug}/cycles/nouveau/"))
    page.get_by_label("Nom").fill("Plan 2026-2029")
    page.get_by_label("Début").fill("2026-04-01")
    page.get_by_label("Fin").fill("2029-03-31")
    click_button(page, check_accessibility, "Enregistrer")
    status(page, "la séquence type des rencontres")
    cycle = Cycle.objects.get(partnership=cast.partnership, name="Plan 2026-2029")
    go(page, check_accessibility, lambda: page.goto(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/rencontres/"))
    assert page.get_by_role("link", name=FIRST).is_visible()
    click_link(page, check_accessibility, FIRST)
    click_link(page, check_accessibility, "Modifier")
    page.get_by_label("Date").fill("2026-04-15")
    page.get_by_label("Début").fill("09:00")
    page.get_by_label("Fin").fill("11:30")
    page.get_by_label("Lieu").fill("Maison de la famille")
    click_button(page, check_accessibility, "Enregistrer")
    status(page, "Les modifications ont été enregistrées.")
    return cycle


def coordinator_takes_attendance(page, check_accessibility, cast) -> None:
    click_link(page, check_accessibility, "Noter les présences")
    for user in (cast.coordinator, cast.partner):
        page.get_by_role("radiogroup", name=user.full_name).get_by_label("Présent·e").check()
    page.get_by_role("radiogroup", name=cast.committee.full_name).get_by_label("Excusé·e").check()
    page.get_by_role("radiogroup", name=cast.other_organization.name).get_by_label("Présent·e").check()
    click_button(page, check_accessibility, "Enregistrer les présences")
    status(page, "Les présences ont été enregistrées.")
    assert "2 organismes représentés" in page.locator(".quorum").inner_text()


def coordinator_records_a_decision_on_the_objective(page, check_accessibility, cast) -> None:
    click_link(page, check_accessibility, "Consigner une décision")
    page.get_by_label("Décision").fill(DECISION)
    page.get_by_label("Élément décidé").select_option(label=OBJECTIVE)
    page.get_by_label("Suivi").first.fill("Réunir le comité de travail")
    page.get_by_label("Responsable").first.select_option(label=cast.partner.full_name)
    click_button(page, check_accessibility, "Enregistrer")
    status(page, "La décision a été consignée.")


def coordinator_writes_the_minutes(page, check_accessibility) -> None:
    click_link(page, check_accessibility, "Rédiger le compte rendu")
    editor = page.locator("trix-editor")
    editor.click()
    page.keyboard.type("Les règles de fonctionnement sont adoptées.")
    click_button(page, check_accessibility, "Enregistrer")
    status(page, "Le compte rendu a été enregistré.")


def coordinator_approves_the_minutes_at_the_next_meeting(page, check_accessibility, cycle) -> None:
    go(page, check_accessibility, lambda: page.goto(f"/p/{cycle.partnership.slug}/cycles/{cycle.pk}/rencontres/"))
    click_link(page, check_accessibility, SECOND)
    click_link(page, check_accessibility, "Modifier")
    page.get_by_label("Date").fill("2026-05-20")
    click_button(page, check_accessibility, "Enregistrer")
    click_button(page, check_accessibility, f"Approuver le compte rendu de « {FIRST} »")
    status(page, "est approuvé à cette rencontre")


def member_answers(page, check_accessibility, round_url: str, grade: str) -> None:
    go(page, check_accessibility, lambda: page.goto(round_url))
    click_link(page, check_accessibility, "Répondre")
    for radio in page.locator(f"input[type=radio][value={grade}]").all():
        radio.check()
    click_button(page, check_accessibility, "Envoyer ma réponse")
    status(page, "Votre réponse a été enregistrée.")
    assert page.locator(".receipt").inner_text()  # the receipt code, shown to the member only


def sign_out(page, user) -> None:
    page.locator(".site-header summary", has_text=user.get_short_name()).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Me déconnecter").click()


def test_plan_a_meeting_decide_approve_and_answer_the_diagnostic(page, check_accessibility, sign_in, cast):
    sign_in(cast.coordinator)
    cycle = coordinator_creates_a_cycle_and_dates_its_first_meeting(page, check_accessibility, cast)
    objective = ObjectiveFactory(cycle=cycle, title=OBJECTIVE)
    coordinator_takes_attendance(page, check_accessibility, cast)
    coordinator_records_a_decision_on_the_objective(page, check_accessibility, cast)
    coordinator_writes_the_minutes(page, check_accessibility)
    first = cycle.meetings.get(title=FIRST)
    assert Attendance.objects.filter(meeting=first).count() == 4
    decision = Decision.objects.get(meeting=first)
    assert decision.objective == objective and decision.tasks.get().assignee.user == cast.partner
    coordinator_approves_the_minutes_at_the_next_meeting(page, check_accessibility, cycle)
    minutes = Minutes.objects.get(meeting=first)
    assert minutes.approved_at.title == SECOND and "Les règles de fonctionnement sont adoptées." in minutes.content
    # The objective's page shows the decision taken about it.
    go(
        page,
        check_accessibility,
        lambda: page.goto(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/priorites/objectifs/{objective.pk}/"),
    )
    assert page.get_by_role("link", name=DECISION).is_visible()

    go(page, check_accessibility, lambda: page.goto(f"/p/{cast.partnership.slug}/diagnostic/"))
    click_link(page, check_accessibility, "Ouvrir une passation")
    page.get_by_label("Titre").fill("Bilan du printemps")
    page.get_by_label("Date de fermeture").fill((datetime.date.today() + datetime.timedelta(days=10)).isoformat())
    click_button(page, check_accessibility, "Ouvrir la passation")
    status(page, "La passation est ouverte")
    round_url = page.url
    round_ = Round.objects.get(partnership=cast.partnership)
    assert round_.is_anonymous
    committee = Membership.objects.get(user=cast.committee)  # a third member, answered beforehand
    diagnostic_services.answer_submit(
        round_=round_, membership=committee, grades=dict.fromkeys(item_codes(round_), "c"), comments={}
    )
    member_answers(page, check_accessibility, round_url, "a")
    sign_out(page, cast.coordinator)
    sign_in(cast.partner)
    member_answers(page, check_accessibility, round_url, "b")
    go(page, check_accessibility, lambda: page.goto(round_url))
    assert "publiés une fois qu'elle est fermée" in page.get_by_role("main").inner_text()
    sign_out(page, cast.partner)

    sign_in(cast.coordinator)
    go(page, check_accessibility, lambda: page.goto(round_url))
    click_button(page, check_accessibility, "Fermer la passation")
    assert Participation.objects.filter(round=round_).count() == 3 and Answer.objects.filter(round=round_).count() == 3
    table = page.get_by_role("table", name="Réponses par condition : les valeurs du graphique")
    assert table.get_by_role("row").nth(1).inner_text().split("\t")[-1].strip() == "50"  # A, B and C: 100, 50, 0
    assert page.get_by_role("img", name="Réponses par condition").is_visible()
