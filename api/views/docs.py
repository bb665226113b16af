"""The API's schema (OpenAPI 3, written by drf-spectacular from the serializers) and its documentation page,
rendered on the server from the same schema: no script, nothing loaded from elsewhere."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from ..reference import operations_by_tag


class SchemaView(SpectacularAPIView):
    """The schema describes the API, not anyone's data: it is public, as the documentation is."""

    authentication_classes = []
    permission_classes = [AllowAny]


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    context = {"info": schema["info"], "tags": operations_by_tag(schema)}
    return render(request, "api/docs.html", context)
