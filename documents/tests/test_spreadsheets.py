"""Spreadsheets: one helper (core/spreadsheets.py) that no cell can turn into a formula, read back with openpyxl."""

import io

import pytest
from openpyxl import load_workbook

from core.spreadsheets import Sheet, neutralized, sheet_name, workbook_bytes
from core.tests.support import url
from documents.tests.support import a_plan
from offer.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://exemple.test")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_a_spreadsheet_would_read_as_a_formula_is_written_as_text(text):
    content = workbook_bytes([Sheet(title="Essai", headers=[text], rows=[[text, -5, 3.5]])])
    sheet = load_workbook(io.BytesIO(content)).active
    for cell in (sheet["A1"], sheet["A2"]):
        assert cell.data_type == "s"
        assert cell.value == "'" + text
    assert sheet["B2"].value == -5 and sheet["B2"].data_type == "n"  # a negative number stays a number


def test_ordinary_text_is_untouched():
    assert neutralized("Halte-garderie = répit") == "Halte-garderie = répit"
    assert neutralized(None) is None


def test_sheet_names_follow_excels_rules():
    taken: set[str] = set()
    assert sheet_name("Budget [2025]: total/an?", taken) == "Budget  2025   total an"
    assert sheet_name("Budget  2025   total an", taken) == "Budget  2025   total an (2)"
    assert len(sheet_name("x" * 40, taken)) == 31


def test_a_hostile_service_name_reaches_the_spreadsheet_as_text(cast, client_for):
    ServiceFactory(organization=cast.organization, name='=HYPERLINK("http://exemple.test","Cliquez")')
    address = url("documents:partnership", cast, document="offre-de-services", file_format="xlsx")
    sheet = load_workbook(io.BytesIO(client_for(cast.observer).get(address).content)).worksheets[0]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ['\'=HYPERLINK("http://exemple.test","Cliquez")']
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_the_plans_spreadsheet_keeps_numbers_and_dates(cast, cycle, client_for, cycle_url):
    a_plan(cast, cycle)
    content = client_for(cast.observer).get(cycle_url("documents:cycle", key="plan", file_format="xlsx")).content
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == [
        "Objectifs",
        "Transformations souhaitées",
        "Indicateurs",
        "Cibles",
        "Actions",
        "Partenaires des actions",
        "Jalons",
        "Budget",
        "Bailleurs de fonds",
    ]
    actions = list(workbook["Actions"].iter_rows(values_only=True))
    header, first = actions[0], dict(zip(actions[0], actions[1], strict=True))
    assert header[0] == "Action" and first["Action"] == "Croque-livres 1"
    assert first["Début"].year == 2025
    assert float(first["Budget total"]) == 2034.5
    budget = list(workbook["Budget"].iter_rows(values_only=True))
    assert sorted(float(row[5]) for row in budget[1:]) == [800.0, 1234.5]
