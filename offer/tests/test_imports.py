"""Outil 6's import of services, through HTTP: the export read back changes nothing, a row naming a service of its
organization updates it and keeps what the export does not write, bad rows are listed by sheet, line and column
with nothing written, and only those who edit the analysis may import."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factors.tests.factories import FactorFactory
from imports.tests.support import confirm, import_file, problems, sheet_rows, upload, workbook
from offer.imports import COMPARED
from offer.models import Cost, Frequency, Service
from offer.tests.factories import ServiceFactory
from organizations.tests.factories import OrganizationFactory
from partnerships.tests.factories import TerritoryFactory

pytestmark = pytest.mark.django_db

SHEET = "Services des organismes partenaires"
HEADERS = [
    "Organisme",
    "Service",
    "Clientèle",
    "Territoires",
    "Fréquence",
    "Capacité",
    "Personnes rejointes par année",
    "Coût",
]


@pytest.fixture
def address(cast):
    return reverse("imports:partnership", kwargs={"slug": cast.partnership.slug, "partnership_importer": "services"})


def _other(cast, name: str) -> str:
    kwargs = {"slug": cast.partnership.slug, "partnership_importer": "services"}
    return reverse(f"imports:{name}", kwargs=kwargs)


def _export(client, cast) -> bytes:
    kwargs = {"slug": cast.partnership.slug, "document": "offre-de-services", "file_format": "xlsx"}
    response = client.get(reverse("documents:partnership", kwargs=kwargs))
    assert response.status_code == 200
    return response.content


def _state(partnership) -> list[tuple]:
    return [
        (
            s.organization_id,
            *(getattr(s, name) for name in COMPARED),
            s.description,
            sorted(t.pk for t in s.territories.all()),
            sorted(f.pk for f in s.factors.all()),
        )
        for s in Service.objects.filter(organization__partnership=partnership).order_by("pk")
    ]


@pytest.fixture
def recorded(cast):
    parc = TerritoryFactory(partnership=cast.partnership, name="Parc-Extension")
    villeray = TerritoryFactory(partnership=cast.partnership, name="Villeray")
    factor = FactorFactory()
    halte = ServiceFactory(
        organization=cast.organization,
        name="Halte-garderie",
        description="Deux matinées par semaine.",
        for_age_2_5=True,
        territories=[parc, villeray],
        factors=[factor],
        frequency=Frequency.WEEKLY,
        capacity=12,
        reached_per_year=80,
        cost=Cost.CONTRIBUTION,
    )
    ateliers = ServiceFactory(organization=cast.other_organization, name="=Ateliers +parents", for_pregnancy=True)
    return halte, ateliers


def test_the_export_imported_again_changes_nothing_and_into_an_empty_partnership_gives_it_back(
    cast, client_for, address, recorded
):
    client = client_for(cast.coordinator)
    exported = _export(client, cast)
    state = _state(cast.partnership)
    versions = [(s.pk, s.version) for s in Service.objects.order_by("pk")]

    preview = upload(client, address, exported)
    assert "créera 0 fiches, en mettra à jour 0 et en laissera 2 inchangées" in preview.content.decode()
    assert confirm(client, address, preview).status_code == 302
    assert [(s.pk, s.version) for s in Service.objects.order_by("pk")] == versions

    Service.objects.all().delete()
    assert import_file(client, address, exported).status_code == 302

    # Everything the export writes comes back; what it does not write (description, factors) starts empty.
    def written(rows):
        return sorted(row[:-3] + (row[-2],) for row in rows)

    assert written(_state(cast.partnership)) == written(state)


def test_changed_cells_change_exactly_those_fields_and_keep_the_rest(cast, client_for, address, recorded):
    halte, ateliers = recorded
    entries = halte.history.count()
    client = client_for(cast.coordinator)
    rows = sheet_rows(_export(client, cast))
    assert rows[0] == tuple(HEADERS)
    changed = [list(row) for row in rows[1:]]
    line = next(row for row in changed if row[1] == "Halte-garderie")
    line[2], line[3], line[5], line[7] = "Enfants de 2 à 5 ans, Parents", "Villeray", 15, "Gratuit"
    changed.append(["cpe les lucioles", "Café-rencontre", "Familles", "", "", None, None, "Gratuit"])

    preview = upload(client, address, workbook({SHEET: [HEADERS, *changed]}))
    assert "créera 1 fiches, en mettra à jour 1 et en laissera 1 inchangées" in preview.content.decode()
    assert confirm(client, address, preview).status_code == 302

    halte.refresh_from_db()
    assert (halte.for_age_2_5, halte.for_parents, halte.capacity, halte.cost, halte.version) == (
        True,
        True,
        15,
        Cost.FREE,
        2,
    )
    assert [t.name for t in halte.territories.all()] == ["Villeray"]
    assert halte.description == "Deux matinées par semaine." and halte.factors.count() == 1
    assert halte.history.count() == entries + 1  # one entry for the save, its links with it
    ateliers.refresh_from_db()
    assert ateliers.version == 1
    cafe = Service.objects.get(name="Café-rencontre")
    assert (cafe.organization, cafe.for_families, cafe.history.count()) == (cast.other_organization, True, 1)


def test_a_column_left_out_keeps_what_the_service_holds(cast, client_for, address, recorded):
    halte, _ateliers = recorded
    content = workbook({SHEET: [HEADERS[:3], ["Maison de la famille du Parc", "halte-garderie", "Parents"]]})
    assert import_file(client_for(cast.coordinator), address, content).status_code == 302
    halte.refresh_from_db()
    assert (halte.name, halte.for_parents, halte.for_age_2_5) == ("halte-garderie", True, False)
    assert (halte.frequency, halte.capacity, halte.reached_per_year, halte.cost) == (
        Frequency.WEEKLY,
        12,
        80,
        Cost.CONTRIBUTION,
    )
    assert halte.territories.count() == 2


def test_bad_rows_are_all_listed_and_nothing_is_written(cast, client_for, address, recorded):
    content = workbook(
        {
            SHEET: [
                HEADERS,
                ["Organisme inconnu", "Service", "Parents", "", "", "", "", "Gratuit"],
                ["Maison de la famille du Parc", "Nouveau", "Ados", "", "", "", "", "Gratuit"],
                ["Maison de la famille du Parc", "Nouveau", "Parents", "Ailleurs", "", "", "", "Gratuit"],
                ["Maison de la famille du Parc", "", "", "", "Toujours", "12,5", "", "Gratuit"],
                ["", "Sans organisme", "Parents", "", "", "", "", "Gratuit"],
            ]
        }
    )
    before = _state(cast.partnership)
    found = problems(upload(client_for(cast.coordinator), address, content))
    assert [row[:3] for row in found] == [
        (SHEET, "2", "Organisme"),
        (SHEET, "3", "Clientèle"),
        (SHEET, "4", "Territoires"),
        (SHEET, "5", "Service"),
        (SHEET, "5", "Clientèle"),
        (SHEET, "5", "Fréquence"),
        (SHEET, "5", "Capacité"),
        (SHEET, "6", "Organisme"),
    ]
    assert "Aucun organisme partenaire" in found[0][3]
    assert _state(cast.partnership) == before


def test_problems_are_in_the_persons_language(cast, client_for, address):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    content = workbook(
        {
            "Services of the partner organizations": [
                ["Organization", "Service", "Clientele", "Cost"],
                ["Nobody", "Drop-in", "Parents", "Free"],
                ["CPE Les Lucioles", "Drop-in", "Parents", "Expensive"],
            ]
        }
    )
    found = problems(upload(client, address, content))
    assert [row[:3] for row in found] == [
        ("Services of the partner organizations", "2", "Organization"),
        ("Services of the partner organizations", "3", "Cost"),
    ]
    assert "No partner organization" in found[0][3]
    english = workbook(
        {
            "Services": [
                ["Organization", "Service", "Clientele", "Cost"],
                ["CPE Les Lucioles", "Drop-in", "Children 2 to 5 years", "Free"],
            ]
        }
    )
    assert import_file(client, address, english).status_code == 302
    assert Service.objects.get(name="Drop-in").for_age_2_5


def test_a_formula_is_refused_never_evaluated(cast, client_for, address):
    content = workbook({SHEET: [HEADERS, ["CPE Les Lucioles", "=1+1", "Parents", "", "", "", "", "Gratuit"]]})
    ((sheet, line, column, message),) = problems(upload(client_for(cast.coordinator), address, content))
    assert (sheet, line, column) == (SHEET, "2", "Service")
    assert "Formule refusée" in message and "=1+1" in message
    assert not Service.objects.exists()


def test_a_csv_with_semicolons(cast, client_for, address):
    TerritoryFactory(partnership=cast.partnership, name="Villeray")
    text = (
        ";".join(HEADERS)
        + "\r\nCPE Les Lucioles;Éveil musical;Enfants de 1 à 2 ans; villeray ;Chaque mois;8;30;Payant\r\n"
    )
    response = import_file(client_for(cast.coordinator), address, text.encode("cp1252"), "services.csv")
    assert response.status_code == 302
    service = Service.objects.get()
    assert (service.name, service.for_age_1_2, service.frequency, service.capacity, service.cost) == (
        "Éveil musical",
        True,
        Frequency.MONTHLY,
        8,
        Cost.FEE,
    )
    assert [t.name for t in service.territories.all()] == ["Villeray"]


def test_the_template_opens_and_its_example_imports(cast, client_for, address):
    client = client_for(cast.coordinator)
    response = client.get(_other(cast, "partnership_template"))
    assert response.status_code == 200
    assert sheet_rows(response.content, SHEET[:31])[0] == tuple(HEADERS)
    assert any("Chaque semaine (weekly)" in (row[3] or "") for row in sheet_rows(response.content, "Instructions"))
    assert import_file(client, address, response.content).status_code == 302
    assert Service.objects.get().organization == cast.organization


def test_the_offer_page_links_to_the_import_for_those_who_may_import(cast, client_for, address):
    page = reverse("offer:home", kwargs={"slug": cast.partnership.slug})
    assert address in client_for(cast.committee).get(page).content.decode()
    assert address not in client_for(cast.partner).get(page).content.decode()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_those_who_do_not_edit_the_analysis_may_not_import(cast, client_for, address, role):
    client = client_for(getattr(cast, role))
    assert client.get(address).status_code == 403
    assert client.get(_other(cast, "partnership_template")).status_code == 403
    content = workbook({SHEET: [HEADERS, ["Maison de la famille du Parc", "Halte", "Parents"]]})
    assert upload(client, address, content).status_code == 403
    assert client.post(_other(cast, "partnership_confirm"), {"token": "x"}).status_code == 403
    assert not Service.objects.exists()


def test_an_outsider_finds_nothing(cast, client_for, address):
    client = client_for(cast.outsider)
    assert client.get(address).status_code == 404
    assert client.get(_other(cast, "partnership_template")).status_code == 404
    content = workbook({SHEET: [HEADERS, ["Maison de la famille du Parc", "Halte", "Parents"]]})
    assert upload(client, address, content).status_code == 404
    assert client.post(_other(cast, "partnership_confirm"), {"token": "x"}).status_code == 404
    assert not Service.objects.exists()


def _queries(client, address, rows: int, prefix: str) -> int:
    lines = [["CPE Les Lucioles", f"{prefix} {n}", "Parents", "", "", n, "", "Gratuit"] for n in range(rows)]
    preview = upload(client, address, workbook({SHEET: [HEADERS, *lines]}))
    with CaptureQueriesContext(connection) as ctx:
        assert confirm(client, address, preview).status_code == 302
    return len(ctx.captured_queries)


def test_an_import_costs_a_bounded_number_of_queries_per_row(cast, client_for, address):
    OrganizationFactory.create_batch(3, partnership=cast.partnership)
    client = client_for(cast.coordinator)
    small, large = _queries(client, address, 20, "Petit"), _queries(client, address, 200, "Grand")
    per_row = (large - small) / 180
    print(f"services import: 20 rows {small} queries, 200 rows {large} queries, {per_row:.1f} per row")
    # the form's checks (the organization, the choices of partners and factors), the service, its history entry,
    # its three sets of links and their savepoints (core.saving.save_with_links)
    assert per_row <= 18


def _check_queries(client, address, rows: int) -> int:
    """The queries of checking a file (the preview) of `rows` services, one in two already recorded."""
    lines = [
        ["CPE Les Lucioles", f"Service {n}", "Parents, Grossesse", "Parc-Extension, Villeray", "", n, "", "Gratuit"]
        for n in range(rows)
    ]
    with CaptureQueriesContext(connection) as ctx:
        preview = upload(client, address, workbook({SHEET: [HEADERS, *lines]}))
        assert preview.status_code == 200, problems(preview)[:3]
    return len(ctx.captured_queries)


def test_checking_a_file_costs_the_same_queries_for_5_or_50_rows(cast, client_for, address, recorded):
    territories = list(recorded[0].territories.all())
    factor = FactorFactory()
    for n in range(0, 50, 2):
        service = ServiceFactory(
            organization=cast.other_organization,
            name=f"Service {n}",
            for_parents=True,
            territories=territories,
            factors=[factor],
        )
        service.partner_organizations.set([cast.organization])
    client = client_for(cast.coordinator)
    small, large = _check_queries(client, address, 5), _check_queries(client, address, 50)
    print(f"services import check: 5 rows {small} queries, 50 rows {large} queries")
    assert small == large
