"""What every app's tests share besides the root conftest's fixtures: the address of a page of the cast's
partnership, and the number of SQL queries a page makes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def url(name: str, cast, **kwargs) -> str:
    """url("offer:service_detail", cast, service_pk=3): the page's address in the cast's partnership."""
    return reverse(name, kwargs={"slug": cast.partnership.slug, **kwargs})


def query_count(client, address: str) -> int:
    """The SQL queries of one GET, which must answer 200."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
        assert response.status_code == 200, address
    return len(ctx.captured_queries)


def redis_for_tests() -> str:
    """The local Redis database the tests may empty: one per database engine, since CI runs the SQLite and the
    PostgreSQL suites at the same time on the same Redis."""
    return f"redis://127.0.0.1:6379/{14 if connection.vendor == 'postgresql' else 15}"
