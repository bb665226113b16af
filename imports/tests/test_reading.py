"""The import machinery's guard against hostile or odd files, through the measurements' import page (any importer
reads its file the same way): bombs and macros refused before openpyxl reads them, the template's instructions
sheet ignored, headers in English, the file kept between preview and import removed afterwards."""

import datetime

import pytest
from django.core.files.storage import default_storage

from core.tests.spreadsheet_bombs import many_entries, shared_strings_bomb, sheet_xml
from core.tests.spreadsheet_bombs import workbook as raw_workbook
from evaluation.models import Measurement
from imports.pending import FOLDER
from imports.tests.support import confirm, problems, upload, workbook
from plan.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def address(cycle, cycle_url):
    IndicatorFactory(transformation__objective__cycle=cycle, name="Abonnements familiaux")
    return cycle_url("imports:cycle", importer="mesures")


def _message(response) -> str:
    return response.content.decode()


def test_a_zip_bomb_is_refused_before_it_is_inflated(cast, client_for, address):
    response = upload(client_for(cast.coordinator), address, shared_strings_bomb(0.1))
    assert "démesuré" in _message(response)
    assert not Measurement.objects.exists()


def test_a_workbook_of_too_many_parts_is_refused(cast, client_for, address):
    assert "éléments internes" in _message(upload(client_for(cast.coordinator), address, many_entries(300)))


def test_a_workbook_with_macros_is_refused(cast, client_for, address):
    content = raw_workbook(sheet_xml([["Indicateur"]]), extra_parts={"xl/vbaProject.bin": b"\x00"})
    assert "macros" in _message(upload(client_for(cast.coordinator), address, content))


def test_a_file_of_another_type_is_refused(cast, client_for, address):
    response = upload(client_for(cast.coordinator), address, b"Indicateur\n", "mesures.txt")
    assert "n&#x27;est pas accepté" in _message(response)


def test_a_binary_file_renamed_csv_is_refused(cast, client_for, address):
    response = upload(client_for(cast.coordinator), address, workbook({"Mesures": [["a"]]}), "mesures.csv")
    assert "n&#x27;est pas du texte" in _message(response)


def test_the_instructions_sheet_is_ignored_and_english_headers_are_read(cast, client_for, address):
    content = workbook(
        {
            "Instructions": [["Feuille", "Colonne"], ["Mesures", "Indicateur"]],
            "Mesures": [
                ["Indicator", "Date or end of the period", "Measured value"],
                ["Abonnements familiaux", "2025-06-30", 4],
            ],
        }
    )
    client = client_for(cast.coordinator)
    assert confirm(client, address, upload(client, address, content)).status_code == 302
    assert Measurement.objects.get().measured_on == datetime.date(2025, 6, 30)


def test_a_sheet_without_data_rows_says_so(cast, client_for, address):
    content = workbook({"Mesures": [["Indicateur", "Date ou fin de la période", "Valeur mesurée"]]})
    assert "aucune donnée à importer" in _message(upload(client_for(cast.coordinator), address, content))


def test_an_unknown_column_is_named(cast, client_for, address):
    content = workbook({"Mesures": [["Indicateur", "Date ou fin de la période", "Valeur mesurée", "Couleur"], ["a"]]})
    found = problems(upload(client_for(cast.coordinator), address, content))
    assert ("Mesures", "1", "—", "Colonne inconnue : « Couleur ».") in found


def test_the_file_kept_for_the_preview_is_removed_once_imported(cast, client_for, address):
    content = workbook(
        {
            "Mesures": [
                ["Indicateur", "Date ou fin de la période", "Valeur mesurée"],
                ["Abonnements familiaux", "2025-06-30", 4],
            ]
        }
    )
    client = client_for(cast.coordinator)
    preview = upload(client, address, content)
    assert len(default_storage.listdir(FOLDER)[1]) == 1
    confirm(client, address, preview)
    assert default_storage.listdir(FOLDER)[1] == []
    # the same confirmation again imports nothing more
    assert confirm(client, address, preview).status_code == 302
    assert Measurement.objects.count() == 1


def test_a_sheet_over_the_row_limit_is_refused_whole(cast, client_for, address, monkeypatch):
    monkeypatch.setattr("imports.reading.MAX_ROWS", 3)
    rows = [["Abonnements familiaux", f"2025-06-{day:02}", day] for day in range(1, 6)]
    content = workbook({"Mesures": [["Indicateur", "Date ou fin de la période", "Valeur mesurée"], *rows]})
    response = upload(client_for(cast.coordinator), address, content)
    assert "plus de 3 lignes" in _message(response)
    assert not Measurement.objects.exists()
