import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_visitor_sees_the_welcome_page_in_french(client):
    response = client.get("/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in content and "Me connecter" in content


def test_language_switch_keeps_the_page_and_speaks_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Sign in" in content


def test_member_of_one_partnership_goes_straight_to_it(cast, client_for):
    response = client_for(cast.observer).get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})


def test_person_in_two_partnerships_chooses(cast, client_for):
    from partnerships.models import Membership, Role

    Membership.objects.create(partnership=cast.other_partnership, user=cast.observer, role=Role.OBSERVER)
    content = client_for(cast.observer).get("/").content.decode()
    assert cast.partnership.name in content and cast.other_partnership.name in content


def test_an_english_browser_still_gets_french_until_the_person_chooses(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr">' in response.content.decode()
    assert response["Content-Language"] == "fr"
