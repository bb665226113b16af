"""A person downloads their own personal information, and closes their account."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from analysis.models import Statistic
from cycles.tests.factories import CycleFactory
from partnerships.models import Invitation, Membership, Role
from partnerships.tests.factories import MembershipFactory, UserFactory
from priorities.models import Ballot, VoteStatus
from priorities.tests.factories import FindingFactory, VoteFactory

pytestmark = pytest.mark.django_db
PASSWORD = "mot-de-passe-test-1"


def statistic_by(client, cast) -> Statistic:
    data = {
        "indicator": "Enfants vulnérables",
        "territory_level": "local",
        "territory_name": "RLS de la Vallée",
        "period": "2022",
        "value": "12,5",
        "form_token": "jeton-de-test",
    }
    url = reverse("analysis:statistic_create", kwargs={"slug": cast.partnership.slug})
    assert client.post(url, data).status_code == 302
    return Statistic.objects.get(indicator="Enfants vulnérables")


def ballots_by(client, cast, *, anonymous: bool) -> list[int]:
    cycle = CycleFactory(partnership=cast.partnership)
    findings = [FindingFactory(cycle=cycle) for _ in range(2)]
    vote = VoteFactory(cycle=cycle, is_anonymous=anonymous, status=VoteStatus.OPEN, candidates=findings)
    url = reverse("priorities:ballot", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk, "vote_pk": vote.pk})
    assert client.post(url, {f"finding_{findings[0].pk}": 6, f"finding_{findings[1].pk}": 4}).status_code == 302
    return list(Ballot.objects.filter(vote=vote).values_list("pk", flat=True))


def test_a_person_downloads_their_own_information(cast, client_for):
    client = client_for(cast.committee)
    statistic = statistic_by(client, cast)
    ballots_by(client, cast, anonymous=False)
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == "comite@exemple.test"
    assert [m["partnership"] for m in data["memberships"]] == ["Regroupement Petite-Patrie"]
    assert data["privacy_notice_acceptances"][0]["version"] == 1
    assert {b["points"] for b in data["ballots"]} == {6, 4}
    assert [f["page"] for f in data["submitted_forms"]] == [f"/p/{cast.partnership.slug}/donnees/{statistic.pk}/"]
    made = [c for c in data["changes_made"] if c["values"].get("indicator") == "Enfants vulnérables"]
    assert made and made[0]["change"] == "created"
    # Nobody else's: the coordinator's own file does not hold the committee member's work.
    theirs = json.loads(client_for(cast.coordinator).get(reverse("privacy:download")).content)
    assert not [c for c in theirs["changes_made"] if c["values"].get("indicator") == "Enfants vulnérables"]


def test_closing_an_account_removes_the_name_and_keeps_the_work(cast, client_for):
    client = client_for(cast.committee)
    statistic = statistic_by(client, cast)
    anonymous = ballots_by(client, cast, anonymous=True)
    named = ballots_by(client, cast, anonymous=False)
    Invitation.objects.create(partnership=cast.other_partnership, email="comite@exemple.test", role=Role.OBSERVER)
    page = client.get(reverse("privacy:close")).content.decode()
    assert "Ancien membre n° …" in page

    response = client.post(reverse("privacy:close"), {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    former = User.objects.get(pk=cast.committee.pk)
    label = f"Ancien membre n° {former.pk}"
    assert former.full_name == label and "comite" not in former.email and not former.is_active
    assert not former.has_usable_password() and former.closed_at is not None
    assert not Membership.objects.filter(user=former).exists()
    assert not Invitation.objects.filter(email="comite@exemple.test").exists()
    assert not Invitation.history.filter(email="comite@exemple.test").exists()
    # The partnership keeps the statistic; its history names the label, in the reader's language.
    history_url = reverse(
        "analysis:statistic_history", kwargs={"slug": cast.partnership.slug, "statistic_pk": statistic.pk}
    )
    coordinator = client_for(cast.coordinator)
    assert label in coordinator.get(history_url).content.decode()
    coordinator.cookies["django_language"] = "en"
    assert f"Former member no. {former.pk}" in coordinator.get(history_url).content.decode()
    # Anonymous ballots lead to nobody, not even to the label, in the ballots or their history.
    assert Ballot.objects.filter(pk__in=anonymous, member__isnull=True).count() == len(anonymous)
    assert not Ballot.history.filter(id__in=anonymous, history_user__isnull=False).exists()
    assert not Ballot.history.filter(id__in=anonymous, member__isnull=False).exists()
    assert Ballot.objects.filter(pk__in=named).count() == len(named)  # the votes' results do not change
    # Signing in again is impossible.
    assert (
        Client().post(reverse("account_login"), {"login": "comite@exemple.test", "password": PASSWORD}).status_code
        == 200
    )


def test_the_last_coordinator_hands_over_before_closing(cast, client_for):
    response = client_for(cast.coordinator).post(reverse("privacy:close"), {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 200
    assert "Vous êtes la seule personne à la coordination de : Regroupement Petite-Patrie" in response.content.decode()
    assert User.objects.get(pk=cast.coordinator.pk).is_active
    MembershipFactory(partnership=cast.partnership, user=UserFactory(), role=Role.COORDINATOR)
    response = client_for(cast.coordinator).post(reverse("privacy:close"), {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 302


def test_closing_needs_the_password_and_the_confirmation(cast, client_for):
    client = client_for(cast.partner)
    response = client.post(reverse("privacy:close"), {"password": "mauvais", "understood": "on"})
    assert "Ce n&#x27;est pas votre mot de passe." in response.content.decode()
    response = client.post(reverse("privacy:close"), {"password": PASSWORD})
    assert response.status_code == 200 and User.objects.get(pk=cast.partner.pk).is_active
