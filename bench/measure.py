"""Times pages in-process with Django's test client, signed in as each sampled partnership's coordinator."""

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse

from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Membership, Partnership, Role
from privacy.notice import notice_accept

from . import floor, hooks
from .generate import SLUG_PREFIX

WARMUP = 2

# (label, URL name, kwargs builder, query string). Builders take (partnership, cycle, organization).
FOUNDATION_PAGES: tuple[tuple[str, str, Callable, str], ...] = (
    ("Partnership dashboard", "partnerships:home", lambda p, c, o: {"slug": p.slug}, ""),
    ("Organization list", "organizations:list", lambda p, c, o: {"slug": p.slug}, ""),
    ("Organization list, search", "organizations:list", lambda p, c, o: {"slug": p.slug}, "?q=famille"),
    ("Organization detail", "organizations:detail", lambda p, c, o: {"slug": p.slug, "organization_pk": o.pk}, ""),
    ("Member list", "partnerships:members", lambda p, c, o: {"slug": p.slug}, ""),
    ("Cycle list", "cycles:list", lambda p, c, o: {"slug": p.slug}, ""),
    ("Cycle home", "cycles:detail", lambda p, c, o: {"slug": p.slug, "cycle_pk": c.pk}, ""),
    ("Step 1, commitments", "intention:step", lambda p, c, o: {"slug": p.slug, "cycle_pk": c.pk}, ""),
    ("Rules of operation", "intention:rules", lambda p, c, o: {"slug": p.slug}, ""),
)


@dataclass
class PageTiming:
    label: str
    url: str  # as requested for the first sampled partnership
    timings_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.timings_ms)  # nearest rank: the smallest value with 95 % of the sample at or below it
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def max_ms(self) -> float:
        return max(self.timings_ms)


@dataclass
class Measurement:
    pages: list[PageTiming]
    skipped: dict[str, str]  # label -> why


def sample_partnerships(count: int) -> list[Partnership]:
    """`count` generated partnerships spread evenly over the whole set (first and last included)."""
    slugs = list(
        Partnership.objects.filter(slug__startswith=SLUG_PREFIX).order_by("slug").values_list("slug", flat=True)
    )
    if count >= len(slugs):
        chosen = slugs
    else:
        step = (len(slugs) - 1) / max(1, count - 1)
        chosen = sorted({slugs[round(i * step)] for i in range(count)})
    return list(Partnership.objects.filter(slug__in=chosen).order_by("slug"))


def pages_for(partnership: Partnership) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The foundation's pages, then each app's; a page whose URL name does not resolve yet is skipped."""
    cycle = Cycle.objects.filter(partnership=partnership).order_by("-starts_on").first()
    organization = Organization.objects.filter(partnership=partnership).first()
    pages, skipped = [], {}
    for label, name, kwargs, query in FOUNDATION_PAGES:
        try:
            pages.append((label, reverse(name, kwargs=kwargs(partnership, cycle, organization)) + query))
        except NoReverseMatch:
            skipped[label] = f"URL name {name} does not resolve"
    for app, module in hooks.with_function("pages"):
        try:
            pages.extend(module.pages(partnership, cycle))
        except NoReverseMatch as error:
            skipped[f"{app} pages"] = str(error)
    return pages, skipped


def coordinator_client(partnership: Partnership) -> Client:
    membership = Membership.objects.select_related("user").filter(partnership=partnership, role=Role.COORDINATOR)
    client = Client(raise_request_exception=False)  # a failing page is reported with its status, not raised
    coordinator = membership.order_by("id").first().user
    client.force_login(coordinator)
    notice_accept(user=coordinator)  # the privacy notice, accepted as at a first sign-in
    return client


@override_settings(ROOT_URLCONF="bench.urls")  # the product's URLs and the framework floor
def measure(partnerships: list[Partnership], *, repeat: int, progress=None) -> Measurement:
    """Every page of each sampled partnership, the framework floor first (`Measurement.pages[0]`)."""
    results: dict[str, PageTiming] = {}
    skipped: dict[str, str] = {}
    for partnership in partnerships:
        if progress:
            progress(partnership)
        client = coordinator_client(partnership)
        pages, partnership_skipped = pages_for(partnership)
        skipped.update(partnership_skipped)
        floor_url = reverse(floor.URL_NAME, kwargs={"slug": partnership.slug})
        for label, url in [(floor.LABEL, floor_url), *pages]:
            timing = results.setdefault(label, PageTiming(label=label, url=url))
            _time_page(client, url, timing, repeat)
    return Measurement(pages=list(results.values()), skipped=skipped)


def _time_page(client: Client, url: str, timing: PageTiming, repeat: int) -> None:
    for _ in range(WARMUP):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        timing.statuses.add(client.get(url).status_code)
    timing.queries.append(len(queries))
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timing.timings_ms.append((time.perf_counter() - started) * 1000)
        timing.statuses.add(response.status_code)
