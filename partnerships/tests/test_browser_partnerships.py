import pytest

from cycles.tests.factories import CycleFactory
from partnerships.models import Invitation, Role

pytestmark = [pytest.mark.browser]


def test_partnership_pages_are_accessible_and_an_invitation_works(page, check_accessibility, sign_in, cast):
    # One browser test for the whole app: each one costs a live server and a database reset.
    CycleFactory(partnership=cast.partnership)
    invitation = Invitation.objects.create(
        partnership=cast.partnership, email="nouvelle@exemple.test", role=Role.OBSERVER
    )
    page.goto(f"/invitations/{invitation.token}/")
    check_accessibility(page)
    page.locator("#id_full_name").fill("Nadia Tremblay")
    page.locator("#id_password1").fill("Un-mot-de-passe-solide-42")
    page.locator("#id_password2").fill("Un-mot-de-passe-solide-42")
    with page.expect_navigation():
        page.get_by_role("button", name="Créer mon compte et rejoindre le regroupement").click()
    # A new account reads and accepts the privacy notice first (Law 25), then lands in the partnership.
    assert "/confidentialite/" in page.url and "Bienvenue dans le regroupement" in page.content()
    check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("button", name="J'accepte l'avis de confidentialité").click()
    assert page.url.endswith(f"/p/{cast.partnership.slug}/")
    page.context.clear_cookies()

    sign_in(cast.coordinator)
    slug = cast.partnership.slug
    for path in (f"/p/{slug}/", f"/p/{slug}/profil/", f"/p/{slug}/profil/modifier/", f"/p/{slug}/membres/"):
        page.goto(path)
        check_accessibility(page)
