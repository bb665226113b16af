"""Outil 11's background work, run by the task queue (django-tasks): immediately in the request's process by
default, by `manage.py db_worker` processes when TASKS_BACKEND=database."""

import datetime

from django.utils import timezone
from django_tasks import task

from .reminders import send_digests
from .schedule import local_today


@task()
def send_reminders(today: str = "") -> int:
    """Today's reminder digests (`today` as YYYY-MM-DD for a given day); the number of e-mails sent."""
    day = datetime.date.fromisoformat(today) if today else local_today(timezone.now())
    return send_digests(today=day)
