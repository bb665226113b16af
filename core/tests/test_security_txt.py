"""/.well-known/security.txt follows RFC 9116: a contact, an expiry less than a year ahead, served as text."""

from datetime import UTC, datetime, timedelta

import pytest

from core.tests.test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


def fields(response) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def test_security_txt_names_the_contact_and_expires_within_a_year(client, settings):
    settings.SECURITY_CONTACT = "mailto:securite@exemple.org"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    values = fields(response)
    assert values["Contact"] == "mailto:securite@exemple.org"
    expires = datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert datetime.now(UTC) + timedelta(days=90) < expires < datetime.now(UTC) + timedelta(days=365)
    assert values["Preferred-Languages"] == "fr, en"
    assert values["Canonical"] == "http://testserver/.well-known/security.txt"


def test_the_deploy_check_asks_for_a_security_contact():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECURITY_CONTACT"}
    result = run_manage("check", "--deploy", env=env)
    assert "concerto.W001" in result.stderr + result.stdout
