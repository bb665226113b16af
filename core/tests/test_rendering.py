"""core.rendering.render_region: the partial for HTMX, the whole page otherwise and on a history restore."""

import pytest

from core.tests.support import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["organizations:list", "offer:home", "offer:gaps", "analysis:statistics", "analysis:observations"]
)
def test_a_region_varies_with_hx_request_and_restores_the_whole_page(cast, client_for, name):
    client = client_for(cast.observer)
    address = url(name, cast)

    partial = client.get(address, HTTP_HX_REQUEST="true")
    page = client.get(address)
    restored = client.get(address, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")

    assert "<html" not in partial.content.decode()
    assert "<html" in page.content.decode() and "<html" in restored.content.decode()
    for response in (partial, page, restored):
        assert "HX-Request" in response["Vary"]
