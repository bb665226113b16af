"""Documents built in the background: a format a document names in `background` is not built in the request.
The request finds or creates the person's job (`job_request`) and enqueues `tasks.build_document`; the task
(`job_run`) builds the file in the language of the request, as the person who asked, reporting its progress, and
keeps it in the default storage; the job's page shows the progress and, once ready, the link to the file.

With the immediate task backend (the default: development, tests, one machine) the task runs inside the request
and the page shows the link at once; with TASKS_BACKEND=database, `manage.py db_worker` processes build it."""

import datetime
import logging
import time

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone, translation

from cycles.models import Cycle
from partnerships.access import PartnershipAccess, access_partnership

from .build import build, file_name
from .models import ACTIVE, DocumentJob, JobStatus
from .registry import Document, documents

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0  # the page asks every 2 s: no need to write the row more often
# A build running longer than this lost its worker (stopped, or out of memory): the job counts as failed, so that
# asking again builds anew instead of waiting for it forever.
STALE_AFTER = datetime.timedelta(minutes=30)


def job_request(*, document: Document, file_format: str, access: PartnershipAccess, cycle: Cycle | None) -> DocumentJob:
    """The person's job for this document, format and language: the one being built if there is one (asking twice
    builds once), else a new one, enqueued."""
    identity = {
        "partnership": access.partnership,
        "cycle": cycle,
        "key": document.key,
        "file_format": file_format,
        "language": translation.get_language() or "fr",
        "requested_by_id": access.membership.user_id,
    }
    DocumentJob.objects.filter(
        **identity, status=JobStatus.RUNNING, started_at__lt=timezone.now() - STALE_AFTER
    ).update(status=JobStatus.FAILED, error="Stale: no news from its worker", finished_at=timezone.now())
    active = DocumentJob.objects.filter(**identity, status__in=ACTIVE).first()
    if active is not None:
        return active
    try:
        with transaction.atomic():
            job = DocumentJob.objects.create(**identity)
    except IntegrityError:  # the same request, a moment before
        return DocumentJob.objects.get(**identity, status__in=ACTIVE)
    from .tasks import build_document

    build_document.enqueue(job_id=job.pk)
    job.refresh_from_db()
    return job


def job_run(job_id: int) -> str:
    """Builds the job's file once (a job that is no longer queued is left alone) and returns its status."""
    claimed = DocumentJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), progress=5
    )
    job = DocumentJob.objects.select_related("partnership", "cycle", "requested_by").get(pk=job_id)
    if not claimed:
        return job.status
    try:
        with translation.override(job.language):
            content, name = _build(job)
        job.file.save(f"{job.key}.{job.file_format}", ContentFile(content), save=False)
    except Exception as error:  # any failure is the job's: the person is told, the administrators get the trace
        logger.exception("Document job %s (%s.%s) failed", job.pk, job.key, job.file_format)
        DocumentJob.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now()
        )
        return JobStatus.FAILED
    DocumentJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, progress=100, file=job.file.name, file_name=name, finished_at=timezone.now()
    )
    return JobStatus.DONE


def _build(job: DocumentJob) -> tuple[bytes, str]:
    """As the person who asked, with the rights they have now: one who has left the partnership gets nothing."""
    access = access_partnership(job.requested_by, job.partnership.slug)
    document = documents().get(job.key)
    if document is None or job.file_format not in document.formats or not access.can(document.perm):
        raise Http404("the document or the right to read it is gone")
    last = [0.0]

    def progress(percent: int, pages: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS:
            last[0] = now
            DocumentJob.objects.filter(pk=job.pk).update(progress=min(percent, 99), pages=pages)

    content = build(document, job.file_format, access=access, cycle=job.cycle, progress=progress)
    return content, file_name(document, job.file_format, access=access, cycle=job.cycle)
