"""The complete plan (Outil 9), the document a funder receives: read back from the PDF with pypdf and from the
Word file with python-docx, in French and in English."""

import io

import pytest
from docx import Document as read_docx
from pypdf import PdfReader

from documents.tests.support import a_plan, adopt, docx_text, fetched, pdf_text
from partnerships.tests.factories import TerritoryFactory
from plan.models import Action
from plan.tests.factories import ActionFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_url(cycle_url):
    return lambda file_format: cycle_url("documents:cycle", key="plan", file_format=file_format)


def test_the_plan_pdf_in_french(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    adopt(cycle)
    TerritoryFactory(partnership=cast.partnership, name="Quartier Petite-Patrie")
    response, pdf = fetched(client_for(cast.observer), plan_url("pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Plan%20d%27action%20concert%C3%A9" in response["Content-Disposition"]
    content = pdf_text(pdf, flat=True)
    for expected in (
        # The cover: the partnership, its territory, the cycle and the adopted version.
        "Plan d'action concerté",
        "Regroupement Petite-Patrie",
        "Quartier Petite-Patrie",
        cycle.name,
        "Version 1 adoptée le 12 juin 2025.",
        "Table des matières",
        # The overview, then the objective with its transformation, its indicator and its target.
        "Vue d'ensemble",
        "Favoriser l'éveil à la lecture",
        "Famille : Les parents lisent chaque jour avec leur enfant.",
        "Familles qui lisent chaque jour",
        "12,5",
        "40 — 30 juin 2027",
        # The action's row (lead, partner and role, schedule, budget total), then its description.
        "Croque-livres 1",
        "Maison de la famille du Parc",
        "CPE Les Lucioles (Anime les lectures)",
        "du 1er septembre 2025 au 30 juin 2026",
        "2 034,50 $",
        "Jalons : 1er octobre 2025 — Première boîte installée",
        "2025, Fondation Lucie-et-André, confirmé : 1 234,50 $; 2026, Fondation Lucie-et-André, demandé : 800,00 $",
        # The budget by funder and year.
        "Budget par bailleur et par année",
        "Calendrier des actions et des jalons",
    ):
        assert expected in content, expected


def test_the_plan_pdf_describes_each_action_once(cast, cycle, client_for, plan_url):
    # An action that serves two objectives has a row in each objective's table and one description, under the
    # first; an action that serves no transformation has its own group.
    objective = a_plan(cast, cycle)
    second = TransformationFactory(
        objective=ObjectiveFactory(cycle=cycle, title="Soutenir les familles"), system="communaute"
    )
    Action.objects.get(title="Croque-livres 1").transformations.add(second)
    ActionFactory(cycle=cycle, title="Comité de suivi", lead=cast.organization)
    content = pdf_text(fetched(client_for(cast.coordinator), plan_url("pdf"))[1], flat=True)
    actions = content[content.index(f"{objective.title} Action Organisme porteur Partenaires") :]
    assert actions.count("Croque-livres 1 — État : ") == 1
    assert actions.index(objective.title) < actions.index("Croque-livres 1 — État : ")
    assert actions.index("Croque-livres 1 — État : ") < actions.index("Soutenir les familles")
    later = actions[actions.index("Soutenir les familles") :]
    assert "Croque-livres 1" in later and "Croque-livres 1 — État : " not in later
    assert "Actions sans transformation souhaitée" in later and "Comité de suivi — État : " in later


def test_the_plan_pdf_is_tagged_and_numbered(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle, actions=30)
    reader = PdfReader(io.BytesIO(fetched(client_for(cast.coordinator), plan_url("pdf"))[1]))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "fr"
    pages = len(reader.pages)
    assert pages >= 5  # cover, contents, overview, objectives, actions, budget, timeline
    texts = [page.extract_text() for page in reader.pages]
    assert f"Page 3 / {pages}" in texts[2]
    # The running header names the partnership and the chapter; the actions' table repeats its header row on
    # each page it spans.
    assert "Regroupement Petite-Patrie Vue d'ensemble" in texts[2]
    spanned = [text for text in texts if "au 30 juin 2026" in text]
    assert len(spanned) >= 2, len(spanned)
    assert all("Organisme porteur" in text and "Partenaires" in text for text in spanned)


def _figures(node):
    """The Figure elements of a PDF's structure tree."""
    node = node.get_object()
    if node.get("/S") == "/Figure":
        yield node
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
            yield from _figures(kid)


def test_the_plan_pdf_charts_have_an_alternative_text(cast, cycle, client_for, plan_url):
    a_plan(cast, cycle)
    reader = PdfReader(io.BytesIO(fetched(client_for(cast.coordinator), plan_url("pdf"))[1]))
    figures = list(_figures(reader.trailer["/Root"]["/StructTreeRoot"]))
    assert figures
    for figure in figures:
        assert str(figure["/Alt"]).startswith("Calendrier des actions sur les années du cycle, partie 1 de 1")


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


@pytest.mark.parametrize(("key", "page"), [("plan", 2), ("vue-ensemble", 1)])
def test_the_overviews_system_column_holds_its_longest_name(cast, cycle, client_for, cycle_url, key, page):
    # « Communauté », the longest system, on one line in the overview's narrowest column (it wrapped mid-word).
    objective = a_plan(cast, cycle)
    TransformationFactory(objective=objective, system="communaute", statement="Les lieux publics invitent à lire.")
    address = cycle_url("documents:cycle", key=key, file_format="pdf")
    reader = PdfReader(io.BytesIO(fetched(client_for(cast.coordinator), address)[1]))
    overview = reader.pages[page].extract_text()
    assert "Communauté" in overview and "Communaut\n" not in overview
