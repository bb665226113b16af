"""People saving at the same moment: no error page, nothing lost, on SQLite as on PostgreSQL.

Real HTTP against the live server (one thread and one database connection per request, as gunicorn's threads
and workers have), with every client released by a barrier so that their POSTs reach the database together. On
SQLite the test database is a file (config/settings.py): an in-memory database would share one connection
between the server's threads and prove nothing.
"""

import re
import sqlite3
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection
from django.urls import reverse

from analysis.models import Observation, Statistic
from analysis.tests.factories import ObservationFactory
from core.tests.http_browser import HttpBrowser
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory, PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = 6
ROUNDS = 3
PASSWORD = "mot-de-passe-test-1"


@pytest.fixture
def editors(live_server) -> tuple[object, list[HttpBrowser]]:
    partnership = PartnershipFactory(slug="ensemble")
    browsers = []
    for n in range(PEOPLE):
        user = UserFactory(email=f"editeur{n}@exemple.test")
        MembershipFactory(partnership=partnership, user=user, role=Role.COMMITTEE)
        browser = HttpBrowser(live_server.url)
        browser.sign_in(user.email, PASSWORD)
        browsers.append(browser)
    return partnership, browsers


def all_at_once(browsers: list[HttpBrowser], post) -> list[int]:
    """Run post(n, browser) for every browser, every POST released at the same moment; their statuses."""
    barrier = Barrier(len(browsers))

    def one(n: int) -> int:
        return post(n, browsers[n], barrier)

    with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
        return list(pool.map(one, range(len(browsers))))


def test_simultaneous_creates_all_succeed(editors):
    partnership, browsers = editors
    path = reverse("analysis:statistic_create", kwargs={"slug": partnership.slug})

    def create(round_: int):
        def post(n: int, browser: HttpBrowser, barrier: Barrier) -> int:
            status, page = browser.get(path)
            assert status == 200
            barrier.wait()
            fields = {
                "indicator": f"Indicateur {round_}-{n}",
                "territory_level": "local",
                "territory_name": "RLS de la Vallée",
                "period": "2022",
                "value": f"{n},5",
            }
            return browser.post_form(path, fields, page=page)[0]

        return post

    statuses = [status for round_ in range(ROUNDS) for status in all_at_once(browsers, create(round_))]
    assert Counter(statuses) == {302: PEOPLE * ROUNDS}
    saved = set(Statistic.objects.filter(partnership=partnership).values_list("indicator", flat=True))
    assert saved == {f"Indicateur {r}-{n}" for r in range(ROUNDS) for n in range(PEOPLE)}


def test_simultaneous_edits_of_different_records_all_succeed(editors):
    partnership, browsers = editors
    observations = [ObservationFactory(partnership=partnership) for _ in range(PEOPLE)]

    def edit(round_: int):
        def post(n: int, browser: HttpBrowser, barrier: Barrier) -> int:
            path = reverse(
                "analysis:observation_edit", kwargs={"slug": partnership.slug, "observation_pk": observations[n].pk}
            )
            status, page = browser.get(path)
            assert status == 200
            barrier.wait()
            return browser.post_form(path, {"text": f"Texte {round_} de la personne {n}."}, page=page)[0]

        return post

    statuses = [status for round_ in range(ROUNDS) for status in all_at_once(browsers, edit(round_))]
    assert Counter(statuses) == {302: PEOPLE * ROUNDS}
    texts = {o.pk: o.text for o in Observation.objects.filter(partnership=partnership)}
    assert texts == {o.pk: f"Texte {ROUNDS - 1} de la personne {n}." for n, o in enumerate(observations)}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock; PostgreSQL readers never take one")
def test_reading_pages_never_wait_for_a_writer_on_sqlite(editors):
    """Someone holds SQLite's write lock (a long save): every reading page still answers at once."""
    partnership, browsers = editors
    pages = [
        reverse("partnerships:home", kwargs={"slug": partnership.slug}),
        reverse("analysis:statistics", kwargs={"slug": partnership.slug}),
        reverse("offer:home", kwargs={"slug": partnership.slug}),
    ]
    browsers[0].get(pages[0])  # shows, and so removes from the session, the message of the sign-in
    writer = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # the write lock, as a save in progress holds it
    try:
        started = time.monotonic()
        answers = [browsers[0].get(page) for page in pages]
        statuses = [status for status, _page in answers]
        waited = time.monotonic() - started
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert statuses == [200, 200, 200], [re.search(r"<title>(.*?)</title>", page).group(1) for _s, page in answers]
    assert waited < 5  # the busy timeout is 20 s: a reader that took the lock would have waited it out
