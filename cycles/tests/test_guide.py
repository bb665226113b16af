"""Outil 1: the guide, public, in French or English by the visitor's language."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_guide_is_public_and_french_by_default(client):
    response = client.get(reverse("cycles:guide"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in content
    assert "<h1>Outil 1 — Synthèse de la démarche</h1>" in content
    for number in range(1, 6):
        assert f'id="etape-{number}"' in content and f'href="#etape-{number}"' in content
    for words in ("Enfant", "Famille", "Communauté", "Pratiques parentales", "transformation souhaitée"):
        assert words in content
    assert content.count("<strong>Outil ") == 13
    assert "Tool 1" not in content


def test_guide_in_english_for_english_visitors(client):
    client.cookies["django_language"] = "en"
    content = client.get(reverse("cycles:guide")).content.decode()
    assert '<html lang="en">' in content
    assert "<h1>Tool 1 — Overview of the approach</h1>" in content
    assert 'id="etape-3"' in content and "Three systems around the child" in content
    assert content.count("<strong>Tool ") == 13
    assert "Synthèse de la démarche</h1>" not in content


def test_members_find_their_way_back_to_their_partnership(cast, client_for):
    content = client_for(cast.partner).get(reverse("cycles:guide")).content.decode()
    home = reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})
    assert f'href="{home}"' in content and "Retour à mon regroupement" in content


def test_visitors_get_no_partnership_link(client):
    assert "Retour à mon regroupement" not in client.get(reverse("cycles:guide")).content.decode()
