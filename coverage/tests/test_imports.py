"""Outil 7's import of the matrix, through HTTP: the export read back changes nothing, changed cells change exactly
those cells (notes and elements kept), bad cells are listed by sheet, line and column with nothing written, and
only those who edit the analysis may import."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coverage.models import ActionKind, FactorIntervention, Intensity
from coverage.tests.factories import InterventionFactory
from factors.models import ProtectiveFactor
from factors.tests.factories import ElementFactory, FactorFactory
from imports.tests.support import confirm, import_file, problems, sheet_rows, upload, workbook
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

FAMILY, CHILD = "Matrice, système Famille", "Matrice, système Enfant"


@pytest.fixture
def factors(cast):
    return {
        "reading": FactorFactory(name_fr="Habitudes de lecture", name_en="Reading habits", system="famille"),
        "bond": FactorFactory(name_fr="Lien d'attachement", system="famille"),
        "language": FactorFactory(name_fr="Langage oral", system="enfant"),
    }


@pytest.fixture
def address(cast):
    return _url(cast, "partnership")


def _url(cast, name: str) -> str:
    return reverse(
        f"imports:{name}", kwargs={"slug": cast.partnership.slug, "partnership_importer": "matrice-facteurs"}
    )


def _export(client, cast) -> bytes:
    kwargs = {"slug": cast.partnership.slug, "document": "intervention-facteurs", "file_format": "xlsx"}
    response = client.get(reverse("documents:partnership", kwargs=kwargs))
    assert response.status_code == 200
    return response.content


def _state() -> list[tuple]:
    return sorted(
        (i.organization_id, i.factor_id, i.element_id or 0, i.intensity, tuple(i.kinds), i.note, i.version)
        for i in FactorIntervention.objects.all()
    )


@pytest.fixture
def recorded(cast, factors):
    element = ElementFactory(factor=factors["reading"])
    return [
        InterventionFactory(
            organization=cast.organization,
            factor=factors["reading"],
            intensity=Intensity.CORE,
            kinds=[ActionKind.AWARENESS, ActionKind.PARENTS],
            note="Club de lecture",
        ),
        InterventionFactory(organization=cast.organization, factor=factors["reading"], element=element, intensity=1),
        InterventionFactory(organization=cast.other_organization, factor=factors["language"], intensity=0),
    ]


def test_the_export_imported_again_changes_nothing(cast, client_for, address, recorded):
    client = client_for(cast.coordinator)
    exported = _export(client, cast)
    header = sheet_rows(exported, FAMILY)[0]
    assert header[0] == "Organisme" and {"Habitudes de lecture", "Lien d'attachement"} <= set(header)
    before = _state()
    preview = upload(client, address, exported)
    assert "créera 0 fiches, en mettra à jour 0 et en laissera 2 inchangées" in preview.content.decode()
    assert confirm(client, address, preview).status_code == 302
    assert _state() == before


def test_changed_cells_change_exactly_those_cells(cast, client_for, address, recorded, factors):
    reading, element_cell, language = recorded
    client = client_for(cast.coordinator)
    exported = _export(client, cast)
    family = [list(row) for row in sheet_rows(exported, FAMILY)]
    header = family[0]
    parc = next(row for row in family if row[0] == "Maison de la famille du Parc")
    lucioles = next(row for row in family if row[0] == "CPE Les Lucioles")
    assert parc[header.index("Habitudes de lecture")] == (
        "Au cœur de la mission — Sensibilisation, information, Soutien aux parents"
    )
    parc[header.index("Habitudes de lecture")] = "2 — Soutien aux parents"
    lucioles[header.index("Lien d'attachement")] = "Ponctuelle"
    child = [list(row) for row in sheet_rows(exported, CHILD)]
    content = workbook({FAMILY: family, CHILD: child})

    preview = upload(client, address, content)
    assert "créera 0 fiches, en mettra à jour 2 et en laissera 0 inchangées" in preview.content.decode()
    assert confirm(client, address, preview).status_code == 302

    reading.refresh_from_db()
    assert (reading.intensity, reading.kinds, reading.note, reading.version) == (
        Intensity.REGULAR,
        [ActionKind.PARENTS],
        "Club de lecture",  # the note, which the export does not write, is kept
        2,
    )
    assert reading.history.count() == 2
    element_cell.refresh_from_db()
    language.refresh_from_db()
    assert (element_cell.version, language.version) == (1, 1)
    bond = FactorIntervention.objects.get(organization=cast.other_organization, factor=factors["bond"])
    assert (bond.intensity, bond.kinds, bond.history.count()) == (Intensity.OCCASIONAL, [], 1)


def test_an_empty_cell_clears_the_answer(cast, client_for, address, recorded, factors):
    content = workbook({FAMILY: [["Organisme", "Habitudes de lecture"], ["Maison de la famille du Parc", None]]})
    assert import_file(client_for(cast.coordinator), address, content).status_code == 302
    assert not FactorIntervention.objects.filter(element=None, factor=factors["reading"]).exists()
    assert FactorIntervention.objects.filter(factor=factors["language"]).exists()  # a sheet not given is kept


def test_bad_cells_are_all_listed_and_nothing_is_written(cast, client_for, address, recorded):
    client = client_for(cast.coordinator)
    before = _state()
    unknown = workbook({CHILD: [["Organisme", "Facteur inconnu"], ["CPE Les Lucioles", "1"]]})
    ((sheet, line, column, message),) = problems(upload(client, address, unknown))
    assert (sheet, line, column) == (CHILD, "1", "—") and "Facteur inconnu" in message
    content = workbook(
        {
            FAMILY: [
                ["Organisme", "Habitudes de lecture", "Lien d'attachement"],
                ["Organisme inconnu", "1", ""],
                ["Maison de la famille du Parc", "Beaucoup", "1 — Jardinage"],
                ["maison de la famille du parc", "1", ""],
            ]
        }
    )
    found = problems(upload(client, address, content))
    assert [row[:3] for row in found] == [
        (FAMILY, "2", "Organisme"),
        (FAMILY, "3", "Habitudes de lecture"),
        (FAMILY, "3", "Lien d&#x27;attachement"),  # as the page escapes it
        (FAMILY, "4", "Organisme"),
    ]
    assert _state() == before


def test_a_local_factor_named_like_one_of_the_catalogue_has_a_header_of_its_own(cast, client_for, address, factors):
    local = FactorFactory(
        partnership=cast.partnership,
        code="local-habitudes-de-lecture",
        name_fr="habitudes de lecture",
        system="famille",
    )
    InterventionFactory(organization=cast.organization, factor=local, intensity=Intensity.OCCASIONAL)
    client = client_for(cast.coordinator)
    exported = _export(client, cast)
    header = sheet_rows(exported, FAMILY)[0]
    catalogue_header = f"Habitudes de lecture (code {factors['reading'].code})"
    local_header = "habitudes de lecture (code local-habitudes-de-lecture)"
    assert {catalogue_header, local_header, "Lien d'attachement"} <= set(header)
    assert "Habitudes de lecture" not in header
    before = _state()
    assert import_file(client, address, exported).status_code == 302
    assert _state() == before

    # The bare name is refused, saying which headers it could mean; the export's header names one factor.
    bare = workbook({FAMILY: [["Organisme", "Habitudes de lecture"], ["CPE Les Lucioles", "3"]]})
    ((sheet, line, _column, message),) = problems(upload(client, address, bare))
    assert (sheet, line) == (FAMILY, "1")
    assert "désigne plusieurs colonnes" in message
    assert catalogue_header in message and local_header in message
    chosen = workbook({FAMILY: [["Organisme", local_header], ["CPE Les Lucioles", "3"]]})
    assert import_file(client, address, chosen).status_code == 302
    assert FactorIntervention.objects.get(organization=cast.other_organization).factor == local


def test_problems_are_in_the_persons_language(cast, client_for, address, factors):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    sheet = "Matrix, Family system"
    content = workbook({sheet: [["Organization", "Reading habits"], ["Nobody", "1"], ["CPE Les Lucioles", "Lots"]]})
    found = problems(upload(client, address, content))
    assert [row[:3] for row in found] == [(sheet, "2", "Organization"), (sheet, "3", "Reading habits")]
    assert "No partner organization" in found[0][3]
    content = workbook(
        {sheet: [["Organization", "Reading habits"], ["CPE Les Lucioles", "Regular — Support for parents"]]}
    )
    assert import_file(client, address, content).status_code == 302
    cell = FactorIntervention.objects.get()
    assert (cell.intensity, cell.kinds) == (Intensity.REGULAR, [ActionKind.PARENTS])


def test_a_formula_is_refused_never_evaluated(cast, client_for, address, factors):
    content = workbook({FAMILY: [["Organisme", "Habitudes de lecture"], ["CPE Les Lucioles", "=1+1"]]})
    ((sheet, line, column, message),) = problems(upload(client_for(cast.coordinator), address, content))
    assert (sheet, line, column) == (FAMILY, "2", "Habitudes de lecture")
    assert "Formule refusée" in message and "=1+1" in message
    assert not FactorIntervention.objects.exists()


def test_a_csv_is_the_sheet_whose_headers_it_has(cast, client_for, address, factors):
    text = "Organisme;Langage oral\r\nCPE Les Lucioles;3 — Activités directes auprès des enfants\r\n"
    assert import_file(client_for(cast.coordinator), address, text.encode(), "matrice.csv").status_code == 302
    cell = FactorIntervention.objects.get()
    assert (cell.factor, cell.intensity, cell.kinds) == (factors["language"], Intensity.CORE, [ActionKind.CHILDREN])


def test_the_template_has_the_partnerships_factors(cast, client_for, address, factors):
    client = client_for(cast.coordinator)
    response = client.get(_url(cast, "partnership_template"))
    family, child = sheet_rows(response.content, FAMILY)[0], sheet_rows(response.content, CHILD)[0]
    assert family[0] == child[0] == "Organisme"
    assert {"Habitudes de lecture", "Lien d'attachement"} <= set(family) and "Langage oral" in child
    assert import_file(client, address, response.content).status_code == 302
    # The example row gives the first factor of each system's sheet.
    examples = FactorIntervention.objects.filter(organization=cast.organization)
    systems = {factor.system for factor in ProtectiveFactor.objects.for_partnership(cast.partnership)}
    assert examples.count() == len(systems)
    assert {(i.intensity, tuple(i.kinds)) for i in examples} == {(Intensity.REGULAR, (ActionKind.PARENTS,))}


def test_the_matrix_page_links_to_the_import_for_those_who_may_import(cast, client_for, address):
    page = reverse("coverage:matrix", kwargs={"slug": cast.partnership.slug})
    assert address in client_for(cast.committee).get(page).content.decode()
    assert address not in client_for(cast.partner).get(page).content.decode()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_those_who_do_not_edit_the_analysis_may_not_import(cast, client_for, address, factors, role):
    client = client_for(getattr(cast, role))
    assert client.get(address).status_code == 403
    assert client.get(_url(cast, "partnership_template")).status_code == 403
    content = workbook({FAMILY: [["Organisme", "Habitudes de lecture"], ["Maison de la famille du Parc", "1"]]})
    assert upload(client, address, content).status_code == 403
    assert client.post(_url(cast, "partnership_confirm"), {"token": "x"}).status_code == 403
    assert not FactorIntervention.objects.exists()


def test_an_outsider_finds_nothing(cast, client_for, address, factors):
    client = client_for(cast.outsider)
    assert client.get(address).status_code == 404
    assert client.get(_url(cast, "partnership_template")).status_code == 404
    content = workbook({FAMILY: [["Organisme", "Habitudes de lecture"], ["Maison de la famille du Parc", "1"]]})
    assert upload(client, address, content).status_code == 404
    assert client.post(_url(cast, "partnership_confirm"), {"token": "x"}).status_code == 404
    assert not FactorIntervention.objects.exists()


def _queries(client, address, cast, organizations: int) -> tuple[int, int]:
    """The queries of the preview (the check) and of the import, for a file of every organization's row."""
    OrganizationFactory.create_batch(organizations, partnership=cast.partnership)
    rows = [["Organisme", "Habitudes de lecture", "Lien d'attachement"]]
    rows += [[o.name, "1", "2 — Soutien aux parents"] for o in cast.partnership.organizations.all()]
    with CaptureQueriesContext(connection) as checking:
        preview = upload(client, address, workbook({FAMILY: rows}))
    with CaptureQueriesContext(connection) as importing:
        assert confirm(client, address, preview).status_code == 302
    return len(checking.captured_queries), len(importing.captured_queries)


def test_the_check_costs_the_same_whatever_the_size_and_each_row_a_bounded_number(cast, client_for, address, factors):
    client = client_for(cast.coordinator)
    (check_small, small), (check_large, large) = _queries(client, address, cast, 3), _queries(client, address, cast, 30)
    per_row = (large - small) / 30
    print(f"matrix import: check {check_small} then {check_large} queries; import {small} then {large}")
    assert check_large == check_small
    # each new row: its lock, its read, then for each of its two cells the row, its history entry, a savepoint
    assert per_row <= 14
