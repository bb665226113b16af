"""A backup restores: every table and every uploaded document of a fresh installation equals the original's.

The commands run as an operator runs them (`manage.py backup`, then `manage.py restore` into a database that has
never been migrated), on the engine the suite runs on: SQLite's online backup, or pg_dump/pg_restore.
"""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from analysis.tests.factories import ObservationFactory, StatisticFactory
from cycles.tests.factories import CycleFactory
from intention.models import Commitment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url(settings_dict: dict) -> str:
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "")
    host = f"{settings_dict['HOST'] or 'localhost'}:{settings_dict['PORT'] or 5432}"
    return f"postgres://{user}@{host}/{settings_dict['NAME']}"


def manage(*args: str, database: str, media: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DATABASE_URL=database, MEDIA_ROOT=str(media))
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of an empty database on the suite's engine, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield {"NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = {k: connection.settings_dict[k] for k in ("USER", "PASSWORD", "HOST", "PORT")}
    with psycopg.connect(database_url({**admin, "NAME": "postgres"}), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    yield {**admin, "NAME": name}
    with psycopg.connect(database_url({**admin, "NAME": "postgres"}), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def every_table(url: str, settings_dict: dict) -> dict[str, list[tuple]]:
    """Each table's rows, sorted, read through a connection of its own."""
    tables = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        import sqlite3

        raw = sqlite3.connect(settings_dict["NAME"])
    else:
        raw = psycopg.connect(url)
    try:
        return {table: sorted(map(repr, raw.execute(f'SELECT * FROM "{table}"').fetchall())) for table in tables}
    finally:
        raw.close()


def test_a_backup_restores_every_table_and_document(cast, tmp_path, fresh_database):
    cycle = CycleFactory(partnership=cast.partnership)
    StatisticFactory.create_batch(3, partnership=cast.partnership)
    ObservationFactory(partnership=cast.partnership, text="Observation avec accents : élève, Œuvre.")
    commitment = Commitment(
        cycle=cycle, organization=cast.organization, committed_on=date(2026, 3, 1), representative_name="Léa"
    )
    commitment.document.save("engagement.pdf", ContentFile(b"%PDF-1.4 engagement signe"), save=False)
    commitment.save()
    media = Path(settings.MEDIA_ROOT)
    archive = tmp_path / "sauvegarde.tar.gz"

    made = manage("backup", "--output", str(archive), database=database_url(connection.settings_dict), media=media)
    assert made.returncode == 0, made.stderr
    restored_media = tmp_path / "media-restored"
    restored = manage("restore", str(archive), database=database_url(fresh_database), media=restored_media)
    assert restored.returncode == 0, restored.stderr

    original = every_table(database_url(connection.settings_dict), connection.settings_dict)
    copy = every_table(database_url(fresh_database), fresh_database)
    assert original == copy
    assert len(original["analysis_statistic"]) == 3 and original["intention_commitment"]
    files = {p.relative_to(media): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    assert files and files == {
        p.relative_to(restored_media): p.read_bytes() for p in restored_media.rglob("*") if p.is_file()
    }


def test_a_restore_never_overwrites_a_filled_installation_unasked(cast, tmp_path):
    archive = tmp_path / "sauvegarde.tar.gz"
    url = database_url(connection.settings_dict)
    assert manage("backup", "--output", str(archive), database=url, media=tmp_path / "media").returncode == 0
    refused = manage("restore", str(archive), database=url, media=tmp_path / "media")
    assert refused.returncode != 0 and "n'est pas vide" in refused.stderr


def test_a_damaged_archive_is_refused(tmp_path, fresh_database):
    archive = tmp_path / "faux.tar.gz"
    archive.write_bytes(b"pas une archive")
    refused = manage("restore", str(archive), database=database_url(fresh_database), media=tmp_path / "m")
    assert refused.returncode != 0
