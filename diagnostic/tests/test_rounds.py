import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.tests.support import url
from diagnostic.models import Round
from diagnostic.tests.factories import RoundFactory, reference_questionnaire
from partnerships.models import Membership

pytestmark = pytest.mark.django_db


def members(cast, *roles):
    return list(Membership.objects.filter(partnership=cast.partnership, role__in=roles))


def test_coordinator_opens_a_round_and_the_invited_members_get_an_email(
    cast, client_for, django_capture_on_commit_callbacks
):
    invited = members(cast, "committee", "partner")
    closes_on = timezone.localdate() + datetime.timedelta(days=10)
    data = {
        "title": "Bilan de l'automne",
        "questionnaire": reference_questionnaire().pk,
        "is_anonymous": "on",
        "closes_on": closes_on.isoformat(),
        "invitees": [m.pk for m in invited],
        "form_token": "jeton-1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.coordinator).post(url("diagnostic:round_create", cast), data)
    round_ = Round.objects.get(partnership=cast.partnership)
    assert response.status_code == 302
    assert round_.is_open and round_.is_anonymous and round_.opened_by == cast.coordinator
    assert set(round_.invitees.all()) == set(invited)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(m.user.email for m in invited)
    assert "Bilan de l'automne" in mail.outbox[0].body


def test_the_invitation_form_offers_no_observer(cast, client_for):
    page = client_for(cast.coordinator).get(url("diagnostic:round_create", cast)).content.decode()
    assert cast.partner.full_name in page
    assert cast.observer.full_name not in page


def test_a_closing_date_in_the_past_is_refused(cast, client_for):
    data = {
        "title": "Trop tard",
        "questionnaire": reference_questionnaire().pk,
        "closes_on": "2020-01-01",
        "invitees": [m.pk for m in members(cast, "partner")],
    }
    response = client_for(cast.coordinator).post(url("diagnostic:round_create", cast), data)
    assert "La date de fermeture ne peut pas être passée." in response.content.decode()
    assert not Round.objects.exists()


def test_coordinator_extends_and_closes_a_round_which_never_reopens(cast, client_for):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members(cast, "partner"))
    client = client_for(cast.coordinator)
    later = round_.closes_on + datetime.timedelta(days=7)
    data = {"title": round_.title, "closes_on": later.isoformat(), "invitees": [m.pk for m in members(cast, "partner")]}
    response = client.post(url("diagnostic:round_edit", cast, round_pk=round_.pk), {**data, "version": 1})
    round_.refresh_from_db()
    assert response.status_code == 302 and round_.closes_on == later
    client.post(url("diagnostic:round_close", cast, round_pk=round_.pk))
    round_.refresh_from_db()
    assert not round_.is_open
    assert client.get(url("diagnostic:round_edit", cast, round_pk=round_.pk)).status_code == 403


def test_an_edit_from_an_older_version_shows_the_conflict(cast, client_for):
    round_ = RoundFactory(partnership=cast.partnership, invitees=members(cast, "partner"))
    data = {"title": "Autre titre", "closes_on": round_.closes_on.isoformat(), "version": 1}
    data["invitees"] = [m.pk for m in members(cast, "partner")]
    client = client_for(cast.coordinator)
    client.post(url("diagnostic:round_edit", cast, round_pk=round_.pk), data)
    response = client.post(url("diagnostic:round_edit", cast, round_pk=round_.pk), {**data, "title": "Mon titre"})
    assert response.status_code == 409


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_runs_rounds(cast, client_for, role):
    round_ = RoundFactory(partnership=cast.partnership)
    client = client_for(getattr(cast, role))
    assert client.get(url("diagnostic:round_create", cast)).status_code == 403
    assert client.post(url("diagnostic:round_close", cast, round_pk=round_.pk)).status_code == 403
    assert client.get(url("diagnostic:round_detail", cast, round_pk=round_.pk)).status_code == 200


def test_the_round_history_names_who_answered_and_when(cast, client_for):
    from diagnostic import services
    from diagnostic.tests.helpers import item_codes

    partner = Membership.objects.get(user=cast.partner)
    round_ = RoundFactory(partnership=cast.partnership, invitees=[partner])
    services.answer_submit(
        round_=round_, membership=partner, grades=dict.fromkeys(item_codes(round_), "b"), comments={}
    )
    page = client_for(cast.coordinator).get(url("diagnostic:round_history", cast, round_pk=round_.pk))
    assert "Réponse de" in page.content.decode()
