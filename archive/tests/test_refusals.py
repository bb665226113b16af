"""Every archive an import must refuse is refused with its own message, and nothing at all is written."""

import io
import json
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from analysis.tests.factories import FindingFactory
from archive.format import ArchiveError
from archive.importer import import_partnership
from cycles.tests.factories import CycleFactory
from intention.models import Commitment
from partnerships.tests.factories import SiteAdminFactory

from .support import archive_bytes, database_state, entries, jsonl, lines, pack, rewritten

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(cast):
    cycle = CycleFactory(partnership=cast.partnership)
    FindingFactory.create_batch(3, cycle=cycle)
    commitment = Commitment.objects.create(
        cycle=cycle,
        organization=cast.organization,
        committed_on=date(2026, 9, 1),
        representative_name="A",
        statement="B",
    )
    commitment.document.save("engagement.pdf", ContentFile(b"%PDF engagement"))
    return archive_bytes(cast.partnership, history=True)


def refused(archive: bytes, **settings) -> str:
    """Import `archive`, which must be refused; return the message, after checking that nothing was written."""
    before = database_state()
    with override_settings(**settings), pytest.raises(ArchiveError) as refusal:
        import_partnership(source=io.BytesIO(archive))
    assert database_state() == before
    return str(refusal.value)


def test_not_a_zip(data):
    assert "pas un fichier zip" in refused(b"Nom;Valeur\nEnfants;12\n")


def test_truncated(data):
    assert "incomplète ou endommagée" in refused(data[: len(data) // 2])


def test_tampered_entry_fails_its_checksum(data):
    contents = entries(data)
    findings = contents["records/analysis.Finding.jsonl"]
    contents["records/analysis.Finding.jsonl"] = findings.replace(b"Constat", b"Constax", 1)
    message = refused(pack(contents))
    assert "modifiée ou endommagée" in message and "records/analysis.Finding.jsonl" in message


def test_tampered_file_fails_its_checksum(data):
    contents = entries(data)
    name = next(name for name in contents if name.startswith("files/"))
    contents[name] = b"%PDF autre chose"
    assert name in refused(pack(contents))


def test_an_entry_the_manifest_does_not_list(data):
    contents = entries(data)
    contents["records/extra.jsonl"] = b"{}\n"
    assert "records/extra.jsonl" in refused(pack(contents))


def test_an_entry_missing(data):
    contents = entries(data)
    del contents["people.jsonl"]
    assert "people.jsonl" in refused(pack(contents))


def test_foreign_zip_without_manifest(data):
    assert "pas une archive de regroupement Concerto" in refused(pack({"document.txt": b"bonjour"}))


def test_foreign_format(data):
    def foreign(manifest: bytes) -> bytes:
        described = json.loads(manifest)
        described["format"] = "autre-logiciel"
        return json.dumps(described).encode()

    contents = entries(data)
    contents["manifest.json"] = foreign(contents["manifest.json"])
    assert "pas une archive de regroupement Concerto" in refused(pack(contents))


def test_newer_format_version(data):
    contents = entries(data)
    manifest = json.loads(contents["manifest.json"])
    manifest["format_version"] = 2
    contents["manifest.json"] = json.dumps(manifest).encode()
    assert "version plus récente" in refused(pack(contents))


def test_newer_schema(data):
    contents = entries(data)
    manifest = json.loads(contents["manifest.json"])
    manifest["migrations"].append("plan.9999_from_the_future")
    contents["manifest.json"] = json.dumps(manifest).encode()
    assert "plan.9999_from_the_future" in refused(pack(contents))


def test_unknown_model(data):
    contents = entries(data)
    manifest = json.loads(contents["manifest.json"])
    manifest["models"]["plan.Spaceship"] = {"file": "records/plan.Spaceship.jsonl", "count": 0}
    contents["manifest.json"] = json.dumps(manifest).encode()
    assert "plan.Spaceship" in refused(pack(contents))


def test_a_reference_outside_the_archive(data, cast):
    def elsewhere(content: bytes) -> bytes:
        findings = lines(content)
        findings[0]["fields"]["cycle"] = 987654
        return jsonl(findings)

    message = refused(rewritten(data, records__analysis_dot_Finding_dot_jsonl=elsewhere))
    assert "renvoie à un enregistrement que l'archive ne contient pas" in message


def test_a_reference_to_reference_data_this_installation_lacks(data):
    def unknown_factor(content: bytes) -> bytes:
        findings = lines(content)
        findings[0]["fields"]["factors"] = [{"key": ["facteur-inconnu"]}]
        return jsonl(findings)

    message = refused(rewritten(data, records__analysis_dot_Finding_dot_jsonl=unknown_factor))
    assert "facteur-inconnu" in message


def test_a_value_its_field_cannot_read(data):
    def bad_date(content: bytes) -> bytes:
        findings = lines(content)
        findings[0]["fields"]["created_at"] = "pas une date"
        return jsonl(findings)

    assert "analysis.Finding" in refused(rewritten(data, records__analysis_dot_Finding_dot_jsonl=bad_date))


def test_a_late_failure_removes_the_files_already_copied(data):
    """The commitments (and their file) come before the findings, whose broken reference is found last."""

    def elsewhere(content: bytes) -> bytes:
        findings = lines(content)
        findings[-1]["fields"]["cycle"] = 987654
        return jsonl(findings)

    refused(rewritten(data, records__analysis_dot_Finding_dot_jsonl=elsewhere))  # checks the storage too


def test_too_large_once_uncompressed(data):
    assert "taille permise" in refused(data, ARCHIVE_MAX_BYTES=len(data))


def test_too_many_entries(data):
    assert "trop de fichiers" in refused(data, ARCHIVE_MAX_ENTRIES=3)


def test_a_zip_bomb_is_refused_before_it_is_read(data):
    bomb = pack({"manifest.json": b"{}", "records/bomb.jsonl": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    assert "taille permise" in refused(bomb, ARCHIVE_MAX_BYTES=10 * 1024 * 1024)


def test_the_message_follows_the_language(data):
    with translation.override("en"):
        assert "not a zip file" in refused(b"plain text")


def test_the_site_admin_page_shows_the_refusal_next_to_the_field(data, client_for):
    admin = SiteAdminFactory()
    before = database_state()
    upload = ContentFile(data[:1000], name="archive.zip")
    response = client_for(admin).post(reverse("archive:import"), {"archive": upload, "slug": ""})
    assert response.status_code == 400
    assert "incomplète ou endommagée" in response.content.decode()
    assert database_state() == before


def test_a_records_file_that_is_not_utf8_json(data):
    assert "analysis.Finding" in refused(rewritten(data, records__analysis_dot_Finding_dot_jsonl=b"\xff\xfe{]\n"))


def test_a_manifest_of_the_wrong_shape(data):
    contents = entries(data)
    manifest = json.loads(contents["manifest.json"])
    manifest["models"] = ["analysis.Finding"]
    contents["manifest.json"] = json.dumps(manifest).encode()
    assert "manifest.json" in refused(pack(contents))
