"""Backups you can restore: the database and the uploaded documents in one archive, with a manifest.

The archive (`.tar.gz`) holds `manifest.json`, the database and `media/…`. The manifest names the format, the
database engine, the date, the applied migrations and every file with its size and SHA-256, checked again on
restore. SQLite is copied with its online backup API (consistent while the application writes); PostgreSQL with
`pg_dump --format=custom`. Restoring goes into an empty database unless told to replace a filled one.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

FORMAT = 1
SQLITE_FILE = "database.sqlite3"
POSTGRESQL_FILE = "database.pgdump"


class BackupError(Exception):
    """The backup or the restore cannot go on; the message says why."""


@dataclass(frozen=True)
class Manifest:
    engine: str
    created_at: str
    migrations: int
    files: dict[str, dict]

    @property
    def database_file(self) -> str:
        return SQLITE_FILE if self.engine == "sqlite" else POSTGRESQL_FILE

    @property
    def media_files(self) -> list[str]:
        return sorted(name for name in self.files if name.startswith("media/"))


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Les sauvegardes prennent en charge SQLite et PostgreSQL, pas {vendor}.")
    return vendor


# Backup -----------------------------------------------------------------------------------------------------------


def backup(destination: Path) -> Manifest:
    """Write the archive to `destination` (a file path) and return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / (SQLITE_FILE if engine() == "sqlite" else POSTGRESQL_FILE)
        _dump_database(database)
        members = {database.name: database, **{f"media/{name}": path for name, path in _media_files()}}
        manifest = Manifest(
            engine=engine(),
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            migrations=_migration_count(),
            files={name: {"size": path.stat().st_size, "sha256": _sha256(path)} for name, path in members.items()},
        )
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps({"format": FORMAT, **manifest.__dict__}, indent=2))
            for name, path in members.items():
                archive.add(path, arcname=name, recursive=False)
        partial.replace(destination)  # a crash mid-way never leaves a truncated archive under the final name
    return manifest


def _dump_database(target: Path) -> None:
    if engine() == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            copy.close()
            source.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])


def _media_files() -> list[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted((path.relative_to(root).as_posix(), path) for path in root.rglob("*") if path.is_file())


def _migration_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_migrations")
        return cursor.fetchone()[0]


def _add_bytes(archive: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


# Restore ----------------------------------------------------------------------------------------------------------


def restore(source: Path, *, replace: bool = False) -> Manifest:
    """Put the archive's database and documents back, after checking every file against the manifest."""
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r:gz") as archive:
        archive.extractall(work, filter="data")
        manifest = _read_manifest(Path(work))
        if manifest.engine != engine():
            raise BackupError(
                f"Cette archive contient une base {manifest.engine}; cette installation utilise {engine()}."
            )
        _check_target_is_empty(replace)
        _load_database(Path(work) / manifest.database_file)
        _put_media(Path(work), manifest, replace)
    return manifest


def _read_manifest(folder: Path) -> Manifest:
    try:
        raw = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(
            "L'archive n'a pas de manifest.json lisible : ce n'est pas une sauvegarde de Concerto."
        ) from error
    if raw.pop("format", None) != FORMAT:
        raise BackupError("L'archive a été écrite dans une autre version du format de sauvegarde.")
    manifest = Manifest(**raw)
    for name, expected in manifest.files.items():
        path = folder / name
        if not path.is_file() or path.stat().st_size != expected["size"] or _sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} manque dans l'archive ou est endommagé (taille ou SHA-256 différents).")
    return manifest


def _check_target_is_empty(replace: bool) -> None:
    filled = connection.introspection.table_names()
    media = any(Path(settings.MEDIA_ROOT).rglob("*")) if Path(settings.MEDIA_ROOT).is_dir() else False
    if (filled or media) and not replace:
        raise BackupError(
            "La base de données ou MEDIA_ROOT n'est pas vide : restaurez dans une installation neuve, ou ajoutez "
            "--replace pour remplacer tout ce qu'elle contient."
        )


def _load_database(dump: Path) -> None:
    if engine() == "sqlite":
        connections.close_all()
        target = sqlite3.connect(connection.settings_dict["NAME"])
        source = sqlite3.connect(dump)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    else:
        connections.close_all()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
        _run([*command, str(dump)])


def _put_media(folder: Path, manifest: Manifest, replace: bool) -> None:
    root = Path(settings.MEDIA_ROOT)
    if replace and root.is_dir():
        shutil.rmtree(root)
    for name in manifest.media_files:
        target = root / name.removeprefix("media/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / name, target)


def _run(command: list[str]) -> None:
    """Run a PostgreSQL client with the connection of settings.DATABASES (password through the environment)."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    options = [f"--host={db['HOST'] or 'localhost'}", f"--port={db['PORT'] or 5432}"]
    if db.get("USER"):
        options.append(f"--username={db['USER']}")
    try:
        subprocess.run([*command, *options, f"--dbname={db['NAME']}"], env=env, check=True, capture_output=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} n'est pas installé (Debian : apt-get install postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} a échoué : {error.stderr.decode(errors='replace').strip()}") from error
