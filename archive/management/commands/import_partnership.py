from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.format import ArchiveError
from archive.importer import import_partnership


class Command(BaseCommand):
    help = "Import a partnership's archive as a new partnership; a damaged or foreign archive is refused whole."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="the archive (.zip)")
        parser.add_argument("--slug", default="", help="the new partnership's slug (a number is added if taken)")

    def handle(self, *args, file: Path, slug: str, **options) -> None:
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        try:
            result = import_partnership(source=file, slug=slug)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"/p/{result.partnership.slug}/: {result.records} records, {result.files} files; "
            f"{len(result.linked_people)} people linked to their accounts, "
            f"{len(result.created_people)} inactive accounts created."
        )
        for email in result.created_people:
            self.stdout.write(f"  inactive: {email}")
