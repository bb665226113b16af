"""The foundation's key journey in a real browser, with axe-core on every page it visits."""

import pytest

from cycles.tests.factories import CycleFactory
from intention.models import Commitment
from organizations.models import Organization

pytestmark = [pytest.mark.browser]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_coordinator_adds_an_organization_records_its_commitment_and_switches_language(
    page, check_accessibility, sign_in, cast
):
    cycle = CycleFactory(partnership=cast.partnership, name="Plan 2025-2028")
    sign_in(cast.coordinator)
    check_accessibility(page)

    page.get_by_role("navigation", name="Navigation du regroupement").get_by_role("link", name="Organismes").click()
    check_accessibility(page)
    page.get_by_role("button", name="Ajouter un organisme").click()
    check_accessibility(page)
    page.get_by_label("Nom").fill("Bibliothèque du Parc")
    page.get_by_label("Secteur").select_option(label="Bibliothèque")
    page.get_by_label("Code postal").fill("h2s 1a1")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", name="Bibliothèque du Parc").wait_for()
    check_accessibility(page)
    organization = Organization.objects.get(partnership=cast.partnership, name="Bibliothèque du Parc")
    assert organization.postal_code == "H2S 1A1"

    page.goto(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/")
    check_accessibility(page)
    page.goto(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/etape-1/")
    check_accessibility(page)
    page.get_by_role("link", name="Consigner l'engagement — Bibliothèque du Parc").click()
    check_accessibility(page)
    page.get_by_label("Date de l'engagement").fill("2025-05-14")
    page.get_by_label("Signé par").fill("Nadia Tremblay")
    page.get_by_label("Ce à quoi l'organisme s'engage").fill("Offrir l'heure du conte aux familles du quartier.")
    page.get_by_label("Document signé (facultatif)").set_input_files(
        {"name": "engagement.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer l'engagement").click()
    check_accessibility(page)
    commitment = Commitment.objects.get(cycle=cycle, organization=organization)
    assert commitment.representative_name == "Nadia Tremblay"
    assert commitment.document_type == "application/pdf"
    assert commitment.history.get().history_user == cast.coordinator

    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("navigation", name="Partnership navigation")
        .get_by_role("link", name="Organizations")
        .is_visible()
    )
    check_accessibility(page)
