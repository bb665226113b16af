"""The privacy notice: public, names the person in charge, and must be accepted (again for a new version)."""

import pytest
from django.test import Client
from django.urls import reverse

from partnerships.tests.factories import UserFactory
from privacy.models import NoticeAcceptance, PrivacySettings

pytestmark = pytest.mark.django_db
PASSWORD = "mot-de-passe-test-1"


def signed_in(user) -> Client:
    client = Client()
    assert client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}).status_code == 302
    return client


def test_the_notice_names_the_person_in_charge_and_the_periods(client):
    PrivacySettings.objects.create(
        pk=1, organization_name="Réseau régional", officer_name="Josée Tremblay", officer_email="rp@exemple.org"
    )
    page = client.get(reverse("privacy:notice")).content.decode()
    assert "Josée Tremblay" in page and "mailto:rp@exemple.org" in page
    assert "Version 1" in page and "30 jours après son expiration" in page and "14 jours après son ouverture" in page
    client.cookies["django_language"] = "en"
    english = client.get(reverse("privacy:notice")).content.decode()
    assert "Privacy notice" in english and "30 days after it expired" in english


def test_nobody_uses_concerto_before_accepting_the_notice(cast):
    newcomer = UserFactory(email="nouvelle@exemple.test", accepted_privacy_notice=False)
    from partnerships.tests.factories import MembershipFactory

    MembershipFactory(partnership=cast.partnership, user=newcomer)
    client = signed_in(newcomer)
    home = reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})
    response = client.get(home)
    assert (
        response.status_code == 302
        and response["Location"] == f"{reverse('privacy:notice')}?next=%2Fp%2Fpetite-patrie%2F"
    )
    notice = client.get(response["Location"]).content.decode()
    assert (
        "J&#x27;accepte l&#x27;avis de confidentialité (version 1)" in notice
        or "J'accepte l'avis de confidentialité (version 1)" in notice
    )
    # The language switch and signing out stay open.
    assert client.post(reverse("set_language"), {"language": "en", "next": "/"}).status_code == 302
    accepted = client.post(reverse("privacy:accept"), {"next": home})
    assert accepted["Location"] == home
    acceptance = NoticeAcceptance.objects.get(user=newcomer)
    assert acceptance.version == 1 and acceptance.accepted_at is not None
    assert client.get(home).status_code == 200


def test_a_new_version_of_the_notice_is_accepted_again(cast, client_for):
    client = client_for(cast.committee)
    home = reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})
    assert client.get(home).status_code == 200
    PrivacySettings.objects.update_or_create(pk=1, defaults={"notice_version": 2})
    assert client.get(home)["Location"].startswith(reverse("privacy:notice"))
    client.post(reverse("privacy:accept"))
    assert client.get(home).status_code == 200
    assert set(NoticeAcceptance.objects.filter(user=cast.committee).values_list("version", flat=True)) == {1, 2}


def test_an_unsafe_next_address_is_ignored(client_for, cast):
    response = client_for(cast.committee).post(reverse("privacy:accept"), {"next": "https://ailleurs.example/"})
    assert response["Location"] == reverse("core:home")


def test_signing_out_needs_no_acceptance():
    client = signed_in(UserFactory(accepted_privacy_notice=False))
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
