from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données et les documents téléversés dans une archive restaurable (.tar.gz avec "
        "manifeste). Sans risque pendant que l'application tourne. Voir docs/dev/backups.md."
    )

    def add_arguments(self, parser) -> None:
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--output", type=Path, help="chemin de l'archive à écrire")
        target.add_argument(
            "--output-dir", type=Path, default=Path("backups"), help="dossier où écrire concerto-AAAAMMJJ-HHMMSS.tar.gz"
        )

    def handle(self, *args, output: Path | None, output_dir: Path, **options) -> None:
        destination = output or output_dir / f"concerto-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            manifest = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde écrite : {destination} (base {manifest.engine}, {len(manifest.media_files)} documents)."
            )
        )
