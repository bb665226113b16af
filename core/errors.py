"""A database that cannot answer is an outage of a moment, not a bug in the page: the person is told to try again.

A write waiting past SQLite's busy timeout or a PostgreSQL server out of reach raises OperationalError (or
InterfaceError, on a connection the server closed); the request's transaction is already rolled back, so the 503
page can say truthfully that nothing was changed. The error can come from the view or from a middleware before it
(the session and the signed-in person are read from the database), so it is answered where every uncaught error
ends: Django's 500 handler, which runs outside the middleware chain with the exception still at hand. The error
still goes to the log with its traceback. The 500 and 503 pages (templates/500.html, 503.html) need no request
context.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults

RETRY_AFTER_SECONDS = 30
OUTAGES = (OperationalError, InterfaceError)


def service_unavailable() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database outage is a 503 to retry; anything else is Django's 500 page."""
    if isinstance(sys.exception(), OUTAGES):
        return service_unavailable()
    return defaults.server_error(request)
