from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from factors.catalogue import CATALOGUE_PATH, CatalogueError, load_catalogue, read_catalogue


class Command(BaseCommand):
    help = _("Charge ou met à jour le catalogue de référence des facteurs de protection (sans rien supprimer).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", default=str(CATALOGUE_PATH), help=_("Fichier JSON du catalogue."))

    def handle(self, *args, path: str, **options) -> None:
        try:
            report = load_catalogue(read_catalogue(path))
        except CatalogueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Catalogue %(version)s : %(created)d ajout(s), %(updated)d mise(s) à jour, %(unchanged)d inchangé(s).")
            % {
                "version": report.version,
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": report.unchanged,
            }
        )
        if report.absent:
            self.stdout.write(
                self.style.WARNING(
                    _("Absents du fichier, conservés dans la base : %(codes)s") % {"codes": ", ".join(report.absent)}
                )
            )
