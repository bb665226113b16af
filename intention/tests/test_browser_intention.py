import pytest

from cycles.tests.factories import CycleFactory
from intention.models import OperatingRules

pytestmark = [pytest.mark.browser]


def test_step_one_pages_are_accessible_and_the_rules_editor_saves_clean_html(page, check_accessibility, sign_in, cast):
    # One browser test for the app: each one costs a live server and a database reset.
    cycle = CycleFactory(partnership=cast.partnership)
    sign_in(cast.coordinator)
    slug = cast.partnership.slug
    for path in (
        f"/p/{slug}/cycles/{cycle.pk}/etape-1/",
        f"/p/{slug}/cycles/{cycle.pk}/etape-1/engagements/{cast.organization.pk}/",
        f"/p/{slug}/regles/",
    ):
        page.goto(path)
        check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Rédiger une première version").click()
    editor = page.locator("trix-editor")
    editor.wait_for()
    assert editor.locator("h2").first.inner_text() == "Mission et intention commune"
    check_accessibility(page)
    editor.click()
    page.keyboard.press("Control+End")
    length = editor.evaluate("el => el.editor.getDocument().toString().length")
    page.keyboard.press("Enter")
    # Trix applies the line break asynchronously: on a busy machine, typing too soon splits the first letter off.
    page.wait_for_function(
        "n => document.querySelector('trix-editor').editor.getDocument().toString().length > n", arg=length
    )
    page.keyboard.type("Nous décidons par consensus.")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer", exact=True).click()
    rules = OperatingRules.objects.get(partnership=cast.partnership)
    assert "<h2>Mission et intention commune</h2>" in rules.content
    assert "Nous décidons par consensus." in rules.content
    # Trix is set to write paragraphs: a <div> would have been stripped and left the text bare.
    assert "Nous décidons par consensus.</p>" in rules.content
    check_accessibility(page)
