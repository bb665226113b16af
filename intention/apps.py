from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntentionConfig(AppConfig):
    name = "intention"
    verbose_name = _("Étape 1 — Intention")
