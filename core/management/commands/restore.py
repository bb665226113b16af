from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restaure une archive de `manage.py backup` (base de données et documents), après en avoir vérifié chaque "
        "fichier. Dans une installation vide, ou avec --replace. Arrêtez l'application d'abord."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="remplacer la base et les documents existants (tout est perdu)"
        )

    def handle(self, *args, archive: Path, replace: bool, **options) -> None:
        try:
            manifest = restore(archive, replace=replace)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restauré : {archive} du {manifest.created_at} (base {manifest.engine}, "
                f"{len(manifest.media_files)} documents)."
            )
        )
