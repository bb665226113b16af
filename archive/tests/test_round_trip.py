import io
import json
import zipfile

import pytest

from archive import schema
from archive.importer import import_partnership
from factors.models import ProtectiveFactor
from partnerships.models import Membership, Partnership

from .support import (
    DOCUMENT_BYTES,
    archive_bytes,
    assert_same_partnership,
    demo_partnership,
    entries,
    lines,
    pack,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return demo_partnership()


def test_round_trip_with_history_keeps_every_record_link_and_file(demo):
    data = archive_bytes(demo, history=True)
    result = import_partnership(source=io.BytesIO(data))

    assert result.partnership.pk != demo.pk
    assert result.partnership.slug == f"{demo.slug}-2"
    assert result.partnership.name == demo.name
    compared = assert_same_partnership(demo, result, history=True)
    assert compared > 500  # the demo is not small: every tool has records
    assert result.files == 1
    imported = result.partnership.cycles.get().commitments.exclude(document="").get()
    assert imported.document.read() == DOCUMENT_BYTES
    # The same people, found again by their address on the same installation.
    assert result.created_people == []
    assert sorted(
        Membership.objects.filter(partnership=result.partnership).values_list("user_id", flat=True)
    ) == sorted(Membership.objects.filter(partnership=demo).values_list("user_id", flat=True))
    _assert_manifest_describes_every_entry(demo, entries(data))


def test_round_trip_without_history_writes_no_history(demo):
    data = archive_bytes(demo, history=False)
    manifest = json.loads(entries(data)["manifest.json"])
    assert manifest["history"] is False
    assert not any(label.split(".")[1].startswith("Historical") for label in manifest["models"])

    result = import_partnership(source=io.BytesIO(data))

    assert_same_partnership(demo, result, history=False)
    assert not Partnership.history.filter(id=result.partnership.pk).exists()
    _assert_catalogue_named_and_local_factors_archived(demo, entries(data))
    _assert_people_carried_by_address_and_name(demo, entries(data))
    _assert_nothing_of_the_other_partnership(demo, entries(data))


def _assert_manifest_describes_every_entry(demo, contents):
    manifest = json.loads(contents["manifest.json"])
    assert manifest["format"] == "concerto-partnership-archive"
    assert manifest["format_version"] == 1
    assert manifest["history"] is True
    assert manifest["partnership"] == {"slug": demo.slug, "name": demo.name}
    assert set(manifest["entries"]) == set(contents) - {"manifest.json"}
    for label, described in manifest["models"].items():
        assert len(lines(contents[described["file"]])) == described["count"], label
    assert manifest["files"] == 1
    assert len([name for name in contents if name.startswith("files/")]) == 1
    with zipfile.ZipFile(io.BytesIO(pack(contents))) as archive:
        assert archive.testzip() is None


def _assert_catalogue_named_and_local_factors_archived(demo, contents):
    factors = lines(contents["records/factors.ProtectiveFactor.jsonl"])
    local = set(ProtectiveFactor.objects.filter(partnership=demo).values_list("pk", flat=True))
    assert local and {record["pk"] for record in factors} == local
    shared_codes = set(ProtectiveFactor.objects.filter(partnership=None).values_list("code", flat=True))
    findings = lines(contents["records/analysis.Finding.jsonl"])
    named = [value["key"][0] for record in findings for value in record["fields"]["factors"] if isinstance(value, dict)]
    assert named and set(named) <= shared_codes
    elements = lines(contents["records/factors.FactorElement.jsonl"])
    assert elements and all(record["fields"]["factor"]["key"][0] in shared_codes for record in elements)


def _assert_people_carried_by_address_and_name(demo, contents):
    people = lines(contents["people.jsonl"])
    coordinator = Membership.objects.filter(partnership=demo, role="coordinator").first().user
    assert {"pk": coordinator.pk, "email": coordinator.email, "full_name": coordinator.full_name} in [
        {key: person[key] for key in ("pk", "email", "full_name")} for person in people
    ]
    assert all(set(person) == {"pk", "email", "full_name", "closed_at"} for person in people)


def _assert_nothing_of_the_other_partnership(demo, contents):
    other = Partnership.objects.get(slug="baie-des-brumes")
    assert other.name.encode() not in b"".join(contents.values())
    manifest = json.loads(contents["manifest.json"])
    for label, described in manifest["models"].items():
        others = set(schema.rows_of(schema.by_label()[label], other).values_list("pk", flat=True))
        assert others.isdisjoint(record["pk"] for record in lines(contents[described["file"]])), label
    other_people = set(Membership.objects.filter(partnership=other).values_list("user__email", flat=True))
    own_people = set(Membership.objects.filter(partnership=demo).values_list("user__email", flat=True))
    exported_people = {person["email"] for person in lines(contents["people.jsonl"])}
    assert not exported_people & (other_people - own_people)
