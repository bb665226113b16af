"""A database that cannot answer is an outage of a moment, not a bug in the page: the person is told to try again.

A write waiting past SQLite's busy timeout or a PostgreSQL server out of reach raises OperationalError; the request's
transaction is already rolled back, so the 503 page can say truthfully that nothing was changed. The error still goes
to the log with its traceback. The 500 and 503 pages (templates/500.html, 503.html) need no request context.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger("django.request")
RETRY_AFTER_SECONDS = 30


def service_unavailable() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if settings.DEBUG or not isinstance(exception, OperationalError):
            return None
        logger.error("Database unavailable: %s", request.path, exc_info=exception)
        return service_unavailable()
