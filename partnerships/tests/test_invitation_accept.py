from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from partnerships.models import Invitation, Membership, Role
from partnerships.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STRONG = "Un-mot-de-passe-solide-42"


@pytest.fixture
def invitation(cast):
    return Invitation.objects.create(
        partnership=cast.partnership,
        email="nouvelle@exemple.test",
        role=Role.PARTNER,
        organization=cast.organization,
        invited_by=cast.coordinator,
    )


def accept_url(invitation):
    return reverse("partnerships:invitation_accept", kwargs={"token": invitation.token})


def sign_up(client, invitation, **overrides):
    data = {"full_name": "Nadia Tremblay", "password1": STRONG, "password2": STRONG, **overrides}
    return client.post(accept_url(invitation), data)


def test_new_person_creates_an_account_and_joins(cast, invitation):
    client = Client()
    page = client.get(accept_url(invitation)).content.decode()
    assert "Regroupement Petite-Patrie" in page and "Maison de la famille du Parc" in page
    assert 'name="password1"' in page
    response = sign_up(client, invitation, full_name="  Nadia   Tremblay ")
    assert response.status_code == 302 and response.url == reverse(
        "partnerships:home", kwargs={"slug": "petite-patrie"}
    )
    user = User.objects.get(email="nouvelle@exemple.test")
    assert user.full_name == "Nadia Tremblay" and user.check_password(STRONG)
    address = EmailAddress.objects.get(user=user)
    assert address.email == "nouvelle@exemple.test" and address.verified and address.primary
    membership = Membership.objects.get(user=user, partnership=cast.partnership)
    assert membership.role == Role.PARTNER and membership.organization == cast.organization
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    # Signed in; the privacy notice comes first, then straight into the partnership.
    notice = client.get(response.url, follow=True)
    assert notice.redirect_chain[0][0].startswith(reverse("privacy:notice"))
    assert "Bienvenue dans le regroupement" in notice.content.decode()
    home = client.post(reverse("privacy:accept"), {"next": response.url}, follow=True)
    assert home.redirect_chain[-1][0] == response.url and "Regroupement Petite-Patrie" in home.content.decode()


def test_weak_or_mismatched_password_is_explained_and_name_kept(invitation):
    client = Client()
    response = sign_up(client, invitation, password1="court", password2="court")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ce mot de passe est trop court" in content
    assert 'value="Nadia Tremblay"' in content
    response = sign_up(client, invitation, password2=STRONG + "x")
    assert "Les deux mots de passe ne sont pas identiques." in response.content.decode()
    response = sign_up(client, invitation, password1="nouvelle.exemple", password2="nouvelle.exemple")
    assert "trop semblable" in response.content.decode()
    assert not User.objects.filter(email="nouvelle@exemple.test").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_existing_account_is_asked_to_sign_in_then_confirms(cast, invitation, client_for):
    person = UserFactory(email="nouvelle@exemple.test", full_name="Nadia Tremblay")
    anonymous = Client()
    page = anonymous.get(accept_url(invitation)).content.decode()
    login_link = reverse("account_login") + "?next=" + accept_url(invitation).replace("/", "%2F")
    assert login_link in page and 'name="password1"' not in page
    assert (
        anonymous.post(accept_url(invitation), {"full_name": "X", "password1": STRONG, "password2": STRONG}).status_code
        == 200
    )
    assert not Membership.objects.filter(user=person).exists()

    client = client_for(person)
    page = client.get(accept_url(invitation)).content.decode()
    assert "Accepter l'invitation" in page
    assert not Membership.objects.filter(user=person).exists()  # a GET changes nothing
    response = client.post(accept_url(invitation))
    assert response.status_code == 302 and response.url == reverse(
        "partnerships:home", kwargs={"slug": "petite-patrie"}
    )
    membership = Membership.objects.get(user=person, partnership=cast.partnership)
    assert membership.role == Role.PARTNER and membership.organization == cast.organization
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_sign_in_through_the_login_page_comes_back_to_the_invitation(invitation):
    UserFactory(email="nouvelle@exemple.test")
    client = Client()
    response = client.post(
        reverse("account_login") + "?next=" + accept_url(invitation),
        {"login": "nouvelle@exemple.test", "password": "mot-de-passe-test-1"},
    )
    assert response.status_code == 302 and response.url == accept_url(invitation)


def test_signed_in_as_someone_else_is_told_to_sign_out(cast, invitation, client_for):
    client = client_for(cast.observer)
    response = client.get(accept_url(invitation))
    content = response.content.decode()
    assert response.status_code == 200
    assert "nouvelle@exemple.test" in content and "observateur@exemple.test" in content
    assert reverse("account_logout") in content and 'name="next"' in content
    client.post(accept_url(invitation))
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert Membership.objects.get(user=cast.observer).role == Role.OBSERVER


@pytest.mark.parametrize(
    "change,text",
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "a expiré le"),
        ({"revoked_at": timezone.now()}, "a été annulée"),
        ({"accepted_at": timezone.now()}, "a déjà été acceptée"),
    ],
    ids=["expired", "revoked", "used"],
)
def test_unusable_invitation_answers_410(invitation, change, text):
    Invitation.objects.filter(pk=invitation.pk).update(**change)
    client = Client()
    response = client.get(accept_url(invitation))
    assert response.status_code == 410 and text in response.content.decode()
    response = sign_up(client, invitation)
    assert response.status_code == 410
    assert not User.objects.filter(email="nouvelle@exemple.test").exists()


def test_unknown_token_is_404(db):
    assert Client().get(reverse("partnerships:invitation_accept", kwargs={"token": "inconnu"})).status_code == 404


def test_a_link_works_only_once(cast, invitation):
    client = Client()
    assert sign_up(client, invitation).status_code == 302
    assert Client().get(accept_url(invitation)).status_code == 410
    assert Membership.objects.filter(partnership=cast.partnership, user__email="nouvelle@exemple.test").count() == 1
