"""The evaluation summary of a cycle: objectives, transformations, indicators with their first and last
measurements against the baseline and the targets, decisions per action and the diagnostic's rounds; on one page
and in one document, in a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest

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
