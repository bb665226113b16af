"""The file between its preview and its import: kept in the storage of uploaded files (shared by every process,
on disk or in the object store) under a random name that only this person's session knows, and deleted when it is
imported, replaced or abandoned for a newer one."""

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest

from core.storage import storage_errors

from .reading import Upload

SESSION_KEY = "imports.pending"
FOLDER = "imports/pending"


def keep(request: HttpRequest, *, importer: str, partnership_id: int, upload: Upload) -> str:
    discard(request)
    token = secrets.token_urlsafe(24)
    path = default_storage.save(f"{FOLDER}/{token}", ContentFile(upload.content))
    request.session[SESSION_KEY] = {
        "token": token,
        "path": path,
        "importer": importer,
        "partnership": partnership_id,
        "name": upload.name,
    }
    return token


def take(request: HttpRequest, *, token: str, importer: str, partnership_id: int) -> Upload | None:
    """The file kept for this token by this session for this import, or None (expired, another import's)."""
    kept = request.session.get(SESSION_KEY)
    if not kept or not secrets.compare_digest(kept["token"], token or ""):
        return None
    if kept["importer"] != importer or kept["partnership"] != partnership_id:
        return None
    try:
        with default_storage.open(kept["path"], "rb") as file:
            return Upload(name=kept["name"], content=file.read())
    except storage_errors():
        return None


def discard(request: HttpRequest) -> None:
    kept = request.session.pop(SESSION_KEY, None)
    if kept:
        default_storage.delete(kept["path"])
