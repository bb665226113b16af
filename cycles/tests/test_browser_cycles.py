import pytest

from cycles.models import StepStatus
from cycles.tests.factories import CycleFactory

pytestmark = [pytest.mark.browser]


def test_cycle_pages_are_accessible_and_a_step_moves_without_reloading(page, check_accessibility, sign_in, cast):
    # One browser test for the app: each one costs a live server and a database reset.
    cycle = CycleFactory(partnership=cast.partnership)
    cycle.steps.filter(number=1).update(status=StepStatus.COMPLETED)
    cycle.steps.filter(number=2).update(status=StepStatus.IN_PROGRESS)
    page.goto("/guide/")
    check_accessibility(page)
    sign_in(cast.coordinator)
    slug = cast.partnership.slug
    for path in (f"/p/{slug}/cycles/", f"/p/{slug}/cycles/nouveau/", f"/p/{slug}/cycles/{cycle.pk}/"):
        page.goto(path)
        check_accessibility(page)
    step = page.locator("#etape-2")
    step.get_by_text("Changer le statut").click()
    step.get_by_label("Nouveau statut").select_option(StepStatus.COMPLETED.value)
    step.get_by_role("button", name="Enregistrer le statut").click()
    page.get_by_role("status").filter(has_text="est maintenant « Terminée »").wait_for()
    assert "2 étapes terminées sur 5" in page.content()
    assert cycle.steps.get(number=2).status == StepStatus.COMPLETED
