"""The results of a round as a document (PDF, Word, spreadsheet): what the round's page shows, hidden as the page
hides it, in French and in English; linked from the round's page; refused to an outsider; queries that do not grow."""

import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from core.tests.support import query_count, url
from diagnostic import selectors, services
from diagnostic.tests.factories import RoundFactory
from diagnostic.tests.test_results import answer_round
from documents.tests.support import docx_text, pdf_text
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
READERS = {"pdf": pdf_text, "docx": docx_text}


@pytest.fixture
def members(cast):
    return [MembershipFactory(partnership=cast.partnership, role=Role.PARTNER) for _ in range(4)]


def address(cast, round_, file_format="pdf") -> str:
    kwargs = {"record_document": "passation-diagnostic", "partnership_record_pk": round_.pk}
    return url("documents:partnership_record", cast, file_format=file_format, **kwargs)


def read(client, cast, round_, file_format) -> str:
    response = client.get(address(cast, round_, file_format))
    assert response.status_code == 200
    # Lines joined: a narrow column wraps a sentence over several lines.
    return " ".join(READERS[file_format](response.content).split())


def first_item(round_):
    return round_.questionnaire.conditions.order_by("position").first().items.order_by("position").first()


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_a_named_round_compiled_per_condition_and_item_compared_with_the_round_before(
    cast, client_for, members, file_format
):
    before = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False, title="Automne")
    answer_round(before, members[:3], "a")
    round_ = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False, title="Printemps")
    answer_round(round_, members[:3], "ab")
    condition = round_.questionnaire.conditions.order_by("position").first()
    content = read(client_for(cast.observer), cast, round_, file_format)
    for text in ["Résultats de l'outil diagnostique", "Printemps", "Regroupement Petite-Patrie", "Nominative"]:
        assert text in content, text
    assert condition.name in content and "Score sur 100" in content
    assert "Énoncés à renforcer" in content and first_item(round_).wording in content
    assert "comparés à « Automne »" in content
    assert f"Note 0 — {members[0].user}" in content  # a named round's comments keep their author


def test_an_anonymous_round_hides_its_results_until_closed_with_enough_answers(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members, title="Anonyme")
    answer_round(round_, members[:3], "ab")
    client = client_for(cast.observer)
    content = read(client, cast, round_, "pdf")
    assert "publiés une fois qu'elle est fermée" in content
    assert "Note 0" not in content and "Score sur 100" not in content
    services.round_close(round_=round_)
    content = read(client, cast, round_, "docx")
    assert "Score sur 100" in content and "Note 0" in content
    for member in members[:3]:  # who answered is shown, as on the page; never who wrote which comment
        assert f"Note 0 — {member.user}" not in content
    assert "C'est la première passation" in content


def test_an_anonymous_round_under_the_threshold_stays_hidden(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members)
    answer_round(round_, members[:2], "ab")
    services.round_close(round_=round_)
    content = read(client_for(cast.observer), cast, round_, "docx")
    assert "Moins de 3 réponses" in content and "Note 0" not in content


def test_in_english(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False)
    answer_round(round_, members[:3], "ab")
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    response = client.get(address(cast, round_, "docx"))
    content = docx_text(response.content)
    assert "Results of the diagnostic tool" in content and "Items to strengthen" in content
    assert "Results of the diagnostic tool" in unquote(response["Content-Disposition"])
    assert "Results of the diagnostic tool" in pdf_text(client.get(address(cast, round_, "pdf")).content)


def test_the_rounds_page_links_to_its_document_and_an_outsider_gets_404(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members)
    page = client_for(cast.observer).get(url("diagnostic:round_detail", cast, round_pk=round_.pk)).content.decode()
    for file_format in ("pdf", "docx", "xlsx"):
        assert address(cast, round_, file_format) in page
    assert client_for(cast.outsider).get(address(cast, round_)).status_code == 404
    other = RoundFactory(partnership=cast.other_partnership)
    assert client_for(cast.coordinator).get(address(cast, other)).status_code == 404


def test_the_documents_queries_do_not_grow(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False)
    answer_round(round_, members[:1], "ab")
    client = client_for(cast.observer)
    small = query_count(client, address(cast, round_, "xlsx"))
    answer_round(round_, members[1:], "bc")
    answer_round(RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False), members, "a")
    assert query_count(client, address(cast, round_, "xlsx")) == small


def test_the_chart_of_the_page_with_its_alternative_text(cast, client_for, members):
    """The page's SVG in the PDF, the same drawing as a PNG in Word, each with the shares as alternative text."""
    import io

    from docx import Document as read_docx

    from evaluation.tests.test_summary import _alternative_texts

    round_ = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False)
    answer_round(round_, members[:3], "ab")
    condition = round_.questionnaire.conditions.order_by("position").first()
    client = client_for(cast.observer)
    pdf = client.get(address(cast, round_, "pdf")).content
    assert any(f"{condition.name} : A " in text for text in _alternative_texts(pdf))
    assert "B — en partie (hachures)" in pdf_text(pdf)
    word = read_docx(io.BytesIO(client.get(address(cast, round_, "docx")).content))
    assert len(word.inline_shapes) == 1
    assert f"{condition.name} : A " in word.inline_shapes[0]._inline.docPr.get("descr")


def test_the_comparison_writes_a_gain_with_a_plus_and_a_loss_with_a_minus(cast, client_for, members):
    rounds = []
    for title, pattern in (("Automne", "c"), ("Hiver", "a"), ("Printemps", "c")):
        rounds.append(RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False, title=title))
        answer_round(rounds[-1], members[:3], pattern)
    compiled = selectors.partnership_results(partnership=cast.partnership)
    scores = [compiled[round_.pk].conditions[0].score for round_ in rounds]
    gain, loss = scores[1] - scores[0], scores[2] - scores[1]
    assert gain > 0 > loss
    client = client_for(cast.observer)
    winter, spring = read(client, cast, rounds[1], "docx"), read(client, cast, rounds[2], "docx")
    name = rounds[1].questionnaire.conditions.order_by("position").first().name
    assert f"{name} {scores[0]} {scores[1]} +{gain}" in winter
    assert f"{name} {scores[1]} {scores[2]} -{-loss}" in spring and f"+{-loss}" not in spring
    client.cookies["django_language"] = "en"
    assert f"+{gain}" in read(client, cast, rounds[1], "pdf")

    # In the spreadsheet, a number still, shown with its sign.
    book = load_workbook(io.BytesIO(client.get(address(cast, rounds[1], "xlsx")).content))
    sheet = next(sheet for sheet in book.worksheets if sheet.cell(1, 4).value == "Change")
    cell = sheet.cell(2, 4)
    assert (cell.value, cell.number_format) == (gain, "+0;-0;0")
