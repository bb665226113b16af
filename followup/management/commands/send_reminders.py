"""Daily, from cron: queue today's reminder digests (a worker sends them; without a queue, they go at once)."""

import datetime

from django.core.management.base import BaseCommand, CommandParser

from followup.tasks import send_reminders


class Command(BaseCommand):
    help = "Queue today's reminder digests of Outil 11 (reports due, late and sent back)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="the day to remind for, YYYY-MM-DD")

    def handle(self, *args, date: datetime.date | None = None, **options) -> None:
        result = send_reminders.enqueue(today=date.isoformat() if date else "")
        self.stdout.write(f"send_reminders: {result.id} {result.status}")
