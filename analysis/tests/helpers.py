from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def url(name, cast, **kwargs):
    return reverse(f"analysis:{name}", kwargs={"slug": cast.partnership.slug, **kwargs})


def query_count(client, address) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
        assert response.status_code == 200
    return len(ctx.captured_queries)
