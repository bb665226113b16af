"""Outil 12, the follow-up and evaluation of the desired transformation: the measurements of each indicator of
the plan over time, set against its baseline and its targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from plan.models import Indicator


class Measurement(VersionedModel):
    """One value of an indicator, on a date or for the period ending on it (Outil 12)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("indicateur")
    )
    measured_on = models.DateField(_("date ou fin de la période"))
    value = models.DecimalField(_("valeur mesurée"), max_digits=14, decimal_places=3)
    source = models.CharField(_("source"), max_length=250, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)
    imprecise = models.BooleanField(
        _("mesure imprécise"), default=False, help_text=_("Cochez si la valeur est une estimation ou incomplète.")
    )
    history = History()

    PARTNERSHIP_PATH = "indicator__" + Indicator.PARTNERSHIP_PATH
    CHAIN = ChainNode(
        page="evaluation:measurement_detail",
        kwargs={"cycle_pk": "indicator__transformation__objective__cycle_id", "measurement_pk": "pk"},
        comes_from=("indicator",),
        select_related=("indicator",),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        ordering = ["measured_on", "id"]

    def __str__(self) -> str:
        return _("%(indicator)s, %(date)s") % {"indicator": self.indicator, "date": f"{self.measured_on:%Y-%m-%d}"}
