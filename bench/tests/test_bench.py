"""Keeps `make bench` working: the harness's own functions at a tiny scale, in the test database."""

import json

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from bench import floor, generate, measure, report
from partnerships.models import Membership, Partnership

pytestmark = pytest.mark.django_db

TINY = generate.Size(partnerships=2, organizations=3, members=4)


def test_generated_data_has_the_requested_size():
    generate.generate(TINY, seed=1)
    assert generate.matches(TINY)
    assert not generate.matches(generate.Size(partnerships=2, organizations=4, members=4))
    partnership = Partnership.objects.get(slug="bench-0001")
    assert partnership.organizations.count() == 3
    assert set(Membership.objects.filter(partnership=partnership).values_list("role", flat=True)) == {
        "coordinator",
        "committee",
        "partner",
        "observer",
    }


def test_every_page_answers_200_and_lands_in_the_report(tmp_path):
    generate.generate(TINY, seed=1)
    partnerships = measure.sample_partnerships(5)
    assert [p.slug for p in partnerships] == ["bench-0001", "bench-0002"]

    measurement = measure.measure(partnerships, repeat=2)
    result = report.build(
        measurement=measurement, size=TINY, sample=["bench-0001", "bench-0002"], repeat=2, generation_seconds=1.0
    )
    md_path, json_path = report.write(result, tmp_path)

    expected = [label for label, *_rest in measure.FOUNDATION_PAGES if label not in measurement.skipped]
    labels = [row["label"] for row in result.pages]
    assert labels[0] == floor.LABEL
    assert labels[1 : len(expected) + 1] == expected
    assert "Partnership dashboard" in labels and "Organization list" in labels
    for row in result.pages:
        assert row["statuses"] == [200], row
        assert row["requests"] == 4 and row["queries_min"] > 0
    saved = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(saved["pages"]) == len(result.pages)
    markdown = md_path.read_text(encoding="utf-8")
    assert all(f"| {label} |" in markdown for label in labels)


def test_every_page_reads_as_a_ratio_to_the_framework_floor():
    generate.generate(TINY, seed=1)
    measurement = measure.measure(measure.sample_partnerships(1), repeat=3)
    result = report.build(measurement=measurement, size=TINY, sample=["bench-0001"], repeat=3, generation_seconds=None)
    floor_p95 = result.pages[0]["p95_ms"]
    for row in result.pages:
        assert row["p95_to_floor"] == round(row["p95_ms"] / floor_p95, 1)  # the ratio of the p95s the report shows
        assert row["within_target"] == (row["p95_ms"] <= max(30, 3 * floor_p95))
    assert f"Framework floor (base layout only): p95 {floor_p95} ms" in report.markdown(result)


@pytest.mark.parametrize(
    ("p95", "floor_p95", "within"), [(29.9, 2, True), (30.1, 2, False), (44, 15, True), (46, 15, False)]
)
def test_the_target_is_30_ms_or_three_times_a_slower_floor(p95, floor_p95, within):
    assert report.within_target(p95, floor_p95) is within


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_floor_is_the_base_layout_alone_behind_the_same_access_check(cast, client_for):
    address = reverse(floor.URL_NAME, kwargs={"slug": cast.partnership.slug})
    page = client_for(cast.partner).get(address)
    assert page.status_code == 200
    content = page.content.decode()
    assert cast.partnership.name in content and 'aria-current="page"' in content  # the partnership's menu
    assert "<h1>" not in content  # and nothing of a page's own
    assert client_for(cast.outsider).get(address).status_code == 404


def test_the_product_does_not_serve_the_floor():
    with pytest.raises(NoReverseMatch):
        reverse(floor.URL_NAME, kwargs={"slug": "any"})


def test_the_load_run_plays_each_role_on_the_pages_it_may_open(client):
    """`make load` gives each simulated person the bench's pages that their role may open: every one answers 200
    for them, and every page left out would have refused them."""
    from bench.load.prepare import _pages_of_role
    from privacy.notice import notice_accept

    generate.generate(TINY, seed=1)
    partnership = Partnership.objects.get(slug="bench-0001")
    pages, _skipped = measure.pages_for(partnership)
    for role in ("committee", "partner", "observer"):
        member = Membership.objects.filter(partnership=partnership, role=role).select_related("user").first()
        notice_accept(user=member.user)  # as the load run's people have
        client.force_login(member.user)
        kept = _pages_of_role(pages, role)
        assert kept and "Next cycle preview" not in dict(kept)  # the coordinator's alone (Perm.MANAGE_CYCLES)
        for label, path in pages:
            status = client.get(path).status_code
            assert status == (200 if (label, path) in kept else 403), (role, label, status)
