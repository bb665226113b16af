"""The partner organizations' import (under Outil 6), through HTTP: the export read back changes nothing, a row
naming an organization updates it, bad rows are listed with nothing written, and only those who manage the
organizations may import."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.support import query_count
from imports.tests.support import confirm, import_file, problems, sheet_rows, upload, workbook
from organizations.imports import FIELDS
from organizations.models import Organization, Sector
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

HEADERS = ["Nom", "Secteur", "Mission", "Adresse", "Municipalité", "Code postal", "Territoire desservi"]


@pytest.fixture
def address(cast):
    return reverse("imports:partnership", kwargs={"slug": cast.partnership.slug, "partnership_importer": "organismes"})


def _export(client, cast) -> bytes:
    kwargs = {"slug": cast.partnership.slug, "document": "organismes", "file_format": "xlsx"}
    response = client.get(reverse("documents:partnership", kwargs=kwargs))
    assert response.status_code == 200
    return response.content


def _state(partnership) -> list[tuple]:
    return [tuple(getattr(o, f) for f in FIELDS) for o in Organization.objects.filter(partnership=partnership)]


def test_the_export_imported_again_changes_nothing_and_into_an_empty_partnership_gives_it_back(
    cast, client_for, address
):
    OrganizationFactory(
        partnership=cast.partnership,
        name="+Famille en fête",
        sector=Sector.LIBRARY,
        postal_code="H2S 1A1",
        website="https://example.org",
        contact_email="a@example.org",
        mission="=cmd|' /C calc'!A0",
    )
    client = client_for(cast.coordinator)
    exported = _export(client, cast)
    before = [(o.pk, o.version) for o in Organization.objects.filter(partnership=cast.partnership)]
    state = _state(cast.partnership)

    preview = upload(client, address, exported)
    count = len(before)
    assert f"créera 0 fiches, en mettra à jour 0 et en laissera {count} inchangées" in preview.content.decode()
    confirm(client, address, preview)
    assert [(o.pk, o.version) for o in Organization.objects.filter(partnership=cast.partnership)] == before

    partnership = cast.partnership
    Organization.objects.filter(partnership=partnership).exclude(pk=cast.organization.pk).delete()
    response = import_file(client, address, exported)
    assert response.status_code == 302
    assert sorted(_state(partnership)) == sorted(state)


def test_a_row_naming_an_organization_updates_it(cast, client_for, address):
    organization = OrganizationFactory(partnership=cast.partnership, name="Bibliothèque du Parc")
    content = workbook(
        {
            "Organismes": [
                HEADERS,
                ["BIBLIOTHÈQUE DU PARC", "library", "Prêter des livres.", "", "Montréal", "h2s1a1", ""],
                ["CPE Les Lucioles", "Service de garde / CPE", "", "", "", "", ""],
            ]
        }
    )
    response = import_file(client_for(cast.coordinator), address, content, "organismes.xlsx")
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.name, organization.sector, organization.postal_code, organization.version) == (
        "BIBLIOTHÈQUE DU PARC",  # the same organization, renamed as the row writes it
        Sector.LIBRARY,
        "H2S 1A1",
        2,
    )
    assert Organization.objects.get(name="CPE Les Lucioles").sector == Sector.CHILDCARE
    assert organization.history.count() == 2


def test_bad_rows_are_listed_and_nothing_is_written(cast, client_for, address):
    content = workbook(
        {
            "Organismes": [
                HEADERS,
                ["Nouvel organisme", "school", "", "", "", "", ""],
                ["Sans secteur", "", "", "", "", "", ""],
                ["Secteur inconnu", "garderie", "", "", "", "12345", ""],
                ["nouvel organisme", "school", "", "", "", "", ""],
            ]
        }
    )
    before = _state(cast.partnership)
    response = upload(client_for(cast.coordinator), address, content)
    assert [row[:3] for row in problems(response)] == [
        ("Organismes partenaires", "3", "Secteur"),
        ("Organismes partenaires", "4", "Secteur"),
        ("Organismes partenaires", "4", "Code postal"),
        ("Organismes partenaires", "5", "Nom"),
    ]
    assert _state(cast.partnership) == before


def test_the_template_downloads(cast, client_for):
    kwargs = {"slug": cast.partnership.slug, "partnership_importer": "organismes"}
    response = client_for(cast.coordinator).get(reverse("imports:partnership_template", kwargs=kwargs))
    assert sheet_rows(response.content, "Organismes partenaires")[0][:2] == ("Nom", "Secteur")
    assert any("Bibliothèque (library)" in (row[3] or "") for row in sheet_rows(response.content, "Instructions"))


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_those_who_manage_organizations_may_import(cast, client_for, address, role):
    client = client_for(getattr(cast, role))
    assert client.get(address).status_code == 403
    content = workbook({"Organismes": [HEADERS, ["Nouvel organisme", "school"]]})
    assert upload(client, address, content).status_code == 403
    assert not Organization.objects.filter(name="Nouvel organisme").exists()


def test_the_organizations_export_queries_do_not_grow(cast, client_for):
    kwargs = {"slug": cast.partnership.slug, "document": "organismes", "file_format": "xlsx"}
    address = reverse("documents:partnership", kwargs=kwargs)
    client = client_for(cast.observer)
    small = query_count(client, address)
    OrganizationFactory.create_batch(5, partnership=cast.partnership)
    assert query_count(client, address) == small


def _queries(client, address, rows: int, prefix: str) -> int:
    content = workbook({"Organismes": [HEADERS, *([f"{prefix} {n}", "school"] for n in range(rows))]})
    preview = upload(client, address, content)
    with CaptureQueriesContext(connection) as ctx:
        assert confirm(client, address, preview).status_code == 302
    return len(ctx.captured_queries)


def test_an_import_costs_a_bounded_number_of_queries_per_row(cast, client_for, address):
    client = client_for(cast.coordinator)
    small, large = _queries(client, address, 20, "Petit"), _queries(client, address, 200, "Grand")
    per_row = (large - small) / 180
    print(f"organizations import: 20 rows {small} queries, 200 rows {large} queries, {per_row:.1f} per row")
    # the form's check of the name and the database's uniqueness rule, the row, its history entry, its savepoint
    assert per_row <= 6
