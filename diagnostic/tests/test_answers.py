import pytest
from django.db import IntegrityError, transaction

from core.tests.support import url
from diagnostic import services
from diagnostic.models import Answer, Participation
from diagnostic.receipts import cookie_name
from diagnostic.tests.factories import RoundFactory
from diagnostic.tests.helpers import answer_data, item_codes
from partnerships.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(cast):
    return Membership.objects.get(user=cast.partner)


def test_a_member_answers_a_named_round_and_changes_the_answer_until_it_closes(cast, client_for, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner], is_anonymous=False)
    client = client_for(cast.partner)
    answer_url = url("diagnostic:answer", cast, round_pk=round_.pk)
    code = item_codes(round_)[0]
    response = client.post(answer_url, answer_data(round_, "c", comments={code: "Trop peu de parents"}))
    assert response.status_code == 302
    answer = Answer.objects.get(round=round_)
    assert answer.membership == partner and answer.grades[code] == "c"
    assert answer.comments == {code: "Trop peu de parents"}
    client.post(answer_url, answer_data(round_, "a"))
    assert Answer.objects.get(round=round_).grades[code] == "a"
    assert Participation.objects.filter(round=round_).count() == 1
    services.round_close(round_=round_)
    response = client.post(answer_url, answer_data(round_, "b"))
    assert "Cette passation est fermée" in response.content.decode().replace("&#x27;", "'")
    assert Answer.objects.get(round=round_).grades[code] == "a"


def test_every_item_needs_a_grade_and_nothing_typed_is_lost(cast, client_for, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    data = answer_data(round_, "a", comments={item_codes(round_)[1]: "Mon commentaire à garder"})
    del data[f"grade_{item_codes(round_)[0]}"]
    response = client_for(cast.partner).post(url("diagnostic:answer", cast, round_pk=round_.pk), data)
    content = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200 and "Choisissez A, B ou C." in content
    assert "Mon commentaire à garder" in content
    assert not Answer.objects.exists() and not Participation.objects.exists()


def test_an_anonymous_answer_is_changed_with_the_receipt_kept_in_the_browser(cast, client_for, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    client = client_for(cast.partner)
    answer_url = url("diagnostic:answer", cast, round_pk=round_.pk)
    response = client.post(answer_url, answer_data(round_, "c"))
    receipt = response.cookies[cookie_name(round_.pk)].value
    assert response.cookies[cookie_name(round_.pk)]["httponly"]
    page = client.get(answer_url).content.decode().replace("&#x27;", "'")
    assert receipt in page  # shown to the member, to note
    client.post(answer_url, answer_data(round_, "b", receipt=receipt))
    assert [a.grades[item_codes(round_)[0]] for a in Answer.objects.filter(round=round_)] == ["b"]


def test_from_another_browser_the_code_opens_the_answer_again(cast, client_for, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    first = client_for(cast.partner)
    receipt = (
        first.post(url("diagnostic:answer", cast, round_pk=round_.pk), answer_data(round_, "c"))
        .cookies[cookie_name(round_.pk)]
        .value
    )
    other = client_for(cast.partner)
    page = other.get(url("diagnostic:answer", cast, round_pk=round_.pk)).content.decode().replace("&#x27;", "'")
    assert "Vous avez déjà répondu" in page
    wrong = other.post(url("diagnostic:receipt", cast, round_pk=round_.pk), {"code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 409 and "Ce code ne correspond à aucune réponse" in wrong.content.decode().replace(
        "&#x27;", "'"
    )
    right = other.post(url("diagnostic:receipt", cast, round_pk=round_.pk), {"code": receipt.lower()})
    assert right.status_code == 302
    other.post(url("diagnostic:answer", cast, round_pk=round_.pk), answer_data(round_, "a", receipt=receipt))
    assert Answer.objects.get(round=round_).grades[item_codes(round_)[0]] == "a"


def test_without_the_code_a_second_anonymous_answer_is_refused(cast, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    grades = dict.fromkeys(item_codes(round_), "a")
    services.answer_submit(round_=round_, membership=partner, grades=grades, comments={})
    with pytest.raises(services.AnswerRefused, match="code de réponse"):
        services.answer_submit(round_=round_, membership=partner, grades=grades, comments={})
    assert Answer.objects.count() == 1


def test_one_answer_per_member_per_round_is_a_database_rule(cast, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    Participation.objects.create(round=round_, membership=partner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(round=round_, membership=partner)
    named = RoundFactory(partnership=cast.partnership, invitees=[partner], is_anonymous=False)
    Answer.objects.create(round=named, membership=partner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(round=named, membership=partner)


def test_a_member_not_invited_cannot_answer(cast, client_for, partner):
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    client = client_for(cast.committee)
    page = client.get(url("diagnostic:answer", cast, round_pk=round_.pk)).content.decode().replace("&#x27;", "'")
    assert "Vous n'êtes pas invité·e à cette passation." in page
    client.post(url("diagnostic:answer", cast, round_pk=round_.pk), answer_data(round_))
    assert not Answer.objects.exists()


def test_an_observer_cannot_answer(cast, client_for):
    round_ = RoundFactory(partnership=cast.partnership, invitees=list(cast.partnership.memberships.all()))
    response = client_for(cast.observer).post(url("diagnostic:answer", cast, round_pk=round_.pk), answer_data(round_))
    assert response.status_code == 403
