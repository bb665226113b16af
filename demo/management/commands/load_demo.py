from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import foundation_content as content
from demo.loader import load_demo

DEMO_ACCOUNTS = (
    (content.ADMIN_EMAIL, "administration du site"),
    ("coordination@demo.concerto.test", "coordination, regroupement A"),
    ("comite@demo.concerto.test", "comité de coordination, regroupement A"),
    ("partenaire@demo.concerto.test", "représentante de la Maison de la famille, regroupement A"),
    ("observateur@demo.concerto.test", "observatrice, regroupement A"),
    ("coordination@autre.concerto.test", "coordination, regroupement B"),
)


class Command(BaseCommand):
    help = "Charge les deux regroupements fictifs de démonstration (sans effet s'ils existent déjà)."

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError(
                "Refusé : les données de démonstration ne se chargent pas en production (CONCERTO_ENV=production)."
            )
        with transaction.atomic():
            ctx, apps_loaded = load_demo()
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(f"  A : {ctx.partnership_a.name} — /p/{ctx.partnership_a.slug}/")
        self.stdout.write(f"  B : {ctx.partnership_b.name} — /p/{ctx.partnership_b.slug}/")
        if apps_loaded:
            self.stdout.write(f"  Contenu ajouté par : {', '.join(apps_loaded)}")
        self.stdout.write(f"Comptes de démonstration (mot de passe « {content.DEMO_PASSWORD} ») :")
        for email, label in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<36} {label}")
