import pytest
from django.urls import reverse

from api.tests.support import token_client
from offer.models import Service
from offer.tests.factories import ServiceFactory
from priorities.models import Objective
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _services(cast) -> str:
    return reverse("api:services", kwargs={"slug": cast.partnership.slug})


def _service(cast, service) -> str:
    return reverse("api:service_detail", kwargs={"slug": cast.partnership.slug, "service_pk": service.pk})


def _objectives(cast, cycle) -> str:
    return reverse("api:objectives", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})


def _objective(cast, objective) -> str:
    kwargs = {"slug": cast.partnership.slug, "cycle_pk": objective.cycle_id, "objective_pk": objective.pk}
    return reverse("api:objective_detail", kwargs=kwargs)


def test_a_representative_writes_their_own_organizations_services_only(cast):
    api = token_client(cast.partner)
    data = {"name": "Halte-garderie", "clientele_codes": ["age_2_5"]}
    own = api.post(_services(cast), {**data, "organization": cast.organization.pk}, content_type=JSON)
    assert own.status_code == 201, own.json()
    assert own.json()["clientele_codes"] == ["age_2_5"]
    other = api.post(_services(cast), {**data, "organization": cast.other_organization.pk}, content_type=JSON)
    assert other.status_code == 400 and "organization" in other.json()
    theirs = ServiceFactory(organization=cast.other_organization)
    assert api.patch(_service(cast, theirs), {"version": 1, "name": "x"}, content_type=JSON).status_code == 403
    assert api.delete(_service(cast, theirs)).status_code == 403
    assert Service.objects.filter(organization=cast.other_organization).count() == 1


def test_a_service_needs_a_clientele_as_on_its_page(cast):
    api = token_client(cast.committee)
    refused = api.post(
        _services(cast),
        {"name": "Halte", "organization": cast.organization.pk, "clientele_codes": []},
        content_type=JSON,
    )
    assert refused.status_code == 400
    assert refused.json()["clientele_codes"] == ["Cochez au moins une clientèle."]


def test_the_services_list_stays_flat(cast, assert_flat_queries):
    ServiceFactory(organization=cast.organization)
    grow = lambda: ServiceFactory.create_batch(10, organization=cast.other_organization)  # noqa: E731
    assert_flat_queries(token_client(cast.observer), _services(cast), grow=grow)


def test_the_committee_writes_objectives_and_an_observer_only_reads_them(cast, cycle):
    api = token_client(cast.committee)
    created = api.post(_objectives(cast, cycle), {"title": "Plus de lecture en famille"}, content_type=JSON)
    assert created.status_code == 201, created.json()
    objective = Objective.objects.get(pk=created.json()["id"])
    assert objective.cycle == cycle
    stale = {"version": 1, "title": "Autre"}
    assert api.patch(_objective(cast, objective), {"version": 1, "title": "Lire"}, content_type=JSON).status_code == 200
    assert api.patch(_objective(cast, objective), stale, content_type=JSON).status_code == 409
    observer = token_client(cast.observer)
    assert observer.get(_objective(cast, objective)).json()["title"] == "Lire"
    assert observer.delete(_objective(cast, objective)).status_code == 403


def test_the_objectives_list_stays_flat(cast, cycle, assert_flat_queries):
    ObjectiveFactory(cycle=cycle)
    grow = lambda: ObjectiveFactory.create_batch(10, cycle=cycle)  # noqa: E731
    assert_flat_queries(token_client(cast.observer), _objectives(cast, cycle), grow=grow)
