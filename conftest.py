"""Shared test fixtures: one partnership seen by each role, and an outsider from another partnership."""

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from core.tests.support import query_count
from cycles.tests.factories import CycleFactory
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory, PartnershipFactory, UserFactory


def pytest_collection_modifyitems(config, items):
    _refuse_transactional_tests_without_serialized_rollback(items)
    _leave_out_database_independent_tests_on_postgresql(config, items)


def _refuse_transactional_tests_without_serialized_rollback(items) -> None:
    """A transactional test empties the database after it, reference data included: the next one finds it only if
    it asks Django to put back what the migrations loaded (serialized rollback; `page` does for browser tests)."""
    refused = [item.nodeid for item in items if _transactional(item) and not _asks_serialized_rollback(item)]
    if refused:
        raise pytest.UsageError(
            "transactional tests must ask for serialized rollback, "
            "@pytest.mark.django_db(transaction=True, serialized_rollback=True): " + ", ".join(refused)
        )


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool({"transactional_db", "live_server"} & {*fixtures})


def _asks_serialized_rollback(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("serialized_rollback")) or "django_db_serialized_rollback" in fixtures


def _leave_out_database_independent_tests_on_postgresql(config, items) -> None:
    """On PostgreSQL, leave out the tests marked `database_independent` (the pages' HTML and CSS in the browser,
    the dependency audit): what they check is the same on every database, and CI's SQLite suite runs them."""
    from django.conf import settings

    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        return
    left_out = [item for item in items if item.get_closest_marker("database_independent")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("database_independent")]


@pytest.fixture(autouse=True, scope="session")
def _postgresql_flush_deletes_rows():
    """After a transactional test Django empties every table with one TRUNCATE of all of them, which on PostgreSQL
    recreates each table's files (seconds for ours, once per browser test). The tests' tables hold a few rows:
    DELETE empties them in a fraction of that, the foreign keys being checked at commit (Django declares them
    DEFERRABLE INITIALLY DEFERRED). Only the test run's flush changes; sequences are reset by TRUNCATE as asked."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;", *(f"DELETE FROM {self.quote_name(table)};" for table in tables)]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Uploaded files of a test go to its own temporary folder, never to the project's media/.
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class Cast:
    partnership: object
    organization: object
    other_organization: object
    coordinator: object
    committee: object
    partner: object
    observer: object
    outsider: object
    other_partnership: object


@pytest.fixture
def cast(db) -> Cast:
    partnership = PartnershipFactory(name="Regroupement Petite-Patrie", slug="petite-patrie")
    organization = OrganizationFactory(partnership=partnership, name="Maison de la famille du Parc")
    other_organization = OrganizationFactory(partnership=partnership, name="CPE Les Lucioles")
    other_partnership = PartnershipFactory(name="Regroupement Rive-Nord", slug="rive-nord")

    def member(role, email, organization=None, partnership=partnership):
        user = UserFactory(email=email, full_name=email.split("@")[0].title())
        MembershipFactory(partnership=partnership, user=user, role=role, organization=organization)
        return user

    return Cast(
        partnership=partnership,
        organization=organization,
        other_organization=other_organization,
        coordinator=member(Role.COORDINATOR, "coordination@exemple.test"),
        committee=member(Role.COMMITTEE, "comite@exemple.test"),
        partner=member(Role.PARTNER, "partenaire@exemple.test", organization=organization),
        observer=member(Role.OBSERVER, "observateur@exemple.test"),
        outsider=member(Role.COORDINATOR, "ailleurs@exemple.test", partnership=other_partnership),
        other_partnership=other_partnership,
    )


@pytest.fixture
def client_for(db):
    """client_for(user) returns a test client signed in as that user (privacy notice accepted)."""

    from privacy.notice import notice_accept

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        notice_accept(user=user)  # as everyone must before using Concerto
        return client

    return make


@pytest.fixture
def cycle(cast):
    """A cycle of the cast's partnership."""
    return CycleFactory(partnership=cast.partnership)


@pytest.fixture
def cycle_url(cast, cycle) -> Callable[..., str]:
    """cycle_url("priorities:vote_detail", vote_pk=3): that page's address in the cast's partnership and cycle."""

    def make(name: str, **kwargs) -> str:
        return reverse(name, kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk, **kwargs})

    return make


@pytest.fixture
def assert_flat_queries() -> Callable[..., int]:
    """assert_flat_queries(client, address, grow=...) requests the page, calls grow() to add data, requests it
    again and fails unless both made the same number of SQL queries. Returns that number."""

    def check(client, address: str, *, grow: Callable[[], object]) -> int:
        small = query_count(client, address)
        grow()
        large = query_count(client, address)
        assert small == large, f"{address}: {small} queries with little data, {large} with more"
        return small

    return check


# --- Browser tests (Playwright driving Debian's Chromium) ------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_browser(django_db_setup):
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium package (see .ci/run)")
        pytest.skip(f"browser tests skipped: {CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop in this thread; the Django ORM calls the tests make
    # between browser steps are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    contents = _serialized_contents()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            _give_serialized_contents(contents)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _serialized_contents() -> dict[str, str]:
    """The test database's contents as migrations left them (reference data), per database alias: Django keeps
    them on the connection object, to put them back at the start of each transactional test that asks for it."""
    from django.db import connections

    return {alias: connections[alias]._test_serialized_contents for alias in connections if _serialized(alias)}


def _serialized(alias: str) -> bool:
    from django.db import connections

    return hasattr(connections[alias], "_test_serialized_contents")


def _give_serialized_contents(contents: dict[str, str]) -> None:
    """Hand the serialized contents to the connection objects Django uses once Playwright has started.

    Between its synchronous calls Playwright marks its event loop as running in this thread. Django's connection
    handler (a thread-critical asgiref Local) then keeps the connections in a storage of their own for async
    code, where none exists yet: every test from then on gets a new connection object, without the contents.
    Were they handed over only when a browser test sets up its fixtures, they would come too late for the first
    one: pytest-django's autouse `_live_server_helper` sets up `transactional_db`, which puts the contents back,
    before any fixture of the test's own. A browser test run after a transactional test that emptied the
    database would then find no reference data (the Outil 13 questionnaire, the protective factors catalogue).
    """
    from django.db import connections

    for alias, serialized in contents.items():
        connections[alias]._test_serialized_contents = serialized


@pytest.fixture(autouse=True)
def _site_language() -> Iterator[None]:
    """Each test starts in the site's language: a request in English (or a document built in the reader's
    language) leaves English active in the thread, and a later test reading messages outside a request would
    read them in English."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _reference_data_restored(request) -> None:
    """A transactional test that asks for serialized rollback starts with every row the migrations loaded (the
    tests before it may have emptied the database). Fails if Django could not put them back."""
    if not _asks_serialized_rollback(request.node):
        return
    from django.db import connections

    request.getfixturevalue("transactional_db")
    for alias in connections:
        assert _serialized(alias), f"connection {alias} lost the contents the migrations left: see conftest.py"
        missing = _missing_rows(connections[alias]._test_serialized_contents, alias)
        assert not missing, f"rows the migrations loaded are missing at the start of the test: {missing}"


def _missing_rows(serialized: str, alias: str) -> dict[str, int]:
    """Per model of the serialized contents, how many of its rows the database lacks (by primary key)."""
    from django.apps import apps

    missing = {}
    for label, pks in _serialized_rows(serialized).items():
        found = apps.get_model(label)._base_manager.using(alias).filter(pk__in=pks).count()
        if found < len(pks):
            missing[label] = len(pks) - found
    return missing


@functools.cache
def _serialized_rows(serialized: str) -> dict[str, list]:
    """The primary keys of the serialized contents, per model label."""
    rows = defaultdict(list)
    for row in json.loads(serialized):
        rows[row["model"]].append(row["pk"])
    return dict(rows)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


# Every page reports the Content-Security-Policy violations the browser sees to the console, where the `page`
# fixture collects them (Chromium logs most of them itself; the event catches the rest).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def csp_violations() -> list[str]:
    """The Content-Security-Policy violations the browser reported during the test; any fails the test."""
    return []


@pytest.fixture
def page(
    request,
    chromium_browser,
    live_server,
    transactional_db,
    django_db_serialized_rollback,
    csp_violations,
):
    # serialized rollback puts back the reference data loaded by migrations, which the live server's
    # transactional test would otherwise flush for the tests that follow.
    from pathlib import Path

    context = chromium_browser.new_context(base_url=live_server.url, locale="fr-CA")
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    if getattr(request.node, "call_failed", False):
        # What the browser showed when the test failed, for the person reading the CI log.
        folder = Path("test-artifacts")
        folder.mkdir(exist_ok=True)
        page.screenshot(path=folder / f"{request.node.name[:80]}.png", full_page=True)
        (folder / f"{request.node.name[:80]}.html").write_text(page.content(), encoding="utf-8")
    context.close()
    if csp_violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(csp_violations))


@pytest.fixture
def check_accessibility():
    """check_accessibility(page) fails on any serious or critical axe-core violation of the current page."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> None:
        results = axe.run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        report = "\n".join(
            f"{v['impact']}: {v['id']} — {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
            for v in serious
        )
        assert not serious, f"{page.url}\n{report}"

    return check


@pytest.fixture
def sign_in(page):
    """sign_in(user) signs in through the real login form (password of the test factories)."""

    def do(user) -> None:
        page.goto("/comptes/login/")
        page.get_by_label("Courriel").fill(user.email)
        page.get_by_label("Mot de passe").fill("mot-de-passe-test-1")
        with page.expect_navigation():
            page.get_by_role("button", name="Me connecter").click()

    return do
