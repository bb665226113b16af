from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.export import export_partnership
from archive.format import ArchiveError
from partnerships.models import Partnership


class Command(BaseCommand):
    help = "Write a partnership's archive (docs/dev/archive-format.md) to a zip file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="the partnership's slug (/p/<slug>/)")
        parser.add_argument("file", type=Path, help="the zip file to write")
        parser.add_argument("--history", action="store_true", help="include the history of every record")

    def handle(self, *args, slug: str, file: Path, history: bool, **options) -> None:
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None:
            raise CommandError(f"No partnership has the slug {slug!r}.")
        partial = file.with_name(file.name + ".partial")
        try:
            with partial.open("wb") as destination:
                manifest = export_partnership(partnership=partnership, destination=destination, history=history)
        except ArchiveError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        partial.replace(file)  # a crash mid-way never leaves a truncated archive under the final name
        records = sum(described["count"] for described in manifest["models"].values())
        self.stdout.write(f"{file}: {records} records, {manifest['files']} files, history: {history}.")
