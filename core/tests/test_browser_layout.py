"""What axe cannot see, in a real browser: every main page reflows at 320 CSS pixels and prints without controls;
one form of each app can be completed with the keyboard alone; the phone menu and the choice search work."""

from dataclasses import dataclass

import pytest
from django.core.management import call_command

from analysis.models import Statistic
from bench.measure import pages_for
from coverage.models import FactorIntervention
from cycles.models import Cycle
from cycles.tests.factories import CycleFactory
from diagnostic.models import Round
from factors.models import ProtectiveFactor
from intention.models import Commitment
from meetings.models import Meeting
from offer.models import Service
from organizations.models import Organization
from partnerships.models import Invitation, Partnership
from plan.models import Funder
from priorities.models import Objective

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]

# Page width beyond the window (WCAG 1.4.10: no horizontal scrolling at 320 CSS px).
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Controls a printed page would show.
PRINTED_CONTROLS = """() => [...document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, [role=button]')]
  .filter(e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
                 return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; })
  .map(e => e.outerHTML.slice(0, 120))"""
# The name of the focused control, as a person tabbing through the form hears it.
FOCUSED = """() => { const e = document.activeElement; if (!e || e === document.body) return '';
  const text = (e.labels && e.labels.length) ? e.labels[0].innerText
    : (e.getAttribute('aria-label') || e.innerText || '');
  return text.replace(/\\s+/g, ' ').trim(); }"""


def sign_in_to_the_demo(page) -> Partnership:
    call_command("load_demo", verbosity=0)
    page.goto("/comptes/login/")
    page.get_by_label("Courriel").fill("coordination@demo.concerto.test")
    page.get_by_label("Mot de passe").fill("concerto-demo")
    with page.expect_navigation():
        page.get_by_role("button", name="Me connecter").click()
    with page.expect_navigation():
        page.get_by_role("button", name="J'accepte l'avis de confidentialité").click()
    return Partnership.objects.get(slug="riviere-aux-erables")


def test_every_main_page_reflows_at_320_pixels_and_prints_without_controls(page):
    partnership = sign_in_to_the_demo(page)
    pages, _skipped = pages_for(partnership)
    page.set_viewport_size({"width": 320, "height": 800})
    for label, url in pages:
        page.emulate_media(media="screen")
        assert page.goto(url).status == 200, label
        assert page.evaluate(SIDEWAYS) <= 0, f"{label} ({url}) scrolls sideways at 320 px"
        page.emulate_media(media="print")
        printed = page.evaluate(PRINTED_CONTROLS)
        assert not printed, f"{label} ({url}) prints controls: {printed[:3]}"


def test_the_phone_menu_folds_and_opens_with_the_keyboard(page):
    sign_in_to_the_demo(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/p/riviere-aux-erables/")
    menu = page.get_by_role("navigation", name="Navigation du regroupement")
    button = page.get_by_role("button", name="Menu du regroupement")
    assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"
    tab_to(page, "Menu du regroupement")
    page.keyboard.press("Enter")
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Cycles").is_visible()
    # On a laptop the menu is simply there, without the button.
    page.set_viewport_size({"width": 1366, "height": 768})
    page.reload()
    assert menu.is_visible() and not button.is_visible()


def test_a_long_list_of_choices_can_be_searched(page):
    sign_in_to_the_demo(page)
    cycle = Cycle.objects.get(partnership__slug="riviere-aux-erables")
    page.goto(f"/p/riviere-aux-erables/cycles/{cycle.pk}/constats/nouveau/")
    search = page.get_by_role("searchbox", name="Chercher dans Données", exact=True)
    data = page.locator("#id_statistics")
    choices = data.locator("label:has(input):visible")
    total = choices.count()
    assert total >= 12
    choices.first.locator("input").check()
    search.fill("quebec")  # accents do not count
    shown = data.locator("label:has(input):visible")
    assert 1 < shown.count() < total
    # Each choice shown names Québec, or is the one ticked, which stays in view.
    for label in shown.all():
        assert "québec" in label.inner_text().lower() or label.locator("input").is_checked()
    assert page.get_by_text(f"{shown.count()} choix affichés sur {total}").is_visible()
    search.fill("")
    assert data.locator("label:has(input):visible").count() == total


def tab_to(page, name: str, limit: int = 400) -> None:
    """Press Tab until the control named `name` has the focus: it is reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused == name or focused.startswith(f"{name} "):
            return
    raise AssertionError(f"« {name} » cannot be reached with the Tab key")


def type_date(page, iso: str) -> None:
    """A date field as headless Chromium lays it out (month, day, year; each part moves on to the next)."""
    year, month, day = iso.split("-")
    page.keyboard.type(month + day + year)


def choose_option(page, text: str) -> None:
    """A list's option chosen with the arrow keys, as a keyboard user does, until the one that starts with text."""
    for _ in range(50):
        if page.evaluate("document.activeElement.selectedOptions[0].text").startswith(text):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option « {text} » in the list")


@dataclass(frozen=True)
class KeyboardForm:
    app: str
    address: str  # with {slug} and {cycle}
    fields: tuple[tuple[str, str], ...]  # (label, what to type; "[x]" ticks a checkbox, "option:" picks in a list)
    submit: str
    saved: object  # callable(cast) -> bool: the record the form created


FORMS = (
    KeyboardForm(
        "organizations",
        "/p/{slug}/organismes/nouveau/",
        (("Nom", "Halte du Clavier"), ("Secteur", "Communautaire")),
        "Enregistrer",
        lambda cast: Organization.objects.filter(name="Halte du Clavier").exists(),
    ),
    KeyboardForm(
        "cycles",
        "/p/{slug}/cycles/nouveau/",
        (("Nom", "Cycle au clavier"), ("Début", "date:2030-04-01"), ("Fin", "date:2033-03-31")),
        "Enregistrer",
        lambda cast: Cycle.objects.filter(name="Cycle au clavier").exists(),
    ),
    KeyboardForm(
        "partnerships",
        "/p/{slug}/membres/inviter/",
        (("Adresse courriel", "clavier@exemple.test"), ("Rôle", "Obs")),
        "Envoyer l'invitation",
        lambda cast: Invitation.objects.filter(email="clavier@exemple.test").exists(),
    ),
    KeyboardForm(
        "intention",
        "/p/{slug}/cycles/{cycle}/etape-1/engagements/{organization}/",
        (("Date de l'engagement", "date:2025-05-01"), ("Signé par", "Léa Clavier"), ("Ce à quoi", "Participer.")),
        "Enregistrer l'engagement",
        lambda cast: Commitment.objects.filter(representative_name="Léa Clavier").exists(),
    ),
    KeyboardForm(
        "factors",
        "/p/{slug}/facteurs/locaux/nouveau/",
        (("Système", "Famille"), ("Nom", "Facteur au clavier")),
        "Enregistrer",
        lambda cast: ProtectiveFactor.objects.filter(name_fr="Facteur au clavier").exists(),
    ),
    KeyboardForm(
        "analysis",
        "/p/{slug}/donnees/nouvelle/",
        (
            ("Indicateur", "Enfants au clavier"),
            ("Niveau de territoire", "Territoire local"),
            ("Territoire", "Villeray"),
            ("Période", "2024"),
            ("Valeur", "12,5"),
        ),
        "Enregistrer",
        lambda cast: Statistic.objects.filter(indicator="Enfants au clavier").exists(),
    ),
    KeyboardForm(
        "offer",
        "/p/{slug}/offre/nouveau/",
        (("Organisme", "option:Maison"), ("Nom du service", "Service au clavier"), ("Parents", "[x]")),
        "Enregistrer",
        lambda cast: Service.objects.filter(name="Service au clavier", for_parents=True).exists(),
    ),
    KeyboardForm(
        "coverage",
        "/p/{slug}/facteurs/intervention/{organization}/",
        (("Intensité", "3"),),
        "Enregistrer la ligne",
        lambda cast: FactorIntervention.objects.filter(organization=cast.organization, intensity=3).exists(),
    ),
    KeyboardForm(
        "priorities",
        "/p/{slug}/cycles/{cycle}/priorites/objectifs/nouveau/",
        (("Objectif", "Objectif au clavier"),),
        "Enregistrer",
        lambda cast: Objective.objects.filter(title="Objectif au clavier").exists(),
    ),
    KeyboardForm(
        "diagnostic",
        "/p/{slug}/diagnostic/passations/nouvelle/",
        (("Titre", "Passation au clavier"), ("Date de fermeture", "date:2030-06-30"), ("Coordination", "[x]")),
        "Ouvrir la passation",
        lambda cast: Round.objects.filter(title="Passation au clavier", invitees__isnull=False).exists(),
    ),
    KeyboardForm(
        "plan",
        "/p/{slug}/bailleurs/",
        (("Nom", "Fondation au clavier"), ("Type", "option:Fondation")),
        "Ajouter",
        lambda cast: Funder.objects.filter(name="Fondation au clavier").exists(),
    ),
    KeyboardForm(
        "meetings",
        "/p/{slug}/cycles/{cycle}/rencontres/nouvelle/",
        (("Titre", "Rencontre au clavier"),),
        "Enregistrer",
        lambda cast: Meeting.objects.filter(title="Rencontre au clavier").exists(),
    ),
)


def test_one_form_of_each_app_is_completed_with_the_keyboard_alone(page, sign_in, cast):
    cycle = CycleFactory(partnership=cast.partnership)
    sign_in(cast.coordinator)
    values = {"slug": cast.partnership.slug, "cycle": cycle.pk, "organization": cast.organization.pk}
    for form in FORMS:
        page.goto(form.address.format(**values))
        for label, typed in form.fields:
            tab_to(page, label)
            if typed == "[x]":
                page.keyboard.press("Space")
            elif typed.startswith("option:"):
                choose_option(page, typed.removeprefix("option:"))
            elif typed.startswith("date:"):
                type_date(page, typed.removeprefix("date:"))
            else:
                page.keyboard.type(typed)
        tab_to(page, form.submit)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert form.saved(cast), (
            f"{form.app}: the form completed with the keyboard saved nothing ({page.url}): "
            f"{[t[:80] for t in page.locator('.errorlist >> xpath=..').all_inner_texts()]}"
        )
