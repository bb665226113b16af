"""How long a document built in the background is kept: JOB_RETENTION_DAYS after it was asked for, then the job
and its file go. `purge_old_jobs()` runs after every build (documents/tasks.py) and from
`manage.py purge_document_jobs` (cron, daily, for an installation where nobody builds for a while)."""

from datetime import timedelta

from django.utils import timezone

from core.storage import storage_errors

from .models import DocumentJob

JOB_RETENTION_DAYS = 7


def purge_old_jobs(now=None) -> int:
    """Deletes the jobs asked for more than JOB_RETENTION_DAYS ago and their files; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=JOB_RETENTION_DAYS)
    old = list(DocumentJob.objects.filter(created_at__lt=cutoff))
    for job in old:
        if job.file:
            try:
                job.file.delete(save=False)
            except storage_errors():
                continue  # kept for the next purge: a row without its file would hide a file nobody removes
        job.delete()
    return sum(1 for job in old if job.pk is None)
