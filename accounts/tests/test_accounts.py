import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from core.tests.test_settings import PRODUCTION_ENV, run_manage
from partnerships.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "mot-de-passe-test-1"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_sign_in_with_email_and_password():
    user = UserFactory(email="lea@exemple.test")
    from django.test import Client

    client = Client()
    response = client.post(reverse("account_login"), {"login": "lea@exemple.test", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_explained_in_french(client):
    UserFactory(email="lea@exemple.test")
    response = client.post(reverse("account_login"), {"login": "lea@exemple.test", "password": "faux"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in content
    assert 'value="lea@exemple.test"' in content


def test_repeated_failed_logins_are_rate_limited(client):
    UserFactory(email="lea@exemple.test")
    statuses = [
        client.post(reverse("account_login"), {"login": "lea@exemple.test", "password": f"faux{i}"}).status_code
        for i in range(7)
    ]
    response = client.post(reverse("account_login"), {"login": "lea@exemple.test", "password": PASSWORD})
    assert statuses[0] == 200
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_open_sign_up_is_closed(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "inscriptions sont actuellement fermées" in response.content.decode()
    client.post(
        reverse("account_signup"), {"email": "x@exemple.test", "password1": "Xyz-123-abc!", "password2": "Xyz-123-abc!"}
    )
    from accounts.models import User

    assert not User.objects.filter(email="x@exemple.test").exists()


def test_password_reset_by_email(client):
    user = UserFactory(email="lea@exemple.test")
    client.post(reverse("account_reset_password"), {"email": "lea@exemple.test"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": "Nouveau-mot-2026!", "password2": "Nouveau-mot-2026!"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nouveau-mot-2026!")


def test_anonymous_visitor_is_sent_to_login_from_partnership_pages(client, cast):
    response = client.get(reverse("partnerships:home", kwargs={"slug": cast.partnership.slug}))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_sign_in_placeholders_say_what_the_labels_say(client):
    content = client.get("/comptes/login/").content.decode()
    assert 'placeholder="Courriel"' in content and 'placeholder="Mot de passe"' in content


def test_no_second_address_can_be_attached_to_an_account(client_for):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="lea@exemple.test")
    client = client_for(user)
    assert client.get("/comptes/email/").status_code == 404
    response = client.post("/comptes/email/", {"action_add": "", "email": "autre@ailleurs.test"})
    assert response.status_code == 404
    assert not EmailAddress.objects.filter(email="autre@ailleurs.test").exists()


def sign_in_from(address: str, user) -> int:
    from django.test import Client

    client = Client(HTTP_X_FORWARDED_FOR=address, REMOTE_ADDR="10.0.0.2")  # every request comes through the proxy
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}).status_code


def test_behind_the_proxy_the_sign_in_limit_is_per_person_not_for_everyone(settings):
    """The proxy's address is the same for everyone: the limit counts the address the proxy says it served."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    user = UserFactory(email="lea@exemple.test")
    assert [sign_in_from("203.0.113.7", user) for _ in range(4)] == [302, 302, 302, 429]
    assert sign_in_from("203.0.113.8", user) == 302  # someone else, through the same proxy, is not refused
    assert sign_in_from("198.51.100.1, 203.0.113.7", user) == 429  # an address the client claims is not trusted


def test_production_trusts_the_one_proxy_in_front():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip().splitlines()[-1] == "1", result.stderr  # after what the shell prints first
