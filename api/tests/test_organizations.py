import pytest
from django.urls import reverse

from api.tests.support import token_client
from organizations.models import Organization
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _list(partnership) -> str:
    return reverse("api:organizations", kwargs={"slug": partnership.slug})


def _detail(organization) -> str:
    return reverse(
        "api:organization_detail", kwargs={"slug": organization.partnership.slug, "organization_pk": organization.pk}
    )


def test_members_read_the_list_and_a_record(cast):
    api = token_client(cast.observer)
    body = api.get(_list(cast.partnership)).json()
    assert body["count"] == 2
    assert [row["name"] for row in body["results"]] == ["CPE Les Lucioles", "Maison de la famille du Parc"]
    record = api.get(_detail(cast.organization)).json()
    assert record["name"] == cast.organization.name and record["version"] == 1


def test_the_coordinator_creates_through_the_pages_rules(cast):
    api = token_client(cast.coordinator)
    response = api.post(
        _list(cast.partnership),
        {"name": "  CPE   Soleil ", "sector": "childcare", "postal_code": "h2s1a1"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    created = Organization.objects.get(pk=response.json()["id"])
    # The page's form cleaned the name and the postal code.
    assert (created.name, created.postal_code, created.partnership) == ("CPE Soleil", "H2S 1A1", cast.partnership)
    assert created.history.count() == 1


def test_bad_input_answers_400_with_the_form_messages_in_the_requested_language(cast):
    url = _list(cast.partnership)
    data = {"name": cast.organization.name.upper(), "sector": "childcare", "postal_code": "123"}
    french = token_client(cast.coordinator).post(url, data, content_type="application/json")
    assert french.status_code == 400
    assert french.json()["name"] == ["Un organisme de ce nom fait déjà partie du regroupement."]
    assert french.json()["postal_code"] == ["Entrez un code postal canadien, par exemple H2S 1A1."]
    english = token_client(cast.coordinator, accept_language="en").post(url, data, content_type="application/json")
    assert english.status_code == 400 and english["Content-Language"] == "en"
    assert "already" in english.json()["name"][0]
    missing = token_client(cast.coordinator).post(url, {"sector": "nope"}, content_type="application/json")
    assert missing.status_code == 400 and {"name", "sector"} <= missing.json().keys()
    assert Organization.objects.filter(partnership=cast.partnership).count() == 2


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_creates_or_deletes(cast, role):
    api = token_client(getattr(cast, role))
    created = api.post(_list(cast.partnership), {"name": "X", "sector": "other"}, content_type="application/json")
    assert created.status_code == 403
    assert api.delete(_detail(cast.other_organization)).status_code == 403
    assert Organization.objects.filter(partnership=cast.partnership).count() == 2


def test_an_edit_carries_the_version_and_a_stale_one_answers_409(cast):
    api = token_client(cast.coordinator)
    url = _detail(cast.organization)
    saved = api.patch(url, {"version": 1, "city": "Montréal"}, content_type="application/json")
    assert saved.status_code == 200, saved.json()
    assert saved.json()["city"] == "Montréal" and saved.json()["version"] == 2
    cast.organization.refresh_from_db()
    assert (cast.organization.city, cast.organization.name) == ("Montréal", "Maison de la famille du Parc")
    stale = api.patch(url, {"version": 1, "city": "Laval"}, content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["current"]["city"] == "Montréal" and "version 2" in stale.json()["detail"]
    cast.organization.refresh_from_db()
    assert cast.organization.city == "Montréal"
    without_version = api.patch(url, {"city": "Laval"}, content_type="application/json")
    assert without_version.status_code == 400 and "version" in without_version.json()


def test_a_representative_edits_only_their_own_organization(cast):
    api = token_client(cast.partner)
    own = api.patch(_detail(cast.organization), {"version": 1, "city": "Laval"}, content_type="application/json")
    assert own.status_code == 200
    other = api.patch(
        _detail(cast.other_organization), {"version": 1, "city": "Laval"}, content_type="application/json"
    )
    assert other.status_code == 403


def test_the_coordinator_deletes(cast):
    api = token_client(cast.coordinator)
    assert api.delete(_detail(cast.other_organization)).status_code == 204
    assert not Organization.objects.filter(pk=cast.other_organization.pk).exists()


def test_an_outsider_gets_404_and_nobody_without_a_token_gets_in(cast, client):
    outsider = token_client(cast.outsider)
    assert outsider.get(_list(cast.partnership)).status_code == 404
    assert outsider.get(_detail(cast.organization)).status_code == 404
    assert (
        outsider.patch(_detail(cast.organization), {"version": 1}, content_type="application/json").status_code == 404
    )
    assert outsider.delete(_detail(cast.organization)).status_code == 404
    assert client.get(_list(cast.partnership)).status_code == 401
    # Another partnership's record named under one's own partnership is not found either.
    theirs = OrganizationFactory(partnership=cast.other_partnership)
    url = reverse("api:organization_detail", kwargs={"slug": cast.partnership.slug, "organization_pk": theirs.pk})
    assert token_client(cast.coordinator).get(url).status_code == 404


def test_pages_and_filters(cast):
    OrganizationFactory.create_batch(3, partnership=cast.partnership)
    api = token_client(cast.observer)
    first = api.get(_list(cast.partnership) + "?page_size=2").json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["next"]
    assert api.get(_list(cast.partnership) + "?page=9").status_code == 404
    assert api.get(_list(cast.partnership) + "?updated_since=2999-01-01T00:00:00Z").json()["count"] == 0
    assert api.get(_list(cast.partnership) + "?updated_since=yesterday").status_code == 400


def test_the_list_query_count_does_not_grow(cast, assert_flat_queries):
    grow = lambda: OrganizationFactory.create_batch(20, partnership=cast.partnership)  # noqa: E731
    assert_flat_queries(token_client(cast.observer), _list(cast.partnership), grow=grow)


def test_a_partnership_requiring_two_factors_refuses_a_coordinator_without_them(cast):
    api = token_client(cast.coordinator)
    cast.partnership.coordinators_need_mfa = True
    cast.partnership.save()
    refused = api.get(_list(cast.partnership))
    assert refused.status_code == 403 and "double authentification" in refused.json()["detail"]
    assert token_client(cast.observer).get(_list(cast.partnership)).status_code == 200


def test_errors_of_the_framework_follow_the_requested_language_too(cast, client):
    french = client.get(_list(cast.partnership))
    english = client.get(_list(cast.partnership), headers={"Accept-Language": "en"})
    assert french.status_code == english.status_code == 401
    assert english["Content-Language"] == "en" and french["Content-Language"] == "fr"
    assert french.json()["detail"] != english.json()["detail"]
