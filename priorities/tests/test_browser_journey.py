"""Step 2 in a real browser: a partner describes its services and fills its matrix row, the coordinator draws a
finding from the heat map and, after a vote, makes it a priority. axe-core runs on every page visited."""

import re

import pytest

from analysis.models import Finding, FindingOrigin
from analysis.tests.factories import FindingFactory
from coverage.models import FactorIntervention, Intensity
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from offer.models import Service
from partnerships.models import Territory, TerritoryKind
from priorities.models import Priority, Vote, VoteStatus

pytestmark = [pytest.mark.browser]

SERVICE = "Halte-garderie des Petits Pas"
STATEMENT = "Presque aucun organisme n'agit de façon régulière sur l'éveil à la lecture et au langage."
OTHER_STATEMENT = "Les familles du quartier manquent de lieux de rencontre."
# The partner's row: two factors it works on regularly or at its core, one it only touches now and then.
ROW = {
    "Pratiques parentales": "3 — Au cœur de la mission",
    "Attitudes parentales": "2 — Régulière",
    "Habiletés de communication orale et écrite": "1 — Ponctuelle",
}
UNCOVERED = "Habiletés de communication orale et écrite"


def open_tool(page, check_accessibility, label: str) -> None:
    nav = page.get_by_role("navigation", name="Navigation du regroupement")
    nav.locator("summary", has_text="Outils").click()
    with page.expect_navigation():
        nav.get_by_role("link", name=label).click()
    check_accessibility(page)


def submit(page, check_accessibility, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    check_accessibility(page)


def sign_out(page, user) -> None:
    page.locator(".site-header summary", has_text=user.get_short_name()).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Me déconnecter").click()


def cast_ballot(page, check_accessibility, points: dict[str, int]) -> None:
    for statement, number in points.items():
        page.get_by_label(statement).fill(str(number))
    submit(page, check_accessibility, "Enregistrer mon bulletin")
    page.get_by_role("status").filter(has_text="Votre bulletin a été enregistré").wait_for()


def partner_describes_a_service_and_fills_its_row(page, check_accessibility, cast) -> None:
    open_tool(page, check_accessibility, "Outil 6 — Analyse de l'offre de services")
    page.get_by_role("button", name="Ajouter un service").click()
    check_accessibility(page)
    page.get_by_label("Nom du service").fill(SERVICE)
    page.get_by_label("Enfants de 2 à 5 ans").check()
    page.get_by_label("Parents", exact=True).check()
    page.get_by_label("Villeray").check()
    page.get_by_label("Fréquence").select_option(label="Chaque semaine")
    page.get_by_label("Pratiques parentales", exact=True).check()
    submit(page, check_accessibility, "Enregistrer")
    page.get_by_role("status").filter(has_text=f"Le service « {SERVICE} » a été ajouté.").wait_for()
    open_tool(page, check_accessibility, "Outil 6 — Analyse de l'offre de services")
    assert (
        page.get_by_role("table", name=f"Services de {cast.organization.name}")
        .get_by_role("link", name=SERVICE)
        .is_visible()
    )

    open_tool(page, check_accessibility, "Outil 7 — Analyse de l'intervention sur les facteurs de protection")
    page.get_by_role("link", name=f"Remplir la ligne de {cast.organization.name}").click()
    check_accessibility(page)
    # The factor the new service targets comes proposed from it: weekly, for children and parents.
    proposed = page.get_by_role("group", name="Pratiques parentales Proposé", exact=True)
    assert proposed.get_by_label("Intensité").input_value() == str(Intensity.REGULAR)
    assert proposed.get_by_label("Activités directes auprès des enfants").is_checked()
    assert proposed.get_by_label("Soutien aux parents").is_checked()
    assert proposed.get_by_role("link", name=SERVICE).is_visible()
    for factor, intensity in ROW.items():
        cell = page.get_by_role("group", name=re.compile(rf"^{factor}( Proposé)?$"))
        cell.get_by_label("Intensité").select_option(label=intensity)
    proposed.get_by_label("Activités directes auprès des enfants").uncheck()
    submit(page, check_accessibility, "Enregistrer la ligne")
    page.get_by_role("status").filter(has_text="3 cases modifiées").wait_for()

    service = Service.objects.get(organization=cast.organization, name=SERVICE)
    assert service.clientele_codes == ["age_2_5", "parents"]
    assert [t.name for t in service.territories.all()] == ["Villeray"]
    assert [f.name_fr for f in service.factors.all()] == ["Pratiques parentales"]
    assert service.history.get().history_user == cast.partner
    interventions = FactorIntervention.objects.filter(organization=cast.organization)
    assert {i.factor.name_fr: i.intensity for i in interventions} == {
        "Pratiques parentales": Intensity.CORE,
        "Attitudes parentales": Intensity.REGULAR,
        UNCOVERED: Intensity.OCCASIONAL,
    }
    assert interventions.get(factor__name_fr="Pratiques parentales").kinds == ["parents"]
    assert {i.history.get().history_user for i in interventions} == {cast.partner}


def coordinator_draws_a_finding_from_the_heat_map(page, check_accessibility) -> None:
    open_tool(page, check_accessibility, "Outil 7 — Analyse de l'intervention sur les facteurs de protection")
    page.get_by_role("button", name="Carte de couverture des facteurs").click()
    check_accessibility(page)
    # The partner's row shows: one organization at its core on a factor makes it thin, occasional action is not enough.
    uncovered = page.locator("section", has=page.get_by_role("heading", name="Facteurs non couverts"))
    thin = page.locator("section", has=page.get_by_role("heading", name="Facteurs faiblement couverts"))
    assert UNCOVERED in uncovered.inner_text()
    assert "Pratiques parentales" in thin.inner_text()
    page.get_by_role("link", name=f"Tirer un constat sur « {UNCOVERED} »").click()
    check_accessibility(page)
    assert page.get_by_label("Analyse de l'intervention sur les facteurs").is_checked()
    assert page.get_by_label(UNCOVERED, exact=True).is_checked()
    page.get_by_role("textbox", name="Constat").fill(STATEMENT)
    page.get_by_label("Préoccupation").check()
    page.get_by_label(f"{UNCOVERED} — Ponctuelle").check()
    submit(page, check_accessibility, "Enregistrer")
    page.get_by_role("status").filter(has_text="Le constat a été ajouté.").wait_for()


def coordinator_prepares_and_opens_a_vote(page, check_accessibility) -> None:
    open_tool(page, check_accessibility, "Outil 8 — Nos priorités")
    page.get_by_role("link", name="Choisir les priorités candidates").click()
    check_accessibility(page)
    page.get_by_label(STATEMENT).check()
    page.get_by_label(OTHER_STATEMENT).check()
    submit(page, check_accessibility, "Enregistrer les priorités candidates")
    page.get_by_role("button", name="Préparer un vote").click()
    check_accessibility(page)
    page.get_by_label("Titre").fill("Priorités 2025")
    page.get_by_label("Répartition de points").check()
    page.get_by_label("Points par membre").fill("10")
    submit(page, check_accessibility, "Préparer le vote")
    submit(page, check_accessibility, "Ouvrir le vote")


def test_partner_fills_its_row_and_the_coordinator_turns_a_heat_map_finding_into_a_priority(
    page, check_accessibility, sign_in, cast
):
    cycle = CycleFactory(partnership=cast.partnership, name="Plan 2025-2028")
    Territory.objects.create(partnership=cast.partnership, kind=TerritoryKind.NEIGHBOURHOOD, name="Villeray")
    Territory.objects.create(partnership=cast.partnership, kind=TerritoryKind.NEIGHBOURHOOD, name="Petite-Patrie")
    FindingFactory(cycle=cycle, statement=OTHER_STATEMENT)

    sign_in(cast.partner)
    check_accessibility(page)
    partner_describes_a_service_and_fills_its_row(page, check_accessibility, cast)
    sign_out(page, cast.partner)

    sign_in(cast.coordinator)
    coordinator_draws_a_finding_from_the_heat_map(page, check_accessibility)
    finding = Finding.objects.get(cycle=cycle, statement=STATEMENT)
    factor = ProtectiveFactor.objects.get(partnership=None, name_fr=UNCOVERED)
    assert finding.origin == FindingOrigin.FACTORS
    assert list(finding.factors.all()) == [factor]
    assert finding.interventions.get().organization == cast.organization
    coordinator_prepares_and_opens_a_vote(page, check_accessibility)
    vote_url = page.url
    cast_ballot(page, check_accessibility, {STATEMENT: 7, OTHER_STATEMENT: 3})
    sign_out(page, cast.coordinator)

    sign_in(cast.partner)
    page.goto(vote_url)
    check_accessibility(page)
    cast_ballot(page, check_accessibility, {STATEMENT: 6, OTHER_STATEMENT: 4})
    sign_out(page, cast.partner)

    sign_in(cast.coordinator)
    page.goto(vote_url)
    submit(page, check_accessibility, "Fermer le vote")
    result = page.get_by_role("table", name="Constats classés par total de points")
    assert result.get_by_role("row").nth(1).get_by_role("cell").nth(1).inner_text() == "13"
    assert STATEMENT in result.get_by_role("row").nth(1).inner_text()
    page.get_by_label(STATEMENT).check()
    submit(page, check_accessibility, "Enregistrer le choix du groupe")
    page.get_by_role("status").filter(has_text="1 priorité a été ajoutée au choix du groupe.").wait_for()

    vote = Vote.objects.get(cycle=cycle)
    assert vote.status == VoteStatus.CLOSED
    assert vote.ballots.values("member").distinct().count() == 2
    priority = Priority.objects.get(cycle=cycle)
    assert (priority.finding, priority.vote, priority.position) == (finding, vote, 1)
    assert priority.chosen_by == cast.coordinator
    assert priority.history.get().history_user == cast.coordinator
