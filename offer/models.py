from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import VersionedModel


class Service(VersionedModel):
    """A service an organization offers: what, to whom, where (Outil 6). Extended by the offer app."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="services", verbose_name=_("organisme")
    )
    name = models.CharField(_("nom du service"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["organization__name", "name"]

    def __str__(self) -> str:
        return self.name
