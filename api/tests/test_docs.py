import re

import pytest
import yaml
from django.urls import reverse


@pytest.mark.django_db
def test_the_schema_is_served_and_names_every_resource(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for resource in ("organizations", "statistics"):
        assert f"/api/v1/partnerships/{{slug}}/{resource}/" in paths
    assert "/api/v1/partnerships/{slug}/cycles/{cycle_pk}/findings/{finding_pk}/" in paths
    edit = paths["/api/v1/partnerships/{slug}/organizations/{organization_pk}/"]["patch"]
    assert {"200", "400", "401", "403", "404", "409"} <= edit["responses"].keys()
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


@pytest.mark.django_db
def test_the_documentation_page_reads_the_schema_without_any_script(client, cast, client_for):
    response = client_for(cast.partner).get(reverse("api:docs"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "PATCH /api/v1/partnerships/{slug}/organizations/{organization_pk}/" in page
    # Nothing inline for the CSP to refuse: every script is a file of the site's own.
    assert all(tag.startswith('<script src="/static/') for tag in re.findall(r"<script[^>]*>", page))
