"""The complete plan (Outil 9), the document a funder receives: read back from the PDF with pypdf and from the
Word file with python-docx, in French and in English."""

import io

import pytest
from docx import Document as read_docx
from pypdf import PdfReader

from documents.tests.support import a_plan, adopt, docx_text, fetched, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_url(cycle_url):
    return lambda file_format: cycle_url("documents:cycle", key="plan", file_format=file_format)


def test_the_plan_pdf_in_french(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    adopt(cycle)
    response, pdf = fetched(client_for(cast.observer), plan_url("pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Plan%20d%27action%20concert%C3%A9" in response["Content-Disposition"]
    content = pdf_text(pdf)
    for expected in (
        "Plan d'action concerté",
        "Regroupement Petite-Patrie",
        "Table des matières",
        "Favoriser l'éveil à la lecture",
        "Famille : Les parents lisent chaque jour avec leur enfant.",
        "Familles qui lisent chaque jour",
        "12,5",
        "30 juin 2027",
        "Croque-livres 1",
        "Maison de la famille du Parc",
        "CPE Les Lucioles",
        "Fondation Lucie-et-André",
        "1 234,50 $",
        "2 034,50 $",
        "Version 1 adoptée le 12 juin 2025.",
        "du 1er septembre 2025 au 30 juin 2026",
    ):
        assert expected in content, expected


def test_the_plan_pdf_is_tagged_and_numbered(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    reader = PdfReader(io.BytesIO(fetched(client_for(cast.coordinator), plan_url("pdf"))[1]))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "fr"
    pages = len(reader.pages)
    assert pages >= 5  # cover, contents, overview, objectives, actions, budget, timeline
    assert f"Page 3 / {pages}" in reader.pages[2].extract_text()


def test_the_plan_pdf_has_bookmarks_for_its_headings(cast, cycle, client_for, plan_url):
    # The documents' own user agent stylesheet (documents/static/documents/user-agent.css) gives the headings
    # their bookmark levels: the outline a reader navigates by.
    a_plan(cast, cycle)
    reader = PdfReader(io.BytesIO(fetched(client_for(cast.coordinator), plan_url("pdf"))[1]))

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    found = list(titles(reader.outline))
    for expected in ("Plan d'action concerté", "Table des matières", "Actions", "Croque-livres 1", "Budget"):
        assert expected in found, (expected, found)


def test_the_plan_pdf_in_english(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    response, pdf = fetched(client, plan_url("pdf"))
    content = pdf_text(pdf)
    for expected in ("Concerted action plan", "Table of contents", "Family: ", "$1,234.50", "June 30, 2027"):
        assert expected in content, expected
    assert "This plan has not been adopted yet." in content
    assert "Concerted action plan" in response["Content-Disposition"].replace("%20", " ")


def test_the_plan_in_word_has_real_headings_and_repeated_table_headers(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    adopt(cycle)
    response = client_for(cast.observer).get(plan_url("docx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"') or ".docx" in response["Content-Disposition"]
    document = read_docx(io.BytesIO(response.content))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Objectifs et transformations souhaitées") in headings
    assert ("Heading 2", "Favoriser l'éveil à la lecture") in headings
    assert ("Heading 2", "Croque-livres 1") in headings
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find("{*}tblHeader") is not None
    text = docx_text(response.content)
    for expected in ("Regroupement Petite-Patrie", "1 234,50 $", "Version 1 adoptée le 12 juin 2025.", "12,5"):
        assert expected in text, expected
    assert document.core_properties.language == "fr-CA"


def test_the_plan_in_word_in_english(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    client = client_for(cast.committee)
    client.cookies["django_language"] = "en"
    text = docx_text(client.get(plan_url("docx")).content)
    for expected in ("Concerted action plan", "Objectives and desired transformations", "$1,234.50", "Family: "):
        assert expected in text, expected
    assert "Plan d'action concerté" not in text
