from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import VersionedModel


class Intensity(models.IntegerChoices):
    NONE = 0, _("Aucune")
    OCCASIONAL = 1, _("Ponctuelle")
    REGULAR = 2, _("Régulière")
    CORE = 3, _("Au cœur de la mission")


class FactorIntervention(VersionedModel):
    """One organization's action on one protective factor (or one of its sub-elements): a cell of Outil 7."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("organisme"),
    )
    factor = models.ForeignKey(
        "factors.ProtectiveFactor",
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("facteur de protection"),
    )
    element = models.ForeignKey(
        "factors.FactorElement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("composante"),
    )
    intensity = models.PositiveSmallIntegerField(_("intensité"), choices=Intensity.choices, default=Intensity.NONE)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("intervention sur un facteur")
        verbose_name_plural = _("interventions sur les facteurs")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "factor"],
                condition=models.Q(element__isnull=True),
                name="one_intervention_per_organization_factor",
            ),
            models.UniqueConstraint(
                fields=["organization", "factor", "element"], name="one_intervention_per_organization_element"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.factor}"
