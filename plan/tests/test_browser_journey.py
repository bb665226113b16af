"""Step 3 in a real browser: the coordinator builds an objective's three transformations, an indicator with two
targets and an action with two partners and budget lines from two funders, fixes what the completeness check
lists, adopts the plan, changes the action and compares. axe-core runs on every page visited."""

import re

import pytest

from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from plan.models import Action, ActionPartner, BudgetLine, DesiredChange, PlanVersion, Target
from plan.tests.factories import FunderFactory
from priorities.models import SelectedFactor
from priorities.tests.factories import ObjectiveFactory

pytestmark = [pytest.mark.browser]

OBJECTIVE = "Enrichir l'éveil à la lecture des tout-petits"
ACTION = "Croque-livres dans les parcs"
STATEMENTS = {
    "Enfant": "Les tout-petits manipulent des livres chaque jour.",
    "Famille": "Les parents lisent avec leur enfant plusieurs fois par semaine.",
    "Communauté": "Les lieux publics invitent à lire en famille.",
}


def submit(page, check_accessibility, button: str = "Enregistrer") -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    check_accessibility(page)


def follow(page, check_accessibility, link: str) -> None:
    """A link, or a link styled as a button."""
    target = page.get_by_role("link", name=link, exact=True).or_(page.get_by_role("button", name=link, exact=True))
    with page.expect_navigation():
        target.first.click()
    check_accessibility(page)


def build_the_objectives_transformations(page, check_accessibility, factor) -> None:
    for system, statement in STATEMENTS.items():
        follow(page, check_accessibility, "Ajouter la transformation")
        assert page.get_by_label("Système").input_value() != ""
        page.get_by_label("Transformation souhaitée").fill(statement)
        if system == "Famille":
            page.get_by_label(factor.name_fr, exact=True).check()
        submit(page, check_accessibility)
        page.get_by_role("status").filter(has_text="La transformation souhaitée a été ajoutée.").wait_for()
        follow(page, check_accessibility, "← Outil 9 — Plan d'action concerté")


def add_an_indicator_with_two_targets(page, check_accessibility) -> None:
    follow(page, check_accessibility, STATEMENTS["Famille"])
    follow(page, check_accessibility, "Ajouter un indicateur")
    page.get_by_label("Indicateur").fill("Familles qui lisent trois fois par semaine")
    page.get_by_label("Unité").fill("%")
    submit(page, check_accessibility)
    follow(page, check_accessibility, "Modifier les cibles")
    page.get_by_label("Valeur cible (ligne 1)").fill("50")
    page.get_by_label("Échéance (ligne 1)").fill("2026-06-30")
    page.get_by_label("Valeur cible (ligne 2)").fill("60")
    page.get_by_label("Échéance (ligne 2)").fill("2027-06-30")
    submit(page, check_accessibility)


def add_an_action_with_partners_and_budget(page, check_accessibility, cast) -> None:
    follow(page, check_accessibility, f"← Famille — {STATEMENTS['Famille']}")
    follow(page, check_accessibility, "Ajouter une action")
    page.get_by_label("Titre").fill(ACTION)
    page.get_by_label("Organisme porteur").select_option(label=cast.organization.name)
    submit(page, check_accessibility)
    follow(page, check_accessibility, "Modifier les partenaires")
    page.get_by_label("Organisme (ligne 1)").select_option(label=cast.organization.name)
    page.get_by_label("Rôle (ligne 1)").fill("Porte l'action")
    page.get_by_label("Organisme (ligne 2)").select_option(label=cast.other_organization.name)
    page.get_by_label("Contribution en nature (ligne 2)").fill("Une éducatrice")
    submit(page, check_accessibility)
    follow(page, check_accessibility, "Modifier le budget")
    page.get_by_role("button", name="Ajouter une ligne").click()  # HTMX brings one more row
    page.get_by_label("Montant (ligne 3)").wait_for()
    check_accessibility(page)
    for row, (year, funder, amount) in enumerate(
        [("2025", "Fondation Lire", "1234.50"), ("2026", "Ville", "800")], start=1
    ):
        page.get_by_label(f"Année (ligne {row})").select_option(year)
        page.get_by_label(f"Bailleur (ligne {row})").select_option(label=funder)
        page.get_by_label(f"Montant (ligne {row})").fill(amount)
    page.get_by_label("Statut (ligne 1)").select_option(label="Confirmé")
    submit(page, check_accessibility)
    assert page.get_by_text("2\u00a0034,50\u00a0$").is_visible()


def fix_what_the_completeness_check_lists(page, check_accessibility) -> None:
    page.goto(page.url.split("/plan/")[0] + "/plan/vue-ensemble/")
    check_accessibility(page)
    gaps = page.locator(".plan-gaps")
    assert gaps.get_by_text(f"L'action « {ACTION} » n'a pas de dates.").is_visible()
    with page.expect_navigation():
        gaps.get_by_role("link", name=f"L'action « {ACTION} » n'a pas de dates.").click()
    check_accessibility(page)
    page.get_by_label("Début").fill("2025-09-01")
    page.get_by_label("Fin").fill("2027-06-30")
    page.get_by_label("Calendrier de suivi").select_option(label="Trimestriel")
    submit(page, check_accessibility)
    page.goto(page.url.split("/plan/")[0] + "/plan/vue-ensemble/")
    with page.expect_navigation():
        gaps.get_by_role("link", name="L'indicateur « Familles qui lisent trois fois par semaine » n'a pas de").click()
    page.get_by_label(re.compile(r"^Valeur de départ")).fill("41")
    submit(page, check_accessibility)
    page.goto(page.url.split("/plan/")[0] + "/plan/vue-ensemble/")
    check_accessibility(page)
    for fixed in ("n'a pas de dates", "n'a pas de calendrier de suivi", "n'a pas de valeur de départ"):
        assert gaps.get_by_text(fixed).count() == 0


def adopt_change_and_compare(page, check_accessibility) -> None:
    page.goto(page.url.split("/plan/")[0] + "/plan/versions/")
    check_accessibility(page)
    follow(page, check_accessibility, "Adopter le plan")
    page.get_by_label("Adopté le").fill("2025-08-28")
    page.get_by_label("Note").fill("Adopté en grand groupe")
    submit(page, check_accessibility)
    page.get_by_role("status").filter(has_text="La version 1 du plan a été adoptée.").wait_for()
    page.goto(page.url.split("/plan/")[0] + "/plan/actions/")
    follow(page, check_accessibility, ACTION)
    follow(page, check_accessibility, "Modifier")
    page.get_by_label("État").select_option(label="En cours")
    submit(page, check_accessibility)
    page.goto(page.url.split("/plan/")[0] + "/plan/versions/")
    follow(page, check_accessibility, "avec le plan d'aujourd'hui")
    changed = page.get_by_role("table", name=ACTION)
    assert changed.get_by_role("row", name="État Prévue En cours").is_visible()


def test_coordinator_builds_adopts_changes_and_compares_the_plan(page, check_accessibility, sign_in, cast):
    cycle = CycleFactory(partnership=cast.partnership)
    factor = ProtectiveFactor.objects.filter(partnership__isnull=True, system="famille").first()
    SelectedFactor.objects.create(cycle=cycle, factor=factor)
    objective = ObjectiveFactory(cycle=cycle, title=OBJECTIVE)
    objective.factors.set([factor])
    FunderFactory(partnership=cast.partnership, name="Fondation Lire")
    FunderFactory(partnership=cast.partnership, name="Ville", kind="municipal")

    sign_in(cast.coordinator)
    page.goto(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/plan/")
    check_accessibility(page)
    assert page.get_by_text("Il manque une transformation pour : Enfant, Famille, Communauté.").is_visible()
    build_the_objectives_transformations(page, check_accessibility, factor)
    assert DesiredChange.objects.filter(objective=objective).count() == 3
    add_an_indicator_with_two_targets(page, check_accessibility)
    assert Target.objects.count() == 2
    add_an_action_with_partners_and_budget(page, check_accessibility, cast)
    assert ActionPartner.objects.count() == 2 and BudgetLine.objects.count() == 2
    fix_what_the_completeness_check_lists(page, check_accessibility)
    adopt_change_and_compare(page, check_accessibility)
    assert PlanVersion.objects.count() == 1 and Action.objects.get().status == "under_way"
