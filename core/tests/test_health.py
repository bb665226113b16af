"""/healthz: answers a probe without signing in, says which part fails, and costs one query."""

import json

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import override_settings

from core.tests.support import redis_for_tests

pytestmark = pytest.mark.django_db

REDIS = {"default": {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": redis_for_tests()}}
# Nothing listens on port 1: a Redis that is down, for real (connection refused), not a stand-in.
REDIS_DOWN = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


def health(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


def test_an_anonymous_probe_gets_ok_no_session_and_nothing_cached(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response, body = health(client)
    assert response.status_code == 200
    assert body == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]


def test_only_get_is_answered(client):
    assert client.post("/healthz").status_code == 405


@override_settings(CACHES=REDIS)
def test_a_shared_redis_cache_that_answers_is_ok(client):
    caches["default"].clear()
    assert health(client)[1]["cache"] == "ok"


@override_settings(CACHES=REDIS_DOWN)
def test_redis_down_is_degraded_but_still_serving(client):
    response, body = health(client)
    assert response.status_code == 200  # sessions fall back to the database: the process still serves
    assert body == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_a_database_that_does_not_answer_takes_the_process_out_of_rotation(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")  # what a database server that is down raises

    monkeypatch.setattr(connection, "cursor", refuse)
    response, body = health(client)
    assert response.status_code == 503
    assert body == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
