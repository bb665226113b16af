"""Hostile files sent to the statistics import (imports/, the « donnees » importer) are refused quickly, in little
memory, with a clear message.

Each bomb is a real file (core/tests/spreadsheet_bombs.py) posted through the import page; the request is timed
and its memory traced (tracemalloc's peak of everything Python allocated while the request ran).
"""

import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analysis.imports import STATISTICS
from analysis.models import Statistic
from core.tests import spreadsheet_bombs as bombs
from core.tests.support import url

pytestmark = pytest.mark.django_db

SECONDS = 1.0
MEBIBYTES = 50
COLUMNS = tuple(column.key for column in STATISTICS.columns)


@pytest.fixture(scope="session")
def gibibyte_bomb() -> bytes:
    return bombs.shared_strings_bomb(gibibytes=1.0)


def post_measured(cast, client_for, content: bytes, name: str = "donnees.xlsx", status: int = 422):
    """Post the file three times: once to warm up, once timed, once with its memory traced (tracing slows every
    allocation down).

    Returns the page, the seconds and the peak MiB the request took.
    """
    client = client_for(cast.coordinator)

    def post():
        address = url("imports:partnership", cast, partnership_importer="donnees")
        return client.post(address, {"file": SimpleUploadedFile(name, content)})

    # CPU time of the process: what the request costs, whatever else the machine (CI, a neighbour) is busy with;
    # after one request that pays for what the first of a process loads (modules, templates, catalogues).
    post()
    started = time.process_time()
    response = post()
    elapsed = time.process_time() - started
    tracemalloc.start()
    try:
        post()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == status
    return response.content.decode(), elapsed, peak / 2**20


def refused(page: str) -> None:
    assert "Rien n'a été importé" in page
    assert not Statistic.objects.exists()


def assert_cheap(elapsed: float, mebibytes: float) -> None:
    assert elapsed < SECONDS, f"{elapsed:.2f} s"
    assert mebibytes < MEBIBYTES, f"{mebibytes:.1f} MiB"


def test_shared_strings_expanding_to_a_gibibyte_are_refused(cast, client_for, gibibyte_bomb):
    assert len(gibibyte_bomb) < 5 * 2**20  # it passes the upload limit: only its expanded size gives it away
    page, elapsed, mebibytes = post_measured(cast, client_for, gibibyte_bomb)
    refused(page)
    assert "Une fois décompressé, le classeur serait démesuré" in page
    assert_cheap(elapsed, mebibytes)


def test_a_table_wider_than_the_limit_is_refused_whatever_its_declared_dimension(cast, client_for):
    header = [*COLUMNS, *(f"colonne{n}" for n in range(60))]
    sheet = bombs.sheet_xml([header, ["x"] * len(header)], dimension="A1:XFD6000")
    page, elapsed, mebibytes = post_measured(cast, client_for, bombs.workbook(sheet))
    refused(page)
    assert "Le tableau a plus de 50 colonnes" in page
    assert_cheap(elapsed, mebibytes)


def test_a_huge_declared_dimension_costs_nothing(cast, client_for):
    # 2,000 real rows under a declared A1:XFD6000: padded to the declared width they would be 33 million cells.
    # Checking 2,000 rows is real work, so the file is measured against the same rows under their true dimension:
    # the declared one must add nothing (both measured the same way, on the same machine, in the same run).
    row = ["Indice", "", "quartier", "Vieux-Moulin", "2021", "0,3", "", "non", "", ""]
    rows = [list(COLUMNS), *([row] * 2000)]
    _page, honest, _mebibytes = post_measured(cast, client_for, bombs.workbook(bombs.sheet_xml(rows)))
    sheet = bombs.sheet_xml(rows, dimension="A1:XFD6000")
    page, elapsed, mebibytes = post_measured(cast, client_for, bombs.workbook(sheet))
    refused(page)
    assert "le fichier contient 2000 problèmes" in page and "Niveau de territoire inconnu : « quartier »" in page
    assert elapsed < 1.5 * honest + 0.2, f"{elapsed:.2f} s against {honest:.2f} s under the true dimension"
    assert mebibytes < MEBIBYTES, f"{mebibytes:.1f} MiB"


def test_an_unknown_header_is_quoted_cut_short(cast, client_for):
    long_header = "couleur" + "x" * 52_000
    content = ",".join([*COLUMNS, long_header]) + "\nA,,local,B,2022,1,,non,,,\n"
    page, elapsed, mebibytes = post_measured(cast, client_for, content.encode(), name="donnees.csv")
    refused(page)
    assert "Colonne inconnue : « couleur" in page
    assert "x" * 80 not in page and len(page) < 40_000
    assert_cheap(elapsed, mebibytes)


def test_an_archive_of_many_parts_is_refused(cast, client_for):
    page, elapsed, mebibytes = post_measured(cast, client_for, bombs.many_entries(5000))
    refused(page)
    assert "Le classeur contient 5006 éléments internes (au plus 200)" in page
    assert_cheap(elapsed, mebibytes)


def test_a_workbook_with_macros_is_refused(cast, client_for):
    content = bombs.workbook(bombs.sheet_xml([list(COLUMNS)]), extra_parts={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    page, elapsed, mebibytes = post_measured(cast, client_for, content)
    refused(page)
    assert "Le classeur contient des macros" in page
    assert_cheap(elapsed, mebibytes)


def test_a_file_that_is_no_archive_is_refused(cast, client_for):
    page, elapsed, mebibytes = post_measured(cast, client_for, b"<html>" + b"a" * 4_000_000, name="donnees.xlsx")
    refused(page)
    assert "n&#x27;est pas un classeur Excel" in page
    assert_cheap(elapsed, mebibytes)


def test_a_csv_too_wide_is_refused(cast, client_for):
    content = ",".join([*COLUMNS, *(f"c{n}" for n in range(100))]) + "\n" + "x," * 110 + "\n"
    page, elapsed, mebibytes = post_measured(cast, client_for, content.encode(), name="donnees.csv")
    refused(page)
    assert "Le tableau a plus de 50 colonnes" in page
    assert_cheap(elapsed, mebibytes)


def test_xml_entity_expansion_is_refused(cast, client_for):
    # "Billion laughs": ten nested entities expanding a few bytes to gigabytes.
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    sheet = bombs.sheet_xml([list(COLUMNS)])
    strings = f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]><sst xmlns="{bombs.MAIN}"><si><t>&a9;</t></si></sst>'
    content = bombs.workbook(sheet, raw_shared_strings=strings.encode())
    page, elapsed, mebibytes = post_measured(cast, client_for, content)
    refused(page)
    assert "Le classeur Excel est illisible ou endommagé." in page
    assert_cheap(elapsed, mebibytes)
