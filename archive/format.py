"""The archive's format: its name and version, the limits an import keeps to, and the values of its records.

docs/dev/archive-format.md describes it for a reader; this module is what both sides of the round trip share.
"""

import base64
import hashlib
import tomllib
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.db import models
from django.utils.duration import duration_iso_string

FORMAT_NAME = "concerto-partnership-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PEOPLE = "people.jsonl"
FILES_FOLDER = "files/"
MANIFEST_MAX_BYTES = 20 * 1024 * 1024


class ArchiveError(Exception):
    """An archive that cannot be written or read; the message, in the reader's language, says why."""


@cache
def app_version() -> str:
    with open(settings.BASE_DIR / "pyproject.toml", "rb") as pyproject:
        return tomllib.load(pyproject)["project"]["version"]


def dump_value(value):
    """A field's value as JSON holds it, exactly: datetimes keep their microseconds and their offset."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def load_value(model_field: models.Field, value):
    if value is None or isinstance(model_field, models.JSONField):
        return value
    return model_field.to_python(value)


class HashingWriter:
    """Writes to a zip entry and counts its bytes and SHA-256 on the way."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.sha256.update(data)
        self.size += len(data)
        self.raw.write(data)

    def digest(self) -> dict:
        return {"sha256": self.sha256.hexdigest(), "size": self.size}
