"""The shared cache (Redis) is an accelerator, never a single point of failure.

While Redis does not answer, `ResilientRedisCache` behaves as an empty cache: reads miss, writes are dropped,
each failure is logged. Sessions (`cached_db`) then read and write the database alone, so people stay signed in;
the sign-in rate limits and cached values come back when Redis does. Short socket timeouts (settings.py) keep a
Redis that hangs from holding a request.
"""

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (ConnectionError, TimeoutError, OSError)


def _when_unreachable(fallback: Callable[..., Any]) -> Callable:
    """The method, or `fallback(*args)` (what an empty cache answers) while Redis cannot be reached."""

    def decorate(method: Callable) -> Callable:
        @wraps(method)
        def tolerant(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE:
                logger.warning("The cache does not answer (%s); going on without it", method.__name__, exc_info=True)
                return fallback(*args, **kwargs)

        return tolerant

    return decorate


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what incr() says of a key an empty cache does not hold


class ResilientRedisCache(RedisCache):
    # An empty cache holds no key, so add() succeeds (the value is dropped): locks taken with add() go on.
    add = _when_unreachable(lambda *a, **k: True)(RedisCache.add)
    get = _when_unreachable(lambda key, default=None, *a, **k: default)(RedisCache.get)
    set = _when_unreachable(lambda *a, **k: None)(RedisCache.set)
    touch = _when_unreachable(lambda *a, **k: False)(RedisCache.touch)
    delete = _when_unreachable(lambda *a, **k: False)(RedisCache.delete)
    get_many = _when_unreachable(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _when_unreachable(lambda *a, **k: False)(RedisCache.has_key)
    incr = _when_unreachable(_missing_key)(RedisCache.incr)
    set_many = _when_unreachable(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _when_unreachable(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _when_unreachable(lambda *a, **k: False)(RedisCache.clear)
