import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.tests.support import token_client

TOKENS = reverse("api:tokens")
PARTNERSHIPS = reverse("api:partnerships")


def _create(client, name="Tableur du comité"):
    response = client.post(TOKENS, {"name": name})
    assert response.status_code == 200
    return response, response.context["secret"]


@pytest.mark.django_db
def test_a_member_creates_a_token_shown_once_and_only_its_hash_is_kept(cast, client_for):
    client = client_for(cast.partner)
    response, secret = _create(client)
    assert secret.startswith("concerto_") and secret in response.content.decode()
    token = ApiToken.objects.get(user=cast.partner)
    assert token.name == "Tableur du comité"
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {getattr(token, f.attname) for f in ApiToken._meta.fields if f.attname != "id"}
    page = client.get(TOKENS).content.decode()
    assert "Tableur du comité" in page and secret not in page
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_a_token_needs_a_name(cast, client_for):
    response = client_for(cast.partner).post(TOKENS, {"name": "  "})
    assert response.status_code == 200 and response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_the_token_authenticates_its_owner_and_nobody_without_it(cast):
    response = token_client(cast.observer).get(PARTNERSHIPS)
    assert response.status_code == 200
    assert response.json()["results"] == [{"slug": "petite-patrie", "name": cast.partnership.name, "role": "observer"}]
    anonymous = token_client(cast.observer).__class__().get(PARTNERSHIPS)
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"] == "Bearer"


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["Bearer nope", "Bearer", "Bearer a b", "Token abc"])
def test_a_wrong_or_malformed_token_gets_401(client, header):
    assert client.get(PARTNERSHIPS, headers={"Authorization": header}).status_code == 401


@pytest.mark.django_db
def test_a_revoked_token_stops_working_at_once(cast, client_for):
    client = client_for(cast.partner)
    _response, secret = _create(client)
    token = ApiToken.objects.get(user=cast.partner)
    api = client.__class__(headers={"Authorization": f"Bearer {secret}"})
    assert api.get(PARTNERSHIPS).status_code == 200
    response = client.post(reverse("api:token_revoke", kwargs={"token_pk": token.pk}))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api.get(PARTNERSHIPS).status_code == 401
    assert [record.history_type for record in token.history.order_by("history_date")] == ["+", "~"]


@pytest.mark.django_db
def test_a_token_of_an_inactive_person_stops_working(cast):
    api = token_client(cast.partner)
    cast.partner.is_active = False
    cast.partner.save()
    assert api.get(PARTNERSHIPS).status_code == 401


@pytest.mark.django_db
def test_nobody_revokes_someone_elses_token(cast, client_for):
    _response, _secret = _create(client_for(cast.partner))
    token = ApiToken.objects.get(user=cast.partner)
    response = client_for(cast.coordinator).post(reverse("api:token_revoke", kwargs={"token_pk": token.pk}))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_the_token_page_needs_a_signed_in_person(client):
    assert client.get(TOKENS).status_code == 302


@pytest.mark.django_db
def test_last_use_is_noted_at_most_once_a_minute_without_history(cast, django_assert_num_queries):
    api = token_client(cast.partner)
    token = ApiToken.objects.get(user=cast.partner)
    assert api.get(PARTNERSHIPS).status_code == 200
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    api.get(PARTNERSHIPS)
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    api.get(PARTNERSHIPS)
    token.refresh_from_db()
    assert timezone.now() - token.last_used_at < timedelta(seconds=30)
    assert token.history.count() == 1
