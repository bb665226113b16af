import pytest

from core.tests.support import url
from diagnostic import results, services
from diagnostic.models import Answer
from diagnostic.tests.factories import RoundFactory
from diagnostic.tests.helpers import item_codes
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_scores_weigh_a_b_and_c():
    assert results.distribution(["a", "a", "b", "c"]).score == 62
    assert results.distribution(["c", "c", "b"]).is_weak
    assert results.distribution([]).score is None
    assert results.condition_score([results.distribution(["a"]), results.distribution(["c", "c"])]) == 50


def answer_round(round_, members, pattern):
    """Each member grades every item with the next grade of `pattern`; the first item gets C from all."""
    codes = item_codes(round_)
    for n, member in enumerate(members):
        grades = {code: pattern[(n + i) % len(pattern)] for i, code in enumerate(codes)}
        grades[codes[0]] = "c"
        services.answer_submit(round_=round_, membership=member, grades=grades, comments={codes[0]: f"Note {n}"})


@pytest.fixture
def members(cast):
    return [MembershipFactory(partnership=cast.partnership, role=Role.PARTNER) for _ in range(4)]


def test_an_anonymous_round_shows_nothing_while_open_nor_under_three_answers(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members)
    answer_round(round_, members[:2], "ab")
    client = client_for(cast.observer)
    page = client.get(url("diagnostic:round_detail", cast, round_pk=round_.pk)).content.decode().replace("&#x27;", "'")
    assert "publiés une fois qu'elle est fermée" in page and "Note 0" not in page
    services.round_close(round_=round_)
    page = client.get(url("diagnostic:round_detail", cast, round_pk=round_.pk)).content.decode().replace("&#x27;", "'")
    assert "Moins de 3 réponses" in page and "Note 0" not in page and '<svg viewBox="0 0 640' not in page


def test_a_closed_round_with_three_answers_shows_results_weak_items_first(cast, client_for, members):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members)
    answer_round(round_, members[:3], "ab")
    services.round_close(round_=round_)
    response = client_for(cast.observer).get(url("diagnostic:round_detail", cast, round_pk=round_.pk))
    page = response.content.decode().replace("&#x27;", "'")
    first_item = round_.questionnaire.conditions.order_by("position").first().items.order_by("position").first()
    assert "Réponses par condition" in page and "Note 0" in page
    table = page[page.index("Énoncés, les plus faibles d") :]
    assert table.index(first_item.text_fr) < table.index("<td>")  # all C: the weakest, first
    assert "à renforcer" in table


def test_rounds_are_compared_over_time(cast, client_for, members):
    first = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False, title="Première")
    answer_round(first, members[:3], "c")
    second = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False, title="Seconde")
    answer_round(second, members[:3], "a")
    page = client_for(cast.partner).get(url("diagnostic:rounds", cast)).content.decode().replace("&#x27;", "'")
    assert "D'une passation à l'autre" in page and "Première" in page and "Seconde" in page


def test_results_and_list_query_counts_do_not_grow(cast, client_for, members, assert_flat_queries):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False)
    answer_round(round_, members[:1], "ab")
    client = client_for(cast.observer)

    def grow():
        answer_round(round_, members[1:], "bc")
        other = RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False)
        answer_round(other, members, "a")

    detail = url("diagnostic:round_detail", cast, round_pk=round_.pk)
    assert_flat_queries(client, detail, grow=lambda: None)
    count = assert_flat_queries(client, detail, grow=grow)
    assert count < 30
    assert_flat_queries(
        client,
        url("diagnostic:rounds", cast),
        grow=lambda: answer_round(
            RoundFactory(partnership=cast.partnership, invitees=members, is_anonymous=False), members, "b"
        ),
    )
    assert Answer.objects.count() >= 9
