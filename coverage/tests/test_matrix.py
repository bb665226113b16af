import pytest

from core.tests.support import url
from coverage.models import FactorIntervention, Intensity
from coverage.tests.factories import InterventionFactory
from factors.tests.factories import ElementFactory, FactorFactory

pytestmark = pytest.mark.django_db


def row_url(cast, organization, detail=False):
    address = url("coverage:row_edit", cast, organization_pk=organization.pk)
    return f"{address}?detail=1" if detail else address


@pytest.fixture
def factors(cast):
    return {
        "reading": FactorFactory(name_fr="Habitudes de lecture", system="famille"),
        "language": FactorFactory(name_fr="Langage oral", system="enfant"),
    }


def fingerprint(client, address) -> str:
    return client.get(address).context["form"].initial["fingerprint"]


def post_row(client, address, cells: dict, fingerprint_value=None) -> object:
    """cells: {prefix: (intensity, kinds, note)}; every other cell of the form is left "not answered"."""
    data = {"fingerprint": fingerprint_value or fingerprint(client, address)}
    for prefix, (intensity, kinds, note) in cells.items():
        data[f"{prefix}-intensity"] = "" if intensity is None else str(intensity)
        data[f"{prefix}-kinds"] = kinds
        data[f"{prefix}-note"] = note
    return client.post(address, data)


def test_every_member_reads_the_matrix_in_words(cast, client_for, factors):
    InterventionFactory(organization=cast.organization, factor=factors["reading"], intensity=Intensity.CORE)
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("coverage:matrix", cast)).content.decode()
        assert "Outil 7 — Analyse de l" in content
        assert '<span class="visually-hidden">Au cœur de la mission</span>' in content
        assert '<span class="visually-hidden">Non renseignée</span>' in content
        assert "(ligne non remplie)" in content  # the other organization's row
        # One table per system, in the approach's order, each named by its system.
        enfant, famille = content.index('id="systeme-enfant"'), content.index('id="systeme-famille"')
        assert enfant < content.index("Langage oral") < famille < content.index("Habitudes de lecture")
        assert 'aria-label="Système Famille : intensité de l&#x27;action de chaque organisme' in content


def test_partner_fills_its_own_row(cast, client_for, factors):
    client = client_for(cast.partner)
    reading, language = factors["reading"], factors["language"]
    cells = {f"f{reading.pk}": (2, ["parents", "awareness"], "Club de lecture"), f"f{language.pk}": (0, [], "")}
    response = post_row(client, row_url(cast, cast.organization), cells)
    assert response.status_code == 302
    saved = FactorIntervention.objects.get(organization=cast.organization, factor=reading)
    assert (saved.intensity, saved.kinds, saved.note) == (2, ["awareness", "parents"], "Club de lecture")
    assert FactorIntervention.objects.get(organization=cast.organization, factor=language).intensity == 0
    assert saved.history.get().history_user == cast.partner


def test_partner_cannot_touch_another_row_and_observer_none(cast, client_for, factors):
    cells = {f"f{factors['reading'].pk}": (3, [], "")}
    partner = client_for(cast.partner)
    assert partner.get(row_url(cast, cast.other_organization)).status_code == 403
    assert post_row(partner, row_url(cast, cast.other_organization), cells, "x").status_code == 403
    observer = client_for(cast.observer)
    assert observer.get(row_url(cast, cast.organization)).status_code == 403
    assert post_row(observer, row_url(cast, cast.organization), cells, "x").status_code == 403
    assert not FactorIntervention.objects.exists()
    committee = client_for(cast.committee)
    assert post_row(committee, row_url(cast, cast.other_organization), cells).status_code == 302


def test_unchanged_cells_are_left_untouched(cast, client_for, factors):
    reading, language = factors["reading"], factors["language"]
    kept = InterventionFactory(organization=cast.organization, factor=reading, intensity=2, kinds=["parents"])
    changed = InterventionFactory(organization=cast.organization, factor=language, intensity=1)
    cells = {f"f{reading.pk}": (2, ["parents"], ""), f"f{language.pk}": (3, ["children"], "")}
    response = post_row(client_for(cast.coordinator), row_url(cast, cast.organization), cells)
    assert response.status_code == 302
    kept.refresh_from_db()
    changed.refresh_from_db()
    assert kept.version == 1 and kept.history.count() == 1
    assert changed.version == 2 and changed.intensity == 3 and changed.history.count() == 2


def test_clearing_a_cell_and_bad_input(cast, client_for, factors):
    reading, language = factors["reading"], factors["language"]
    InterventionFactory(organization=cast.organization, factor=reading, intensity=2)
    client = client_for(cast.coordinator)
    bad = {f"f{reading.pk}": (None, [], ""), f"f{language.pk}": (None, ["parents"], "Note à garder")}
    response = post_row(client, row_url(cast, cast.organization), bad)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez une intensité pour ce facteur" in content and "Note à garder" in content
    assert FactorIntervention.objects.get().intensity == 2
    response = post_row(client, row_url(cast, cast.organization), {f"f{reading.pk}": (None, [], "")})
    assert response.status_code == 302
    assert not FactorIntervention.objects.exists()
    assert FactorIntervention.history.filter(history_type="-").count() == 1


def test_factors_of_another_partnership_are_not_offered(cast, client_for):
    theirs = FactorFactory(partnership=cast.other_partnership, name_fr="Facteur d'ailleurs")
    client = client_for(cast.coordinator)
    assert "Facteur d" not in client.get(row_url(cast, cast.organization)).content.decode()
    post_row(client, row_url(cast, cast.organization), {f"f{theirs.pk}": (3, [], "")})
    assert not FactorIntervention.objects.exists()


def test_detail_adds_the_elements(cast, client_for, factors):
    element = ElementFactory(factor=factors["reading"], name_fr="Lecture parent-enfant")
    ElementFactory(factor=factors["reading"], partnership=cast.other_partnership, name_fr="Composante d'ailleurs")
    client = client_for(cast.partner)
    assert "Lecture parent-enfant" not in client.get(row_url(cast, cast.organization)).content.decode()
    content = client.get(row_url(cast, cast.organization, detail=True)).content.decode()
    assert "Lecture parent-enfant" in content and "Composante d" not in content
    prefix = f"f{factors['reading'].pk}-e{element.pk}"
    assert post_row(client, row_url(cast, cast.organization, detail=True), {prefix: (1, [], "")}).status_code == 302
    assert FactorIntervention.objects.get().element == element
    matrix = client.get(url("coverage:matrix", cast), {"detail": "1"}).content.decode()
    assert "Lecture parent-enfant" in matrix and "Ensemble du facteur" in matrix


def test_concurrent_row_edit_is_refused_and_keeps_what_was_typed(cast, client_for, factors):
    reading = factors["reading"]
    first, second = client_for(cast.coordinator), client_for(cast.partner)
    address = row_url(cast, cast.organization)
    stale = fingerprint(second, address)
    assert post_row(first, address, {f"f{reading.pk}": (1, [], "Version A")}).status_code == 302
    response = post_row(second, address, {f"f{reading.pk}": (3, ["children"], "Version B")}, stale)
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content
    assert '<option value="3" selected>' in content
    saved = FactorIntervention.objects.get()
    assert (saved.intensity, saved.note) == (1, "Version A")
    fresh = response.context["form"].data["fingerprint"]
    assert fresh != stale
    assert post_row(second, address, {f"f{reading.pk}": (3, ["children"], "Version B")}, fresh).status_code == 302
    saved.refresh_from_db()
    assert (saved.intensity, saved.note, saved.version) == (3, "Version B", 2)


def test_history_lists_every_changed_cell(cast, client_for, factors):
    reading = factors["reading"]
    client = client_for(cast.coordinator)
    address = row_url(cast, cast.organization)
    post_row(client, address, {f"f{reading.pk}": (1, [], "")})
    post_row(client, address, {f"f{reading.pk}": (2, ["training"], "")})
    response = client_for(cast.observer).get(url("coverage:history", cast, organization_pk=cast.organization.pk))
    content = response.content.decode()
    assert "Habitudes de lecture" in content and "Coordination" in content
    latest = response.context["entries"][0]
    assert latest.subject.startswith(reading.name) and latest.who == "Coordination"
    changes = {(c.label, c.old, c.new) for c in latest.changes}
    assert ("intensité", "Ponctuelle", "Régulière") in changes
    assert ("types d'action", "—", "Formation des intervenant·es") in changes
    assert "Formation des intervenant·es" in content


def test_a_save_slipping_in_between_read_and_write_is_refused_too(cast, client_for, factors, monkeypatch):
    """Where SELECT … FOR UPDATE does not lock (SQLite), the version check on each cell still refuses."""
    from coverage import services

    reading = factors["reading"]
    stale = InterventionFactory(organization=cast.organization, factor=reading, intensity=1)
    client = client_for(cast.coordinator)
    address = row_url(cast, cast.organization)
    fingerprint_value = fingerprint(client, address)
    FactorIntervention.objects.filter(pk=stale.pk).update(version=2, note="Enregistré entre-temps")
    real = services.organization_interventions
    calls = []

    def first_read_is_stale(organization):
        calls.append(organization)
        return {(reading.pk, None): stale} if len(calls) == 1 else real(organization)

    monkeypatch.setattr(services, "organization_interventions", first_read_is_stale)
    response = post_row(client, address, {f"f{reading.pk}": (3, [], "")}, fingerprint_value)
    assert response.status_code == 409
    assert "Enregistré entre-temps" in response.content.decode()
    assert FactorIntervention.objects.get().intensity == 1


def test_the_kinds_of_action_are_written_in_the_cell_and_the_legend(cast, client_for, factors):
    InterventionFactory(
        organization=cast.organization, factor=factors["reading"], intensity=2, kinds=["training", "parents"]
    )
    client = client_for(cast.observer)
    content = client.get(url("coverage:matrix", cast)).content.decode()
    cell = '<span class="kind-codes" aria-hidden="true"><span>Par</span><span>Form</span></span>'
    assert cell in content
    assert (
        '<span class="visually-hidden">Régulière — Soutien aux parents, Formation des intervenant·es</span>' in content
    )
    assert "<strong>Form</strong> Formation des intervenant·es" in content  # the legend explains every code
    assert "title=" not in content.split("<tbody>")[1]
    client.cookies["django_language"] = "en"
    english = client.get(url("coverage:matrix", cast))
    assert english.status_code == 200
    assert 'lang="en"' in english.content.decode()
    assert '<span class="kind-codes" aria-hidden="true"><span>' in english.content.decode()


def test_the_matrix_shows_one_system_at_a_time_and_large_for_a_projector(cast, client_for, factors):
    client = client_for(cast.partner)
    one = client.get(url("coverage:matrix", cast) + "?systeme=famille&detail=1").content.decode()
    assert "Habitudes de lecture" in one and "Langage oral" not in one
    assert '<a href="?detail=1&amp;systeme=famille" aria-current="page">Famille</a>' in one
    assert '<body class="projector"' not in one
    large = client.get(url("coverage:matrix", cast) + "?systeme=famille&projecteur=1").content.decode()
    assert '<body class="projector"' in large and "Habitudes de lecture" in large and "Langage oral" not in large
    assert 'href="?systeme=communaute&amp;projecteur=1">Système suivant : Communauté' in large
    unknown = client.get(url("coverage:matrix", cast) + "?systeme=autre&projecteur=1").content.decode()
    assert "Habitudes de lecture" in unknown and "Langage oral" in unknown and '<body class="projector"' not in unknown


def test_the_row_proposes_what_the_organizations_services_already_say(cast, client_for, factors):
    from offer.tests.factories import ServiceFactory

    ServiceFactory(
        organization=cast.organization,
        name="Heure du conte",
        factors=[factors["reading"]],
        frequency="weekly",
        for_parents=True,
        for_age_2_5=True,
    )
    ServiceFactory(organization=cast.other_organization, name="Ailleurs", factors=[factors["language"]])
    client = client_for(cast.partner)
    address = row_url(cast, cast.organization)
    response = client.get(address)
    content = response.content.decode()
    form = response.context["form"]
    reading = f"f{factors['reading'].pk}"
    assert form.initial[f"{reading}-intensity"] == Intensity.REGULAR
    assert form.initial[f"{reading}-kinds"] == ["children", "parents"]
    assert f"f{factors['language'].pk}-intensity" not in form.initial  # another organization's service
    assert "1 case est proposée d'après les services" in content and "Heure du conte" in content
    # Nothing is written before the person saves; saving the row as proposed records it.
    assert not FactorIntervention.objects.exists()
    post_row(client, address, {reading: (Intensity.REGULAR, ["children", "parents"], "")})
    saved = FactorIntervention.objects.get(organization=cast.organization)
    assert (saved.factor, saved.intensity, saved.kinds) == (
        factors["reading"],
        Intensity.REGULAR,
        ["children", "parents"],
    )
    # Once answered, the row shows what was saved, not a proposal.
    FactorIntervention.objects.filter(pk=saved.pk).update(intensity=Intensity.CORE)
    again = client.get(address)
    assert again.context["form"].initial[f"{reading}-intensity"] == Intensity.CORE
    assert "proposée" not in again.content.decode()
