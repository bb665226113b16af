"""Helpers of the archive's tests: the demo partnership with an uploaded file, archives rewritten on purpose, the
whole database's state (to show that a refused import wrote nothing) and the field-by-field comparison."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command

from archive import schema
from archive.export import export_partnership
from intention.models import Commitment
from partnerships.models import Partnership

DEMO_SLUG = "riviere-aux-erables"
DOCUMENT_BYTES = b"%PDF-1.4 engagement signe\n" + bytes(range(256)) * 4


def demo_partnership() -> Partnership:
    """Partnership A of `manage.py load_demo`, with a signed commitment document uploaded (the demo has none)."""
    from diagnostic.models import Questionnaire
    from factors.models import ProtectiveFactor

    # The migrations load the reference data; a run with --nomigrations has to load it itself.
    if not ProtectiveFactor.objects.filter(partnership=None).exists():
        call_command("load_factor_catalogue", verbosity=0)
    if not Questionnaire.objects.filter(partnership=None).exists():
        call_command("load_diagnostic_questionnaire", verbosity=0)
    call_command("load_demo", verbosity=0)
    partnership = Partnership.objects.get(slug=DEMO_SLUG)
    commitment = Commitment.objects.filter(cycle__partnership=partnership).order_by("pk").first()
    commitment.document.save("engagement signé.pdf", ContentFile(DOCUMENT_BYTES))
    return partnership


def archive_bytes(partnership: Partnership, *, history: bool = True) -> bytes:
    out = io.BytesIO()
    export_partnership(partnership=partnership, destination=out, history=history)
    return out.getvalue()


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewritten(data: bytes, **changes) -> bytes:
    """The archive with some entries replaced (name with `__` for `/` and `_dot_` for `.`) and its manifest's
    checksums made to agree: only the check under test can then refuse it."""
    contents = entries(data)
    for key, value in changes.items():
        name = key.replace("__", "/").replace("_dot_", ".")
        contents[name] = value(contents[name]) if callable(value) else value
    manifest = json.loads(contents.pop("manifest.json"))
    for name, content in contents.items():
        manifest["entries"][name] = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    return pack({"manifest.json": json.dumps(manifest).encode(), **contents})


def pack(contents: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in contents.items():
            archive.writestr(name, content)
    return out.getvalue()


def lines(content: bytes) -> list[dict]:
    return [json.loads(line) for line in content.splitlines()]


def jsonl(records: list[dict]) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def database_state() -> dict:
    """Every table's row count and every stored file: what a refused import must leave as it was."""
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.app_label != "sessions"]  # log-ins
    counts = {model._meta.label: model._base_manager.count() for model in models}
    media = Path(settings.MEDIA_ROOT)
    files = (
        sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()) if media.exists() else []
    )
    return {"counts": counts, "files": files}


def assert_same_partnership(source: Partnership, result, *, history: bool) -> int:
    """Every record of every archived model of `source` has its copy in the imported partnership, equal field by
    field once keys are remapped, with the same links and the same file bytes. Returns the records compared."""
    compared = 0
    models = list(schema.archived_models()) + (list(schema.history_models()) if history else [])
    for archived in models:
        old_rows = {_key(row.pk): row for row in schema.rows_of(archived, source)}
        new_rows = {row.pk: row for row in schema.rows_of(archived, result.partnership)}
        mapping = result.ids.get(archived.label, {})
        assert sorted(mapping) == sorted(old_rows), archived.label
        assert sorted(mapping.values()) == sorted(new_rows), archived.label
        new_rows = {_key(pk): row for pk, row in new_rows.items()}
        for old_pk, old in old_rows.items():
            _assert_same_row(archived, old, new_rows[_key(mapping[old_pk])], result.ids)
            compared += 1
    return compared


def _key(pk):
    return pk if isinstance(pk, int) else str(pk)


def _assert_same_row(archived, old, new, ids) -> None:
    where = f"{archived.label} {old.pk}"
    for field in archived.values:
        if archived.model is Partnership and field.name == "slug":
            continue
        assert getattr(new, field.attname) == getattr(old, field.attname), f"{where}.{field.name}"
    for reference in archived.references:
        target_ids = ids.get(reference.target._meta.label, {})
        if reference.many:
            old_targets = set(getattr(old, reference.name).values_list("pk", flat=True))
            new_targets = set(getattr(new, reference.name).values_list("pk", flat=True))
            assert new_targets == {target_ids.get(pk, pk) for pk in old_targets}, f"{where}.{reference.name}"
            continue
        old_target = getattr(old, reference.attname)
        expected = target_ids.get(old_target, old_target)
        if archived.is_history and old_target is not None and old_target not in target_ids:
            expected = _kept_in_history(reference, old_target)
        assert getattr(new, reference.attname) == expected, f"{where}.{reference.name}"
    for field in archived.files:
        old_file, new_file = getattr(old, field.attname).name, getattr(new, field.attname).name
        assert bool(old_file) == bool(new_file), f"{where}.{field.name}"
        if old_file:
            assert old_file != new_file  # a copy of its own, never the source's file
            assert field.storage.open(new_file).read() == field.storage.open(old_file).read()
    if archived.model is get_user_model():
        raise AssertionError("people are linked, not archived as records")


def _kept_in_history(reference, old_target):
    """A history entry keeps a link to shared reference data; a link to a deleted record is dropped."""
    fields = schema.natural_key_fields(reference.target)
    if fields is not None and schema.shared_query(reference.target).filter(pk=old_target).exists():
        return old_target
    return None
