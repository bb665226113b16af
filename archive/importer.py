"""Read a partnership's archive into this installation as a new partnership, or refuse it whole.

Everything is checked before anything is written: the zip itself (not a zip, truncated), its size once
uncompressed and its number of entries (a zip bomb), the manifest (a foreign format, a newer version, a schema
this installation does not have yet), every entry against its SHA-256 (damaged or tampered). Then the records are
written in one transaction, their primary keys drawn anew and every reference rewritten; a reference to a record
the archive does not hold, or to reference data this installation lacks, undoes it all, and the files already
copied to the storage are deleted again.
"""

import graphlib
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import DataError, IntegrityError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from partnerships.models import Partnership
from partnerships.services import unique_slug

from . import schema
from .format import (
    FILES_FOLDER,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MANIFEST_MAX_BYTES,
    PEOPLE,
    ArchiveError,
    load_value,
)

ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class ImportResult:
    partnership: Partnership
    records: int = 0
    files: int = 0
    linked_people: list[str] = field(default_factory=list)
    created_people: list[str] = field(default_factory=list)
    # old primary key -> new, per model label: what a test compares the round trip with.
    ids: dict[str, dict[int, int]] = field(default_factory=dict)


def import_partnership(*, source, slug: str = "") -> ImportResult:
    """Import the archive `source` (a path or a binary file open for reading) as a new partnership."""
    archive = _open(source)
    with archive:
        manifest = _check(archive)
        reader = _Reader(archive, manifest)
        try:
            with transaction.atomic():
                return reader.write(slug=slug)
        except (IntegrityError, DataError) as error:
            reader.remove_files()
            raise ArchiveError(
                _("L'archive est incohérente : ses données enfreignent une règle de la base (%(detail)s).")
                % {"detail": str(error).splitlines()[0][:200]}
            ) from error
        except BaseException:
            reader.remove_files()
            raise


# Checks before anything is written --------------------------------------------------------------------------------


def _open(source) -> zipfile.ZipFile:
    head = _head(source)
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError):
        if head.startswith(ZIP_MAGIC):
            raise ArchiveError(
                _("L'archive est incomplète ou endommagée (tronquée pendant son transfert ?) : rien n'a été importé.")
            ) from None
        raise ArchiveError(
            _("Ce fichier n'est pas une archive de regroupement : ce n'est pas un fichier zip.")
        ) from None


def _head(source) -> bytes:
    if hasattr(source, "read"):
        position = source.tell()
        head = source.read(4)
        source.seek(position)
        return head
    with open(source, "rb") as opened:
        return opened.read(4)


def _check(archive: zipfile.ZipFile) -> dict:
    infos = archive.infolist()
    if len(infos) > settings.ARCHIVE_MAX_ENTRIES:
        raise ArchiveError(
            _("L'archive contient trop de fichiers (%(count)s ; au plus %(limit)s) : rien n'a été importé.")
            % {"count": len(infos), "limit": settings.ARCHIVE_MAX_ENTRIES}
        )
    if sum(info.file_size for info in infos) > settings.ARCHIVE_MAX_BYTES:
        raise ArchiveError(
            _("L'archive dépasse, une fois décompressée, la taille permise (%(limit)s) : rien n'a été importé.")
            % {"limit": filesizeformat(settings.ARCHIVE_MAX_BYTES)}
        )
    manifest = _manifest(archive)
    _check_entries(archive, manifest)
    _check_schema(manifest)
    return manifest


def _foreign() -> ArchiveError:
    return ArchiveError(_("Ce fichier n'est pas une archive de regroupement Concerto : rien n'a été importé."))


def _damaged(name: str) -> ArchiveError:
    return ArchiveError(
        _(
            "L'archive a été modifiée ou endommagée : « %(name)s » ne correspond pas à ce que dit son manifeste. "
            "Rien n'a été importé."
        )
        % {"name": name}
    )


def _manifest(archive: zipfile.ZipFile) -> dict:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise _foreign() from None
    if info.file_size > MANIFEST_MAX_BYTES:
        raise _foreign()
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, ValueError):
        raise _damaged(MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _foreign()
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ArchiveError(
            _(
                "Cette archive a été faite par une version plus récente de Concerto (format %(version)s) : "
                "mettez d'abord cette installation à jour. Rien n'a été importé."
            )
            % {"version": version}
        )
    shapes = {"partnership": dict, "models": dict, "people": dict, "entries": dict, "migrations": list}
    if any(not isinstance(manifest.get(key), shape) for key, shape in shapes.items()):
        raise _damaged(MANIFEST)
    if PEOPLE not in manifest["entries"]:
        raise _damaged(PEOPLE)
    return manifest


def _check_entries(archive: zipfile.ZipFile, manifest: dict) -> None:
    names = [info.filename for info in archive.infolist()]
    listed = manifest["entries"]
    if len(names) != len(set(names)):
        raise _damaged(MANIFEST)
    for name in set(names) ^ (set(listed) | {MANIFEST}):
        raise _damaged(name)
    for name, expected in listed.items():
        digest = hashlib.sha256()
        size = 0
        try:
            with archive.open(name) as entry:
                while block := entry.read(1024 * 1024):
                    digest.update(block)
                    size += len(block)
        except (zipfile.BadZipFile, EOFError, OSError):
            raise _damaged(name) from None
        found = {"sha256": digest.hexdigest(), "size": size}
        if not isinstance(expected, dict) or {key: expected.get(key) for key in found} != found:
            raise _damaged(name)


def _check_schema(manifest: dict) -> None:
    known = schema.by_label()
    for label, described in manifest["models"].items():
        if label not in known or not isinstance(described, dict) or described.get("file") != known[label].file_name:
            raise ArchiveError(
                _(
                    "L'archive contient des données que cette installation ne connaît pas (« %(model)s ») : elle vient "
                    "d'une version plus récente de Concerto ou d'un autre logiciel. Rien n'a été importé."
                )
                % {"model": label}
            )
        if described["file"] not in manifest["entries"]:
            raise _damaged(described["file"])
    applied = {f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()}
    missing = sorted(set(manifest["migrations"]) - applied)
    if missing:
        raise ArchiveError(
            _(
                "Cette archive a été faite par une version plus récente de Concerto (la migration « %(migration)s » "
                "manque ici) : mettez d'abord cette installation à jour. Rien n'a été importé."
            )
            % {"migration": missing[0]}
        )


# Writing ----------------------------------------------------------------------------------------------------------


def _outside(label: str) -> ArchiveError:
    return ArchiveError(
        _(
            "L'archive est incohérente : un enregistrement « %(model)s » renvoie à un enregistrement que l'archive ne "
            "contient pas. Rien n'a été importé."
        )
        % {"model": label}
    )


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, manifest: dict):
        self.archive = archive
        self.manifest = manifest
        known = schema.by_label()
        self.models = [known[label] for label in _order([known[label] for label in manifest["models"]])]
        self.ids: dict[type, dict[int, int]] = defaultdict(dict)
        self.pending: set[type] = {archived.model for archived in self.models}
        self.deferred: list[tuple] = []
        self.links: dict[tuple, list[tuple[int, object]]] = defaultdict(list)
        self.shared: dict[tuple, int] = {}
        self.saved_files: list[tuple] = []

    def write(self, *, slug: str) -> ImportResult:
        self.result = ImportResult(partnership=None)
        self.slug = unique_slug(slug or str(self.manifest["partnership"].get("slug") or "regroupement"))
        self._people()
        for archived in self.models:
            for record in self._lines(archived.file_name):
                self._insert(archived, record)
            self.pending.discard(archived.model)
        self._resolve_deferred()
        self._write_links()
        self.result.ids = {model._meta.label: ids for model, ids in self.ids.items()}
        self.result.partnership = Partnership.objects.get(pk=self.ids[Partnership][_only(self.ids[Partnership])])
        return self.result

    def remove_files(self) -> None:
        for storage, name in self.saved_files:
            storage.delete(name)

    def _lines(self, name: str):
        with self.archive.open(name) as entry:
            lines = io.TextIOWrapper(entry, encoding="utf-8")
            while True:
                try:
                    line = lines.readline()
                    if not line:
                        return
                    record = json.loads(line)
                except ValueError:  # not UTF-8 (UnicodeDecodeError) or not JSON
                    raise _damaged(name) from None
                if not isinstance(record, dict) or not isinstance(record.get("pk"), int | str):
                    raise _damaged(name)
                yield record

    def _people(self) -> None:
        User = get_user_model()
        for person in self._lines(PEOPLE):
            email = str(person.get("email") or "").strip().lower()
            closed_at = person.get("closed_at")
            existing = None if closed_at or not email else User.objects.filter(email__iexact=email).first()
            if existing is not None:
                self.ids[User][person["pk"]] = existing.pk
                self.result.linked_people.append(existing.email)
                continue
            user = User(email=email or f"import-{person['pk']}@comptes-importes.invalid")
            user.full_name = str(person.get("full_name") or "")
            user.is_active = False
            user.set_unusable_password()
            if closed_at:
                user.email = f"closed-{person['pk']}-{self.slug}@comptes-fermes.invalid"
                user.closed_at = load_value(User._meta.get_field("closed_at"), closed_at)
            user.save()
            if closed_at:
                user.email = f"ancien-membre-{user.pk}@comptes-fermes.invalid"
                user.save(update_fields=["email"])
            else:
                self.result.created_people.append(user.email)
            self.ids[User][person["pk"]] = user.pk

    def _insert(self, archived: schema.ArchivedModel, record: dict) -> None:
        fields = record.get("fields")
        known = (
            {f.name for f in archived.values} | {r.name for r in archived.references} | {f.name for f in archived.files}
        )
        if not isinstance(fields, dict) or not fields.keys() <= known:
            raise _damaged(archived.file_name)
        instance = archived.model()
        try:
            for model_field in archived.values:
                if model_field.name in fields:
                    setattr(instance, model_field.attname, load_value(model_field, fields[model_field.name]))
        except Exception as error:  # a value its field cannot read: to_python's ValidationError, a TypeError…
            raise _damaged(archived.file_name) from error
        if archived.model is Partnership:
            instance.slug = self.slug
        later = []
        for reference in archived.references:
            value = fields.get(reference.name)
            if reference.many:
                later.append((reference, value or []))
            else:
                self._set_reference(archived, instance, reference, value)
        for file_field in archived.files:
            setattr(instance, file_field.attname, self._copy_file(file_field, instance, fields.get(file_field.name)))
        # raw: the values are saved as they are (no auto_now, no history of its own); a new key is drawn.
        instance.save_base(raw=True, force_insert=True)
        self.ids[archived.model][record["pk"]] = instance.pk
        self.result.records += 1
        for reference, values in later:
            if not isinstance(values, list):
                raise _damaged(archived.file_name)
            pairs = self.links[(archived.model, reference.name)]
            pairs.extend((instance.pk, self._link_target(archived, reference, value)) for value in values)

    def _set_reference(self, archived, instance, reference: schema.Reference, value) -> None:
        if value is None:
            if not reference.null:
                raise _damaged(archived.file_name)
            setattr(instance, reference.attname, None)
            return
        if isinstance(value, dict):
            setattr(instance, reference.attname, self._shared_pk(archived, reference.target, value.get("key")))
            return
        if not isinstance(value, int):
            raise _damaged(archived.file_name)
        mapped = self.ids[reference.target].get(value)
        if mapped is None:
            if reference.target not in self.pending or not reference.null:
                raise _outside(archived.label)
            self.deferred.append((archived, instance, reference, value))
        setattr(instance, reference.attname, mapped)

    def _link_target(self, archived, reference, value):
        if isinstance(value, dict):
            return self._shared_pk(archived, reference.target, value.get("key"))
        if not isinstance(value, int):
            raise _damaged(archived.file_name)
        return ("archived", value)

    def _shared_pk(self, archived, model, key) -> int:
        fields = schema.natural_key_fields(model)
        cache_key = (model, json.dumps(key))
        if cache_key in self.shared:
            return self.shared[cache_key]
        if fields is None or not isinstance(key, list) or len(key) != len(fields):
            raise _damaged(archived.file_name)
        lookup = {}
        for name, part in zip(fields, key, strict=True):
            model_field = model._meta.get_field(name)
            if model_field.is_relation:
                lookup[model_field.attname] = self._shared_pk(archived, model_field.related_model, part)
            else:
                lookup[name] = part
        try:
            pk = schema.shared_query(model).filter(**lookup).values_list("pk", flat=True).first()
        except (TypeError, ValueError):  # a part of the key that is not a value of its field
            raise _damaged(archived.file_name) from None
        if pk is None:
            raise ArchiveError(
                _(
                    "L'archive renvoie à des données de référence que cette installation n'a pas (%(model)s « "
                    "%(key)s ») : chargez d'abord le même catalogue. Rien n'a été importé."
                )
                % {"model": model._meta.verbose_name, "key": " / ".join(str(part) for part in key)}
            )
        self.shared[cache_key] = pk
        return pk

    def _copy_file(self, file_field, instance, entry) -> str:
        if not entry:
            return ""
        if not isinstance(entry, str) or not entry.startswith(FILES_FOLDER) or entry not in self.manifest["entries"]:
            raise _outside(instance._meta.label)
        name = file_field.generate_filename(instance, PurePosixPath(entry).name)
        with self.archive.open(entry) as content:
            saved = file_field.storage.save(name, File(content, name=name))
        self.saved_files.append((file_field.storage, saved))
        self.result.files += 1
        return saved

    def _resolve_deferred(self) -> None:
        for archived, instance, reference, value in self.deferred:
            mapped = self.ids[reference.target].get(value)
            if mapped is None:
                raise _outside(archived.label)
            archived.model._base_manager.filter(pk=instance.pk).update(**{reference.attname: mapped})

    def _write_links(self) -> None:
        for (model, name), pairs in self.links.items():
            m2m = model._meta.get_field(name)
            through = m2m.remote_field.through
            source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
            rows = []
            for source_pk, value in pairs:
                if isinstance(value, tuple):
                    mapped = self.ids[m2m.related_model].get(value[1])
                    if mapped is None:
                        raise _outside(model._meta.label)
                    value = mapped
                rows.append(through(**{source: source_pk, target: value}))
            through._base_manager.bulk_create(rows, batch_size=1000)


def _only(ids: dict[int, int]) -> int:
    if len(ids) != 1:
        raise _damaged("records/partnerships.Partnership.jsonl")
    return next(iter(ids))


def _order(models: list[schema.ArchivedModel]) -> list[str]:
    """Labels in an order where each model comes after those it needs; a cycle is broken at a nullable key."""
    present = {archived.model: archived.label for archived in models}

    def graph(strict: bool) -> dict[str, set[str]]:
        return {
            archived.label: {
                present[reference.target]
                for reference in archived.references
                if reference.target in present
                and reference.target is not archived.model
                and not reference.many
                and (not strict or not reference.null)
            }
            for archived in models
        }

    try:
        return list(graphlib.TopologicalSorter(graph(strict=False)).static_order())
    except graphlib.CycleError:
        return list(graphlib.TopologicalSorter(graph(strict=True)).static_order())
