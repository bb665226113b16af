from django.core.management.base import BaseCommand

from documents.retention import JOB_RETENTION_DAYS, purge_old_jobs


class Command(BaseCommand):
    help = f"Deletes the documents built in the background more than {JOB_RETENTION_DAYS} days ago (cron, daily)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{purge_old_jobs()} document job(s) deleted.")
