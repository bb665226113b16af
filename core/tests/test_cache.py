"""Redis down is a slower day, not an outage: against a real Redis, and against a port where none listens."""

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from core.tests.support import redis_for_tests, url

pytestmark = pytest.mark.django_db
PASSWORD = "mot-de-passe-test-1"  # the test factories'


def redis(location: str) -> dict:
    return {
        "CACHES": {
            "default": {
                "BACKEND": "core.cache.ResilientRedisCache",
                "LOCATION": location,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        },
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
    }


REDIS_UP = redis(redis_for_tests())
REDIS_DOWN = redis("redis://127.0.0.1:1/0")  # nothing listens on port 1: connection refused, for real


@override_settings(**REDIS_UP)
def test_a_redis_that_answers_is_the_shared_cache():
    cache = caches["default"]
    cache.clear()
    cache.set("clé", {"valeur": 1})
    assert cache.get("clé") == {"valeur": 1}
    assert cache.add("compteur", 1) is True
    assert cache.incr("compteur") == 2 and cache.get("compteur") == 2


@override_settings(**REDIS_DOWN)
def test_while_redis_is_down_the_cache_answers_as_an_empty_one():
    cache = caches["default"]
    cache.set("clé", 1)
    assert cache.get("clé") is None and cache.get("clé", "défaut") == "défaut"
    assert cache.add("clé", 1) is True and cache.get("clé") is None  # added, as to an empty cache, and dropped
    assert cache.get_many(["clé"]) == {} and not cache.has_key("clé")
    with pytest.raises(ValueError):
        cache.incr("clé")
    cache.delete("clé")
    cache.clear()


@override_settings(**REDIS_DOWN)
def test_while_redis_is_down_people_sign_in_stay_signed_in_and_pages_answer(cast):
    client = Client()
    response = client.post(reverse("account_login"), {"login": cast.partner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(url("partnerships:home", cast)).status_code == 200  # the session, read from the database
    assert client.get(url("offer:home", cast)).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(url("partnerships:home", cast)).status_code == 302  # signed out for good


def test_a_session_made_while_redis_was_down_is_still_valid_when_it_is_back(cast):
    client = Client()
    with override_settings(**REDIS_DOWN):
        client.post(reverse("account_login"), {"login": cast.partner.email, "password": PASSWORD})
    with override_settings(**REDIS_UP):
        caches["default"].clear()
        assert client.get(url("partnerships:home", cast)).status_code == 200
