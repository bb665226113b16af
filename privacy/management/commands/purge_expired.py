from django.core.management.base import BaseCommand

from privacy.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Supprime ce qui a dépassé sa durée de conservation : sessions terminées, traces de connexion (adresse IP, "
        "navigateur) des sessions fermées, invitations expirées ou annulées depuis 30 jours, acceptées depuis un "
        "an, jetons des formulaires de création envoyés depuis deux jours. À lancer chaque jour (cron)."
    )

    def handle(self, *args, **options) -> None:
        report = purge_expired()
        self.stdout.write(
            f"Supprimé : {report.sessions} sessions, {report.sign_in_records} traces de connexion, "
            f"{report.invitations} invitations, {report.form_tokens} jetons de formulaire."
        )
