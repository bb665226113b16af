"""Signed documents: what a file is, is read from its content, never from its name."""

from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ACCEPTED_TYPES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}
# Enough bytes for every signature filetype knows (it reads at most 8 KiB).
SIGNATURE_BYTES = 8192


@dataclass(frozen=True)
class CheckedDocument:
    content_type: str
    extension: str


def check_signed_document(upload: UploadedFile) -> CheckedDocument:
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _(
                "Ce fichier pèse %(size)s : la limite est de %(limit)s. "
                "Réduisez-le ou numérisez-le en plus basse résolution."
            ),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(settings.MAX_UPLOAD_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    kind = filetype.guess(head) if head else None
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        raise ValidationError(
            _(
                "Ce fichier n'est ni un PDF ni une image PNG ou JPEG "
                "(son contenu a été vérifié, pas seulement son nom)."
            ),
            code="wrong_type",
        )
    return CheckedDocument(content_type=kind.mime, extension=ACCEPTED_TYPES[kind.mime])
