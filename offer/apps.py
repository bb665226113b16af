from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfferConfig(AppConfig):
    name = "offer"
    verbose_name = _("Outil 6 — Analyse de l'offre de services")
