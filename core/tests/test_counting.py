"""core.counting: several counts, distinct values and existences in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.counting import Distinct, Exists, counts
from offer.models import Service
from offer.tests.factories import ServiceFactory
from organizations.models import Organization
from partnerships.models import Membership

pytestmark = pytest.mark.django_db


def test_every_count_comes_from_one_query(cast):
    ServiceFactory.create_batch(3, organization=cast.organization)
    ServiceFactory(organization=cast.other_organization)
    services = Service.objects.for_partnership(cast.partnership)
    with CaptureQueriesContext(connection) as ctx:
        found = counts(
            services=services,
            organizations=Distinct(services, "organization"),
            total=Organization.objects.for_partnership(cast.partnership),
            mine=Exists(services.filter(organization=cast.organization)),
            nobody=Exists(services.filter(organization=None)),
            none=Service.objects.none(),
        )
    assert len(ctx.captured_queries) == 1
    assert found == {"services": 4, "organizations": 2, "total": 2, "mine": 1, "nobody": 0, "none": 0}


def test_distinct_leaves_empty_values_out(cast):
    memberships = Membership.objects.filter(partnership=cast.partnership)  # coordination represents no organization
    represented = {m.organization_id for m in memberships if m.organization_id is not None}
    assert None in {m.organization_id for m in memberships} and represented
    assert counts(n=Distinct(memberships, "organization"))["n"] == len(represented)


def test_nothing_asked_is_no_query():
    assert counts() == {}
