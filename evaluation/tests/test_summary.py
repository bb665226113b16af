"""The evaluation summary of a cycle: objectives, transformations, indicators with their first and last
measurements against the baseline and the targets, decisions per action and the diagnostic's rounds; on one page
and in one document, in a fixed number of queries."""

import datetime
import io
from decimal import Decimal

import pytest
from docx import Document as read_docx
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from core.tests.support import query_count
from diagnostic.tests.factories import RoundFactory
from documents.tests.support import a_plan, docx_text, pdf_text
from evaluation.models import Decision
from evaluation.tests.factories import ActionDecisionFactory, MeasurementFactory, ReviewFactory
from plan.models import Action, Indicator
from plan.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


def _evaluated_plan(cast, cycle, *, actions=3):
    objective = a_plan(cast, cycle, actions=actions)
    indicator = Indicator.objects.get(transformation__objective=objective)
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 6, 30), value=Decimal("15.5"))
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 6, 30), value=Decimal("27.25"))
    review = ReviewFactory(transformation=indicator.transformation)
    first = Action.objects.filter(cycle=cycle).order_by("title").first()
    ActionDecisionFactory(review=review, action=first, decision=Decision.ADAPT, reason="Ouvrir le samedi")
    RoundFactory(partnership=cast.partnership, title="Passation du printemps")
    return review


def test_the_summary_page(cast, client_for, cycle_url, cycle):
    _evaluated_plan(cast, cycle)
    content = client_for(cast.observer).get(cycle_url("evaluation:summary")).content.decode()
    assert "Favoriser l&#x27;éveil à la lecture" in content and "Les parents lisent chaque jour" in content
    assert "<td>15,5 " in content and "<td>27,25 " in content and "<td>12,5 " in content and "40 " in content
    assert ",500" not in content and ",000" not in content
    assert "Adapter" in content and "Ouvrir le samedi" in content and "pas encore appliquée" in content
    assert "Passation du printemps" in content
    assert cycle_url("documents:cycle", key="evaluation", file_format="pdf") in content


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_the_summary_document(cast, client_for, cycle_url, cycle, file_format):
    _evaluated_plan(cast, cycle)
    response = client_for(cast.observer).get(cycle_url("documents:cycle", key="evaluation", file_format=file_format))
    assert response.status_code == 200
    content = " ".join((pdf_text if file_format == "pdf" else docx_text)(response.content).split())
    for text in ("Synthèse de l'évaluation du cycle", "Favoriser l'éveil à la lecture", "15,5", "27,25", "12,5"):
        assert text in content, text
    assert "Adapter" in content and "Ouvrir le samedi" in content and "Croque-livres 1" in content


def test_the_summary_document_in_english(cast, client_for, cycle_url, cycle):
    _evaluated_plan(cast, cycle)
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    content = docx_text(client.get(cycle_url("documents:cycle", key="evaluation", file_format="docx")).content)
    assert "Evaluation summary of the cycle" in content and "Adapt" in content and "First measurement" in content


def test_the_outsider_gets_404(cast, client_for, cycle_url):
    client = client_for(cast.outsider)
    assert client.get(cycle_url("evaluation:summary")).status_code == 404
    assert client.get(cycle_url("documents:cycle", key="evaluation", file_format="pdf")).status_code == 404


def _more_actions(cycle, review, count):
    transformation = review.transformation
    for n in range(count):
        action = ActionFactory(cycle=cycle, title=f"Action {n:03}", transformations=[transformation])
        ActionDecisionFactory(review=review, action=action, decision=Decision.MAINTAIN)


@pytest.mark.parametrize("address", ["page", "xlsx"])
def test_the_summary_queries_do_not_grow_from_3_to_200_actions(cast, client_for, cycle_url, cycle, address):
    review = _evaluated_plan(cast, cycle)
    client = client_for(cast.observer)
    target = (
        cycle_url("evaluation:summary")
        if address == "page"
        else cycle_url("documents:cycle", key="evaluation", file_format="xlsx")
    )
    small = query_count(client, target)
    _more_actions(cycle, review, 197)
    a_plan(cast, cycle, actions=2, objective="Soutenir les parents")
    assert query_count(client, target) == small


def test_the_page_shows_the_decisions_fifty_actions_at_a_time(cast, client_for, cycle_url, cycle):
    review = _evaluated_plan(cast, cycle)
    _more_actions(cycle, review, 57)  # 60 actions: "Action 000" to "Action 056" after the three of the plan
    client = client_for(cast.observer)
    first = client.get(cycle_url("evaluation:summary")).content.decode()
    assert "Action 000" in first and "Action 056" not in first and "Page 1 sur 2" in first
    assert "Favoriser l&#x27;éveil à la lecture" in first and "Passation du printemps" in first
    second = client.get(cycle_url("evaluation:summary") + "?page=2", headers={"HX-Request": "true"})
    content = second.content.decode()
    assert "Action 056" in content and "Action 000" not in content and "Page 2 sur 2" in content
    assert "<html" not in content and "Passation du printemps" not in content  # the region alone


def _alternative_texts(pdf: bytes) -> list[str]:
    """The /Alt of the PDF's tagged figures (WeasyPrint writes a PDF/UA: an <img>'s alt is its figure's /Alt)."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize("key", ["evaluation", "mesures"])
def test_the_documents_show_each_indicators_chart_with_its_alternative_text(cast, client_for, cycle_url, cycle, key):
    """The page's SVG in the PDF (an image with its alternative text), the same drawing as a PNG in Word."""
    _evaluated_plan(cast, cycle)
    client = client_for(cast.observer)
    pdf = client.get(cycle_url("documents:cycle", key=key, file_format="pdf")).content
    content = " ".join(pdf_text(pdf).split())
    assert "Graphiques des indicateurs" in content and "Dans le bon sens — sens souhaité" in content
    assert "Valeur de départ 12.5" in content  # the SVG's own labels, drawn in the PDF
    alternatives = [text for text in _alternative_texts(pdf) if "Familles qui lisent" in text]
    assert alternatives and "15,5 (30 juin 2025)" in alternatives[0] and "40 (30 juin 2027)" in alternatives[0]
    word = read_docx(io.BytesIO(client.get(cycle_url("documents:cycle", key=key, file_format="docx")).content))
    assert len(word.inline_shapes) == 1
    picture = word.inline_shapes[0]
    alternative = picture._inline.docPr.get("descr")
    assert "Familles qui lisent chaque jour" in alternative and "15,5 (30 juin 2025)" in alternative
    assert "40 (30 juin 2027)" in alternative and "Dans le bon sens" in alternative
    png = word.part.related_parts[picture._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert Image.open(io.BytesIO(png)).size == (1280, 640)


def test_the_chart_in_english(cast, client_for, cycle_url, cycle):
    _evaluated_plan(cast, cycle)
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    word = read_docx(io.BytesIO(client.get(cycle_url("documents:cycle", key="evaluation", file_format="docx")).content))
    alternative = word.inline_shapes[0]._inline.docPr.get("descr")
    assert "Evolution of the indicator" in alternative and "June 30, 2025" in alternative
    assert "Indicator charts" in [paragraph.text for paragraph in word.paragraphs]
