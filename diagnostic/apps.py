from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosticConfig(AppConfig):
    name = "diagnostic"
    verbose_name = _("Outil 13 — Outil diagnostique de l'action en partenariat")
