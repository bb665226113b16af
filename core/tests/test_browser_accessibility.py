"""axe-core on every main page of the demo partnership (the pages the bench times), in French and in English:
the pages people actually see, with realistic data, not the near-empty pages of a unit test."""

import pytest
from django.core.management import call_command

from bench.measure import pages_for
from partnerships.models import Partnership

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]


def test_every_main_page_of_the_demo_passes_axe_in_both_languages(page, check_accessibility, live_server):
    call_command("load_demo", verbosity=0)
    partnership = Partnership.objects.get(slug="riviere-aux-erables")
    pages, skipped = pages_for(partnership)
    assert not skipped and len(pages) >= 25

    page.goto("/comptes/login/")
    page.get_by_label("Courriel").fill("coordination@demo.concerto.test")
    page.get_by_label("Mot de passe").fill("concerto-demo")
    with page.expect_navigation():
        page.get_by_role("button", name="Me connecter").click()
    # First sign-in: the privacy notice comes first (Law 25).
    assert "/confidentialite/" in page.url
    check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("button", name="J'accepte l'avis de confidentialité").click()

    for language in ("fr", "en"):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        for label, url in pages:
            response = page.goto(url)
            assert response.status == 200, label
            assert page.locator("html").get_attribute("lang") == language
            check_accessibility(page)
