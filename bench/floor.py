"""The framework floor: a signed-in page that renders the site's base layout (the navigation, the partnership's
menu) and nothing else, timed like every other page so that each page's cost reads as a ratio to it.

It is the bench's own page, served only by the bench's URL configuration (`bench.urls`), never by the product:
what it costs is what every page pays before it shows anything — the middleware, the session and the sign-in,
the access check on the partnership, the base template.
"""

from django.http import HttpRequest, HttpResponse
from django.template import engines

from partnerships.access import PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context

LABEL = "Framework floor (base layout only)"
URL_NAME = "bench-floor"

_TEMPLATE = engines["django"].from_string('{% extends "base.html" %}{% block content %}{% endblock %}')


@partnership_view()
def floor(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    return HttpResponse(_TEMPLATE.render(page_context(access, Section.HOME), request))
