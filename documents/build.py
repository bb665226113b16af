"""Builds one document in one format for the person who asked: at once in the request (the build time is sent with
the file in `Server-Timing`, so that a slow document shows in the browser's tools and in the bench), or in a task
for a format the document builds in the background (documents/jobs.py)."""

import re
import time

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from core.spreadsheets import XLSX_CONTENT_TYPE, workbook_bytes
from cycles.models import Cycle
from partnerships.access import PartnershipAccess

from .cover import cover
from .pdf import Progress, render_pdf
from .registry import PDF, WORD, XLSX, Document
from .word import render_word

CONTENT_TYPES = {
    PDF: "application/pdf",
    WORD: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: XLSX_CONTENT_TYPE,
}
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def build(
    document: Document,
    file_format: str,
    *,
    access: PartnershipAccess,
    cycle: Cycle | None,
    record: object = None,
    progress: Progress | None = None,
) -> bytes:
    data = document.gather(access, cycle, record) if document.record else document.gather(access, cycle)
    page = cover(document, access, cycle, record)
    if file_format == PDF:
        return render_pdf(document.pdf, {**data, "cover": page, "document": document}, progress=progress)
    if file_format == WORD:
        return render_word(document.word, page, data)
    return workbook_bytes(document.sheets(data), title=page.title)


def file_name(
    document: Document, file_format: str, *, access: PartnershipAccess, cycle: Cycle | None, record: object = None
) -> str:
    """« Plan d'action concerté — Regroupement Petite-Patrie — Cycle 2025-2028.pdf », in the reader's language;
    a document of one record names it after the title."""
    parts = [str(document.title)] + ([str(record)] if record is not None else []) + [access.partnership.name]
    parts += [cycle.name] if cycle else []
    name = " — ".join(UNSAFE_IN_FILE_NAMES.sub(" ", part).strip() for part in parts)
    return f"{name}.{file_format}"


def download(
    document: Document, file_format: str, *, access: PartnershipAccess, cycle: Cycle | None, record: object = None
) -> HttpResponse:
    started = time.perf_counter()
    content = build(document, file_format, access=access, cycle=cycle, record=record)
    elapsed_ms = (time.perf_counter() - started) * 1000
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=file_name(document, file_format, access=access, cycle=cycle, record=record)
    )
    response["Server-Timing"] = f"build;dur={elapsed_ms:.0f}"
    response["Cache-Control"] = "private, no-store"
    return response
