"""What every page of a partnership reads once: the person's memberships (the access check and the header's list
of partnerships) and, on a page of a cycle, the cycle with the partnership's current one (the page and the
navigation's tools)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tests.support import url
from cycles.tests.factories import CycleFactory
from partnerships.tests.factories import MembershipFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def reads(client, address: str, table: str) -> int:
    """How many of the page's queries read `table` first (FROM the table, not a join or a subquery)."""
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(address).status_code == 200
    return sum(f'FROM "{table}"' in query["sql"].split(" WHERE ")[0] for query in ctx.captured_queries)


@pytest.fixture
def cycles(cast):
    older = CycleFactory(partnership=cast.partnership, starts_on="2019-04-01", ends_on="2022-03-31")
    return older, CycleFactory(partnership=cast.partnership)


def pages(cast, cycles) -> list[str]:
    older, current = cycles
    return [
        url("partnerships:home", cast),
        url("cycles:detail", cast, cycle_pk=current.pk),
        url("cycles:detail", cast, cycle_pk=older.pk),
        url("meetings:meetings", cast, cycle_pk=current.pk),
        url("analysis:home", cast, cycle_pk=older.pk),
        url("offer:home", cast),
    ]


def test_a_page_reads_the_persons_memberships_once(cast, client_for, cycles):
    # A person in two partnerships: the header lists both, from the query that checked their access.
    MembershipFactory(user=cast.partner, partnership=PartnershipFactory())
    client = client_for(cast.partner)
    for address in pages(cast, cycles):
        assert reads(client, address, "partnerships_membership") == 1, address
    assert "Mes regroupements" in client.get(url("offer:home", cast)).content.decode()


def test_a_page_of_a_cycle_reads_the_cycle_once(cast, client_for, cycles):
    """The navigation's tools point to the current cycle, read with the page's own, whether it is that one or not."""
    older, current = cycles
    client = client_for(cast.coordinator)
    for address in pages(cast, cycles)[1:5]:
        assert reads(client, address, "cycles_cycle") == 1, address
    content = client.get(url("analysis:home", cast, cycle_pk=older.pk)).content.decode()
    assert url("meetings:meetings", cast, cycle_pk=current.pk) in content  # the menu's Outil 2: the current cycle
