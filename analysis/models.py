from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from core.systems import system_labels, systems_text


class TerritoryLevel(models.TextChoices):
    QUEBEC = "quebec", _("Québec")
    REGION = "region", _("Région administrative")
    LOCAL = "local", _("Territoire local")


class Statistic(VersionedModel):
    """A quantitative figure the partnership pools for its situation analysis (e.g. an EQDEM result)."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="statistics")
    indicator = models.CharField(_("indicateur"), max_length=250)
    domain = models.CharField(_("thème ou domaine de développement"), max_length=150, blank=True)
    territory_level = models.CharField(_("niveau de territoire"), max_length=10, choices=TerritoryLevel.choices)
    territory_name = models.CharField(_("territoire"), max_length=150)
    period = models.CharField(_("période"), max_length=20)
    value = models.DecimalField(_("valeur"), max_digits=14, decimal_places=3, null=True, blank=True)
    unit = models.CharField(_("unité"), max_length=30, blank=True)
    is_imprecise = models.BooleanField(_("donnée imprécise ou manquante"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    CHAIN = ChainNode(page="analysis:statistic_detail", kwargs={"statistic_pk": "pk"})
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("donnée")
        verbose_name_plural = _("données")
        ordering = ["indicator", "period", "territory_level", "territory_name"]
        # One figure per indicator, domain, territory and period, whatever the case it was typed in (the form and
        # the import say so first; this holds when two people save at the same moment).
        constraints = [
            models.UniqueConstraint(
                "partnership",
                Lower("indicator"),
                Lower("domain"),
                "territory_level",
                Lower("territory_name"),
                Lower("period"),
                name="one_statistic_per_indicator_territory_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.territory_name} ({self.period})"


# What describes a figure: the fields of the entry form and the columns of an import.
STATISTIC_FIELDS = (
    "indicator",
    "domain",
    "territory_level",
    "territory_name",
    "period",
    "value",
    "unit",
    "is_imprecise",
    "source",
    "notes",
)


def statistic_key(statistic: Statistic) -> tuple[str, str, str, str, str]:
    """What names one figure (the uniqueness rule of Statistic): two figures of one key would say two things."""
    return (
        statistic.indicator.casefold(),
        statistic.domain.casefold(),
        statistic.territory_level,
        statistic.territory_name.casefold(),
        statistic.period.casefold(),
    )


class ObservationSource(models.TextChoices):
    ORGANIZATION = "organization", _("Organisme")
    PARENTS = "parents", _("Consultation de parents")
    PRACTITIONERS = "practitioners", _("Consultation d'intervenant·es")
    OTHER = "other", _("Autre")


class Observation(VersionedModel):
    """Qualitative information brought by an organization or from a consultation."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="observations")
    text = models.TextField(_("observation"))
    source_kind = models.CharField(_("provenance"), max_length=20, choices=ObservationSource.choices)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("organisme"),
    )
    source_detail = models.CharField(_("précisions sur la source"), max_length=250, blank=True)
    observed_on = models.DateField(_("date"), null=True, blank=True)
    systems = models.CharField(_("systèmes"), max_length=40, blank=True)
    factors = models.ManyToManyField(
        "factors.ProtectiveFactor", blank=True, related_name="observations", verbose_name=_("facteurs de protection")
    )
    history = History(m2m_fields=[factors])

    PARTNERSHIP_PATH = "partnership"
    HISTORY_DISPLAY = {"systems": systems_text}
    CHAIN = ChainNode(page="analysis:observation_detail", kwargs={"observation_pk": "pk"})
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["-observed_on", "-id"]

    def __str__(self) -> str:
        return Truncator(self.text).chars(80)

    @property
    def system_labels(self) -> list[str]:
        return system_labels(self.systems)


class FindingNature(models.TextChoices):
    STRENGTH = "strength", _("Force")
    CONCERN = "concern", _("Préoccupation")


class FindingOrigin(models.TextChoices):
    DATA = "data", _("Analyse des données")
    SERVICES = "services", _("Analyse de l'offre de services")
    FACTORS = "factors", _("Analyse de l'intervention sur les facteurs")


class Finding(VersionedModel):
    """A finding (constat) of one cycle's situation analysis, with the evidence it rests on."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="findings")
    statement = models.TextField(_("constat"))
    nature = models.CharField(_("nature"), max_length=10, choices=FindingNature.choices)
    origin = models.CharField(_("analyse d'origine"), max_length=10, choices=FindingOrigin.choices)
    systems = models.CharField(_("systèmes"), max_length=40, blank=True)
    factors = models.ManyToManyField(
        "factors.ProtectiveFactor", blank=True, related_name="findings", verbose_name=_("facteurs de protection")
    )
    statistics = models.ManyToManyField(Statistic, blank=True, related_name="findings", verbose_name=_("données"))
    observations = models.ManyToManyField(
        Observation, blank=True, related_name="findings", verbose_name=_("observations")
    )
    services = models.ManyToManyField("offer.Service", blank=True, related_name="findings", verbose_name=_("services"))
    interventions = models.ManyToManyField(
        "coverage.FactorIntervention",
        blank=True,
        related_name="findings",
        verbose_name=_("interventions sur les facteurs"),
    )
    is_candidate = models.BooleanField(_("priorité candidate"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    history = History(m2m_fields=[factors, statistics, observations, services, interventions])

    PARTNERSHIP_PATH = "cycle__partnership"
    HISTORY_DISPLAY = {"systems": systems_text}
    CHAIN = ChainNode(
        page="analysis:finding_detail",
        kwargs={"cycle_pk": "cycle_id", "finding_pk": "pk"},
        comes_from=("statistics", "observations", "services", "interventions"),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("constat")
        verbose_name_plural = _("constats")
        ordering = ["origin", "id"]

    def __str__(self) -> str:
        return Truncator(self.statement).chars(80)

    @property
    def system_labels(self) -> list[str]:
        return system_labels(self.systems)
