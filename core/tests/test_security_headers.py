"""Every answer carries the Content-Security-Policy and the Permissions-Policy."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_the_policy_allows_only_the_site_itself(client):
    response = client.get(reverse("account_login"))
    policy = directives(response)
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"
    # One style element per page, the running header of printed pages, carries this answer's nonce.
    source, nonce = policy["style-src"].split(" ")
    assert source == "'self'" and nonce.startswith("'nonce-")
    content = response.content.decode()
    assert content.count("<style") == 1 and f'<style nonce="{nonce[7:-1]}" media="print">@page' in content
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert "unsafe-inline" not in str(policy) and "unsafe-eval" not in str(policy)


def test_the_rich_text_editor_gets_a_style_nonce(cast, client_for):
    from intention.models import OperatingRules

    rules = OperatingRules.objects.create(partnership=cast.partnership, number=1)
    url = reverse("intention:rules_edit", kwargs={"slug": cast.partnership.slug, "rules_pk": rules.pk})
    response = client_for(cast.coordinator).get(url)
    nonce = directives(response)["style-src"].split("'nonce-")[1].rstrip("'")
    assert f'<meta name="trix-csp-nonce" nonce="{nonce}">' in response.content.decode()


def test_unused_browser_features_are_off(client):
    policy = client.get(reverse("account_login"))["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in policy
