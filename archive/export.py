"""Write a partnership's archive: a zip of one JSON Lines file per model, the people, the uploaded files and a
manifest with every entry's SHA-256 (docs/dev/archive-format.md).

Memory stays bounded whatever the partnership's size: rows are read in chunks of CHUNK by primary key, written
line by line into the zip entry, files are copied from the storage in blocks; only the archived primary keys
(integers) and the catalogue's natural keys are held, to tell a reference inside the archive from one to shared
reference data.
"""

import json
import shutil
import zipfile
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from core.hooks import project_apps
from partnerships.models import Partnership

from . import schema
from .format import (
    FILES_FOLDER,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    PEOPLE,
    ArchiveError,
    HashingWriter,
    app_version,
    dump_value,
)

CHUNK = 500


def export_partnership(*, partnership: Partnership, destination, history: bool) -> dict:
    """Write the archive of `partnership` into `destination` (a binary file open for writing, seekable or not)
    and return its manifest. The rows are read in one transaction, so that the archive is one consistent state."""
    with _snapshot(), zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        writer = _Writer(partnership, archive, history=history)
        return writer.write()


class _snapshot:
    """One transaction for every read; on PostgreSQL a repeatable-read one, so every query sees the same state."""

    def __enter__(self):
        self.outermost = not connection.in_atomic_block
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        if self.outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


class _Writer:
    def __init__(self, partnership: Partnership, archive, *, history: bool):
        self.partnership = partnership
        self.archive = archive
        self.history = history
        self.models = list(schema.archived_models()) + (list(schema.history_models()) if history else [])
        self.ids = {m.model: set(schema.rows_of(m, partnership).values_list("pk", flat=True)) for m in self.models}
        self.people: set[int] = set()
        self.natural_keys: dict = {}
        self.entries: dict[str, dict] = {}
        self.files: dict[str, tuple] = {}

    def write(self) -> dict:
        counts = {}
        for archived in self.models:
            counts[archived.label] = self._write_model(archived)
        self._write_people()
        manifest = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "app_version": app_version(),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "partnership": {"slug": self.partnership.slug, "name": self.partnership.name},
            "history": self.history,
            "migrations": _applied_migrations(),
            "models": {
                archived.label: {"file": archived.file_name, "count": counts[archived.label]}
                for archived in self.models
            },
            "people": {"file": PEOPLE, "count": len(self.people)},
            "files": len(self.files),
            "entries": self.entries,
        }
        self.archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        return manifest

    def _write_model(self, archived: schema.ArchivedModel) -> int:
        count = 0
        with self.archive.open(archived.file_name, "w") as raw:
            out = HashingWriter(raw)
            for chunk in _chunks(schema.rows_of(archived, self.partnership)):
                links = self._links(archived, [row.pk for row in chunk])
                for row in chunk:
                    record = {"pk": dump_value(row.pk), "fields": self._fields(archived, row, links)}
                    out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
                    count += 1
        self.entries[archived.file_name] = out.digest()
        self._copy_files()
        return count

    def _fields(self, archived: schema.ArchivedModel, row, links: dict) -> dict:
        fields = {f.name: dump_value(getattr(row, f.attname)) for f in archived.values}
        for reference in archived.references:
            if reference.many:
                targets = sorted(links[reference.name].get(row.pk, ()))
                fields[reference.name] = [self._reference(archived, reference, pk) for pk in targets]
            else:
                fields[reference.name] = self._reference(archived, reference, getattr(row, reference.attname))
        for file_field in archived.files:
            fields[file_field.name] = self._file(file_field, getattr(row, file_field.attname).name)
        return fields

    def _links(self, archived: schema.ArchivedModel, pks: list[int]) -> dict[str, dict[int, list[int]]]:
        links = {}
        for reference in archived.references:
            if not reference.many:
                continue
            m2m = archived.model._meta.get_field(reference.name)
            through = m2m.remote_field.through
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            grouped: dict[int, list[int]] = {}
            pairs = through._base_manager.filter(**{f"{source}__in": pks}).values_list(f"{source}_id", f"{target}_id")
            for source_pk, target_pk in pairs:
                grouped.setdefault(source_pk, []).append(target_pk)
            links[reference.name] = grouped
        return links

    def _reference(self, archived: schema.ArchivedModel, reference: schema.Reference, pk):
        if pk is None:
            return None
        target = reference.target
        if target is get_user_model():
            self.people.add(pk)
            return pk
        if pk in self.ids.get(target, ()):
            return pk
        key = self._natural_key(target, pk)
        if key is not None:
            return {"key": key}
        if archived.is_history:
            # A history entry may name a record deleted since: the archive keeps the entry, not the dead link.
            return None
        raise ArchiveError(
            _(
                "Un enregistrement « %(model)s » renvoie à des données d'un autre regroupement : l'archive n'est "
                "pas faite."
            )
            % {"model": archived.model._meta.verbose_name}
        )

    def _natural_key(self, model, pk) -> list | None:
        if model not in self.natural_keys:
            fields = schema.natural_key_fields(model)
            self.natural_keys[model] = {} if fields is None else self._shared_keys(model, fields)
        return self.natural_keys[model].get(pk)

    def _shared_keys(self, model, fields: tuple[str, ...]) -> dict[int, list]:
        keys = {}
        for row in schema.shared_query(model):
            key = []
            for name in fields:
                model_field = model._meta.get_field(name)
                if model_field.is_relation:
                    key.append(self._natural_key(model_field.related_model, getattr(row, model_field.attname)))
                else:
                    key.append(dump_value(getattr(row, model_field.attname)))
            keys[row.pk] = key
        return keys

    def _file(self, file_field, name: str) -> str:
        """The file's name in the archive; it is copied once the records' entry is closed (a zip writes one entry
        at a time)."""
        if not name:
            return ""
        entry = FILES_FOLDER + name
        self.files.setdefault(entry, (file_field.storage, name))
        return entry

    def _copy_files(self) -> None:
        for entry, (storage, name) in self.files.items():
            if entry in self.entries:
                continue
            try:
                source = storage.open(name, "rb")
            except FileNotFoundError:
                raise ArchiveError(
                    _("Le fichier « %(name)s » est introuvable dans le stockage : l'archive n'est pas faite.")
                    % {"name": name}
                ) from None
            with source, self.archive.open(entry, "w", force_zip64=True) as raw:
                out = HashingWriter(raw)
                shutil.copyfileobj(source, out, 1024 * 1024)
            self.entries[entry] = out.digest()

    def _write_people(self) -> None:
        with self.archive.open(PEOPLE, "w") as raw:
            out = HashingWriter(raw)
            ids = sorted(self.people)
            for start in range(0, len(ids), CHUNK):
                for user in get_user_model()._base_manager.filter(pk__in=ids[start : start + CHUNK]).order_by("pk"):
                    person = {
                        "pk": user.pk,
                        "email": user.email,
                        "full_name": user.full_name,
                        "closed_at": dump_value(user.closed_at),
                    }
                    out.write(json.dumps(person, ensure_ascii=False).encode() + b"\n")
        self.entries[PEOPLE] = out.digest()


def _chunks(rows):
    """The rows by primary key, CHUNK at a time (keyset pagination: each query is as cheap as the first)."""
    last = None
    while True:
        page = rows.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        chunk = list(page[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _applied_migrations() -> list[str]:
    apps = set(project_apps())
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied if app in apps)
