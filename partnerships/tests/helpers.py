import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def url(name: str, cast, **kwargs) -> str:
    return reverse(f"partnerships:{name}", kwargs={"slug": cast.partnership.slug, **kwargs})


def query_count(client, address: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(address).status_code == 200
    return len(ctx.captured_queries)


def link_in(body: str) -> str:
    """The path of the invitation link written in an e-mail body (absolute, on the test server)."""
    match = re.search(r"http://testserver(/invitations/[\w-]+/)", body)
    assert match, body
    return match.group(1)
