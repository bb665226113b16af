"""/healthz: whether this app process can serve, for the reverse proxy and the process supervisor.

No authentication, no partnership data, no session: one `SELECT 1` and a cache round trip. The database is
required — without it nothing works, so the answer is 503 and the proxy sends people elsewhere. The cache (Redis
when several processes share it) is not: sessions fall back to the database and pages still answer, so a cache
that does not answer makes the status "degraded" with 200, and the supervisor's log says which part failed.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
OK, FAILING = "ok", "unavailable"
CACHE_KEY = "concerto:healthz"


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return FAILING
    return OK


def cache_status() -> str:
    token = secrets.token_hex(8)
    try:
        cache.set(CACHE_KEY, token, timeout=10)
        answered = cache.get(CACHE_KEY) == token
    except Exception:  # any client error of any cache backend (connection refused, timeout) is the same answer
        logger.exception("Health check: the cache does not answer")
        return FAILING
    return OK if answered else FAILING


@transaction.non_atomic_requests  # no transaction: on SQLite one would take the write lock at every probe
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_status(), "cache": cache_status()}
    if checks["database"] != OK:
        status, code = "unavailable", 503
    else:
        status, code = ("ok" if checks["cache"] == OK else "degraded"), 200
    return JsonResponse({"status": status, **checks}, status=code)
