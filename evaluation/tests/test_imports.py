"""Outil 12's import of measurements, through HTTP: the export read back changes nothing, every bad row is listed
by sheet, line and column with nothing written, and the file is never trusted (formulas, size, type)."""

import codecs
import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tests.support import query_count
from evaluation.models import Measurement
from evaluation.tests.factories import MeasurementFactory
from imports.tests.support import confirm, import_file, problems, sheet_rows, upload, workbook
from plan.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

HEADERS = ["Indicateur", "Date ou fin de la période", "Valeur mesurée", "Source", "Mesure imprécise", "Commentaire"]
FIELDS = ("indicator_id", "measured_on", "value", "source", "imprecise", "comment")


@pytest.fixture
def indicators(cycle):
    return [
        IndicatorFactory(transformation__objective__cycle=cycle, name="Familles qui lisent chaque jour"),
        IndicatorFactory(transformation__objective__cycle=cycle, name="Abonnements familiaux"),
    ]


@pytest.fixture
def address(cycle_url):
    return cycle_url("imports:cycle", importer="mesures")


def _export(client, cycle_url) -> bytes:
    response = client.get(cycle_url("documents:cycle", key="mesures", file_format="xlsx"))
    assert response.status_code == 200
    return response.content


def _state() -> list[tuple]:
    return [tuple(getattr(m, name) for name in FIELDS) for m in Measurement.objects.order_by("pk")]


def test_the_export_imported_into_an_empty_cycle_gives_back_every_field(
    cast, client_for, cycle_url, address, indicators
):
    reading, subscriptions = indicators
    MeasurementFactory(indicator=reading, measured_on=datetime.date(2025, 3, 31), value=Decimal("27.125"))
    MeasurementFactory(
        indicator=reading,
        measured_on=datetime.date(2025, 6, 30),
        value=Decimal("-3.5"),
        source='=HYPERLINK("http://example.org")',
        imprecise=True,
        comment="'Entre guillemets'\nsur deux lignes",
    )
    MeasurementFactory(indicator=subscriptions, measured_on=datetime.date(2025, 6, 30), value=Decimal("120"), source="")
    client = client_for(cast.coordinator)
    exported = _export(client, cycle_url)
    before = _state()
    Measurement.objects.all().delete()

    response = import_file(client, address, exported, "mesures.xlsx")

    assert response.status_code == 302 and response.url == cycle_url("evaluation:dashboard")
    assert sorted(_state()) == sorted(before)
    assert all(m.history.count() == 1 for m in Measurement.objects.all())


def test_reimporting_the_export_changes_nothing(cast, client_for, cycle_url, address, indicators):
    for day in (1, 2, 2):  # two measurements on one date: each row finds its own
        MeasurementFactory(indicator=indicators[0], measured_on=datetime.date(2025, 1, day), source="-moins")
    client = client_for(cast.coordinator)
    before = [(m.pk, m.version, m.history.count()) for m in Measurement.objects.order_by("pk")]

    preview = upload(client, address, _export(client, cycle_url))
    assert "créera 0 fiches, en mettra à jour 0 et en laissera 3 inchangées" in preview.content.decode()
    confirm(client, address, preview)

    assert [(m.pk, m.version, m.history.count()) for m in Measurement.objects.order_by("pk")] == before


def test_a_row_on_a_recorded_date_updates_that_measurement(cast, client_for, address, indicators):
    measurement = MeasurementFactory(indicator=indicators[0], measured_on=datetime.date(2025, 6, 30))
    content = workbook(
        {
            "Mesures": [
                HEADERS,
                ["Familles qui lisent chaque jour", datetime.date(2025, 6, 30), 31, "Nouveau sondage", "oui", ""],
                ["abonnements familiaux", "2025-09-30", 140, "", "", ""],
            ]
        }
    )
    client = client_for(cast.committee)
    preview = upload(client, address, content)
    assert "créera 1 fiches, en mettra à jour 1 et en laissera 0 inchangées" in preview.content.decode()
    confirm(client, address, preview)
    measurement.refresh_from_db()
    assert (measurement.value, measurement.source, measurement.imprecise, measurement.version) == (
        Decimal("31"),
        "Nouveau sondage",
        True,
        2,
    )
    assert Measurement.objects.get(indicator=indicators[1]).value == Decimal("140")


def test_bad_rows_are_all_listed_and_nothing_is_written(cast, client_for, address, indicators):
    MeasurementFactory(indicator=indicators[0], measured_on=datetime.date(2025, 6, 30), value=Decimal("1"))
    content = workbook(
        {
            "Mesures": [
                HEADERS,
                ["Familles qui lisent chaque jour", "2025-06-30", 99, "", "", ""],  # good, would update
                ["Indicateur inconnu", "2025-06-30", 1, "", "", ""],
                ["Abonnements familiaux", "30 juin", 1, "", "", ""],
                ["Abonnements familiaux", "2025-07-01", "beaucoup", "", "peut-être", ""],
                ["Abonnements familiaux", "2025-07-01", 1, "x" * 251, "", ""],
            ]
        }
    )
    before = _state()
    response = upload(client_for(cast.coordinator), address, content)
    assert response.status_code == 422
    found = problems(response)
    assert [(sheet, line, column) for sheet, line, column, _message in found] == [
        ("Mesures", "3", "Indicateur"),
        ("Mesures", "4", "Date ou fin de la période"),
        ("Mesures", "5", "Valeur mesurée"),
        ("Mesures", "5", "Mesure imprécise"),
        ("Mesures", "6", "Source"),
    ]
    assert "Rien n'a été importé" in response.content.decode()
    assert _state() == before


def test_problems_are_in_the_persons_language(cast, client_for, address, indicators):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    content = workbook({"Measurements": [["Indicator", "Date or end of the period", "Measured value"], ["Nope", 1, 2]]})
    found = problems(upload(client, address, content))
    assert found[0][:3] == ("Measurements", "2", "Indicator")
    assert "No indicator" in found[0][3]


def test_a_formula_is_refused_never_evaluated(cast, client_for, address, indicators):
    content = workbook({"Mesures": [HEADERS, ["Abonnements familiaux", "2025-06-30", "=40+2", "", "", ""]]})
    response = upload(client_for(cast.coordinator), address, content)
    ((sheet, line, column, message),) = problems(response)
    assert (sheet, line, column) == ("Mesures", "2", "Valeur mesurée")
    assert "Formule refusée" in message
    assert not Measurement.objects.exists()


def test_a_csv_with_semicolons_a_bom_and_decimal_commas(cast, client_for, address, indicators):
    text = ";".join(HEADERS) + "\r\nAbonnements familiaux;2025-06-30;12,5;Registre;oui;Été\r\n"
    response = import_file(client_for(cast.coordinator), address, codecs.BOM_UTF8 + text.encode(), "mesures.csv")
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.imprecise, measurement.comment) == (Decimal("12.5"), True, "Été")


def test_a_csv_saved_by_excel_in_windows_1252(cast, client_for, address, indicators):
    text = ";".join(HEADERS) + "\r\nAbonnements familiaux;2025-06-30;3;Bibliothèque;;\r\n"
    import_file(client_for(cast.coordinator), address, text.encode("cp1252"), "mesures.csv")
    assert Measurement.objects.get().source == "Bibliothèque"


def test_an_oversize_file_is_refused(cast, client_for, address, indicators, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    response = upload(client_for(cast.coordinator), address, b"a;b\r\n" * 400, "gros.csv")
    assert "dépasse la limite" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_file_that_is_not_a_workbook_is_refused(cast, client_for, address, indicators):
    response = upload(client_for(cast.coordinator), address, b"%PDF-1.7 not a workbook", "faux.xlsx")
    assert "n&#x27;est pas un classeur Excel" in response.content.decode()


def test_a_missing_column_is_named(cast, client_for, address, indicators):
    response = upload(client_for(cast.coordinator), address, workbook({"Mesures": [HEADERS[:2], ["a", "b"]]}))
    assert ("Mesures", "1", "Valeur mesurée", "Colonne obligatoire absente.") in problems(response)


def test_the_template_opens_and_its_example_imports(cast, client_for, cycle_url, address, indicators):
    client = client_for(cast.coordinator)
    response = client.get(cycle_url("imports:cycle_template", importer="mesures"))
    assert response.status_code == 200
    assert sheet_rows(response.content, "Mesures")[0] == tuple(HEADERS)
    instructions = sheet_rows(response.content, "Instructions")
    assert instructions[3][:3] == ("Mesures", "Valeur mesurée", "obligatoire")
    assert import_file(client, address, response.content).status_code == 302
    assert Measurement.objects.get().indicator == indicators[0]


def test_the_dashboard_links_to_the_import_for_those_who_may_import(cast, client_for, cycle_url, address):
    assert address in client_for(cast.committee).get(cycle_url("evaluation:dashboard")).content.decode()
    assert address not in client_for(cast.partner).get(cycle_url("evaluation:dashboard")).content.decode()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_those_who_do_not_edit_the_plan_may_not_import(cast, client_for, cycle_url, address, indicators, role):
    client = client_for(getattr(cast, role))
    assert client.get(address).status_code == 403
    assert client.get(cycle_url("imports:cycle_template", importer="mesures")).status_code == 403
    content = workbook({"Mesures": [HEADERS, ["Abonnements familiaux", "2025-06-30", 1]]})
    assert upload(client, address, content).status_code == 403
    assert client.post(cycle_url("imports:cycle_confirm", importer="mesures"), {"token": "x"}).status_code == 403
    assert not Measurement.objects.exists()


def test_a_confirmation_without_its_preview_imports_nothing(cast, client_for, cycle_url, indicators):
    response = client_for(cast.coordinator).post(
        cycle_url("imports:cycle_confirm", importer="mesures"), {"token": "forged"}
    )
    assert response.status_code == 302 and not Measurement.objects.exists()


def _queries(client, address, rows: int) -> int:
    start = datetime.date(2020, 1, 1)
    lines = [["Abonnements familiaux", start + datetime.timedelta(days=n), n] for n in range(rows)]
    content = workbook({"Mesures": [HEADERS, *lines]})
    preview = upload(client, address, content)
    with CaptureQueriesContext(connection) as ctx:
        assert confirm(client, address, preview).status_code == 302
    return len(ctx.captured_queries)


def test_an_import_costs_a_bounded_number_of_queries_per_row(cast, client_for, address, indicators):
    client = client_for(cast.coordinator)
    small, large = _queries(client, address, 20), _queries(client, address, 200)
    per_row = (large - small) / 180
    print(f"measurements import: 20 rows {small} queries, 200 rows {large} queries, {per_row:.1f} per row")
    assert per_row <= 4  # the row, its history entry, the savepoint of its service and its release


def test_the_measurements_export_queries_do_not_grow(cast, client_for, cycle_url, indicators):
    address = cycle_url("documents:cycle", key="mesures", file_format="xlsx")
    client = client_for(cast.observer)
    MeasurementFactory(indicator=indicators[0])
    small = query_count(client, address)
    for indicator in indicators:
        MeasurementFactory.create_batch(5, indicator=indicator)
    assert query_count(client, address) == small


def test_the_import_page_links_to_the_template_and_the_current_export(cast, client_for, cycle_url, address):
    html = client_for(cast.coordinator).get(address).content.decode()
    assert cycle_url("imports:cycle_template", importer="mesures") in html
    assert cycle_url("documents:cycle", key="mesures", file_format="xlsx") in html
