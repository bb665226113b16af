"""Multi-factor authentication: optional for everyone, required for site administrators, and for a partnership's
coordinators when its profile says so. Codes are computed in the test from the secret the page shows."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.tests.mfa_helpers import PASSWORD, enrol, signed_in, totp_code
from partnerships.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The cache holds the rate limits and the codes already used (a code works once).
    cache.clear()
    yield
    cache.clear()


def test_anyone_enrols_from_the_user_menu_and_then_signs_in_with_a_code():
    user = UserFactory(email="lea@exemple.test")
    client = signed_in(user)
    assert reverse("mfa_index") in client.get(reverse("core:home")).content.decode()
    secret, codes = enrol(client)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert len(codes) == 10
    client.post(reverse("account_logout"))

    browser = Client()
    response = browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True)
    assert "Entrez le code à six chiffres de votre application" in response.content.decode()
    assert "_auth_user_id" not in browser.session  # the password alone does not sign in
    wrong = browser.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in browser.session
    cache.clear()  # as if the next 30-second period had come: the enrolment's code may not be replayed otherwise
    response = browser.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert browser.session["_auth_user_id"] == str(user.pk)


def test_a_recovery_code_signs_in_once():
    user = UserFactory(email="lea@exemple.test")
    _secret, codes = enrol(signed_in(user))
    for attempt in ("first", "again"):
        browser = Client()
        browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
        browser.post(reverse("mfa_authenticate"), {"code": codes[0]})
        signed = "_auth_user_id" in browser.session
        assert signed is (attempt == "first"), attempt


def test_site_administrators_enrol_before_any_administration_page():
    admin = UserFactory(email="admin@exemple.test", is_staff=True, is_superuser=True)
    client = signed_in(admin)
    for url in (reverse("admin:index"), reverse("partnerships:admin_list"), reverse("partnerships:admin_create")):
        response = client.get(url, follow=True)
        assert response.redirect_chain[0][0] == reverse("mfa_activate_totp"), url
        assert "administration du site exige la double authentification" in response.content.decode()
    enrol(client)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("partnerships:admin_list")).status_code == 200


def test_coordinators_enrol_when_their_partnership_requires_it(cast):
    partnership_home = reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})
    coordinator = signed_in(cast.coordinator)
    assert coordinator.get(partnership_home).status_code == 200
    cast.partnership.coordinators_need_mfa = True
    cast.partnership.save()

    response = coordinator.get(partnership_home, follow=True)
    assert response.redirect_chain[0][0] == reverse("mfa_activate_totp")
    assert "exige la double authentification pour la coordination" in response.content.decode()
    # Other roles are not asked, nor is the coordinator elsewhere.
    assert signed_in(cast.committee).get(partnership_home).status_code == 200
    other_home = reverse("partnerships:home", kwargs={"slug": cast.other_partnership.slug})
    assert signed_in(cast.outsider).get(other_home).status_code == 200

    enrol(coordinator)
    assert coordinator.get(partnership_home).status_code == 200


def test_the_coordinator_requires_mfa_from_the_profile(cast):
    from partnerships.tests.test_profile import profile_data

    client = signed_in(cast.coordinator)
    enrol(client)
    url = reverse("partnerships:profile_edit", kwargs={"slug": cast.partnership.slug})
    response = client.post(url, profile_data(cast.partnership, coordinators_need_mfa="on"))
    assert response.status_code == 302
    cast.partnership.refresh_from_db()
    assert cast.partnership.coordinators_need_mfa
    profile = client.get(reverse("partnerships:profile", kwargs={"slug": cast.partnership.slug}))
    assert "Exigée pour la coordination" in profile.content.decode()


def test_a_person_sees_and_ends_their_other_sessions():
    user = UserFactory(email="lea@exemple.test")
    laptop, phone = signed_in(user), signed_in(user)
    page = laptop.get(reverse("usersessions_list")).content.decode()
    assert page.count("<tr>") == 3  # the header and two sessions
    assert "Cette session" in page
    response = laptop.post(reverse("usersessions_list"))
    assert response.status_code == 302
    assert laptop.get(reverse("usersessions_list")).status_code == 200
    assert phone.get(reverse("usersessions_list")).status_code == 302  # signed out: sent to the sign-in page


def test_django_admin_login_cannot_skip_the_second_factor():
    from partnerships.tests.factories import SiteAdminFactory

    admin = SiteAdminFactory(email="admin@exemple.test")
    client = Client()
    response = client.post(reverse("admin:login"), {"username": admin.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session  # the admin's own form signs nobody in
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    # Through the only sign-in, the password alone is not enough either.
    client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
