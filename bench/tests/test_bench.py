"""Keeps `make bench` working: the harness's own functions at a tiny scale, in the test database."""

import json

import pytest

from bench import generate, measure, report
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
    assert labels[: len(expected)] == expected
    assert "Partnership dashboard" in labels and "Organization list" in labels
    for row in result.pages:
        assert row["statuses"] == [200], row
        assert row["requests"] == 4 and row["queries_min"] > 0
    saved = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(saved["pages"]) == len(result.pages)
    markdown = md_path.read_text(encoding="utf-8")
    assert all(f"| {label} |" in markdown for label in labels)
