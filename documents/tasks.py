"""The documents' background work, run by the task queue (django-tasks): immediately in the request's process by
default, by `manage.py db_worker` processes when TASKS_BACKEND=database."""

from django_tasks import task

from .jobs import job_run
from .retention import purge_old_jobs


@task()
def build_document(job_id: int) -> str:
    """Builds a document job's file (documents/jobs.py), then removes the jobs past their retention period, so that
    the storage is kept tidy by the workers themselves; returns the job's status."""
    status = job_run(job_id)
    purge_old_jobs()
    return status
