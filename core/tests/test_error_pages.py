"""Error pages in production (DEBUG off): the site's layout, the person's language, no internal detail."""

import html

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.error_urls")]

SECRET = "détail interne secret"


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def get(path: str, language: str = "fr", client: Client | None = None):
    client = client or Client(raise_request_exception=False)
    client.cookies["django_language"] = language
    return client.get(path)


def assert_error_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    page = html.unescape(response.content.decode())
    assert f"<h1>{heading}</h1>" in page
    assert 'class="brand"' in page and "css/concerto.css" in page  # the site's layout
    assert SECRET not in page and "Traceback" not in page
    return page


@pytest.mark.parametrize(
    "path,status,french,english",
    [
        ("/erreur/400/", 400, "La demande n'a pas pu être comprise", "The request could not be understood"),
        ("/adresse-inconnue/", 404, "Cette page n'existe pas", "This page does not exist"),
        ("/erreur/500/", 500, "Une erreur est survenue de notre côté", "Something went wrong on our side"),
        ("/erreur/503/", 503, "Concerto est momentanément indisponible", "Concerto is temporarily unavailable"),
    ],
)
def test_error_pages_in_both_languages(path, status, french, english):
    assert_error_page(get(path), status, french)
    page = assert_error_page(get(path, "en"), status, english)
    assert '<html lang="en">' in page


def test_a_database_that_cannot_answer_asks_to_retry():
    response = get("/erreur/503/")
    assert response["Retry-After"] == "30"
    assert "rien n'a été modifié" in assert_error_page(response, 503, "Concerto est momentanément indisponible")


def test_a_partnership_of_someone_else_is_a_plain_404(cast, client_for):
    client = client_for(cast.outsider)
    response = get(reverse("partnerships:home", kwargs={"slug": cast.partnership.slug}), client=client)
    page = assert_error_page(response, 404, "Cette page n'existe pas")
    assert cast.partnership.name not in page
    assert "Me déconnecter" in page  # the signed-in person keeps their menu


def test_a_forbidden_action_explains_the_role(cast, client_for):
    response = get(
        reverse("analysis:statistic_create", kwargs={"slug": cast.partnership.slug}), client=client_for(cast.observer)
    )
    assert_error_page(response, 403, "Vous n'avez pas accès à cette action")


def test_an_expired_form_is_explained():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@exemple.test", "password": "x"})
    assert_error_page(response, 403, "Ce formulaire a expiré")


def refuse_every_query(error: Exception):
    def wrapper(execute, sql, params, many, context):
        raise error

    return connection.execute_wrapper(wrapper)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("connection to server at 127.0.0.1 failed — détail interne secret"),
        InterfaceError("connection already closed — détail interne secret"),
    ],
)
def test_a_database_outage_met_before_the_view_is_a_503_not_a_500(cast, error):
    """The session and the signed-in person are read by middlewares, before any view: the outage is met there."""
    client = Client(raise_request_exception=False)
    client.force_login(cast.partner)
    home = reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})
    with refuse_every_query(error):
        page = get(home, client=client)
        form = client.post(reverse("analysis:statistic_create", kwargs={"slug": cast.partnership.slug}), {})
    assert_error_page(page, 503, "Concerto est momentanément indisponible")
    assert_error_page(form, 503, "Concerto est momentanément indisponible")
    assert page["Retry-After"] == "30"
    assert get(home, client=client).status_code == 200  # the database answers again: so does the page
