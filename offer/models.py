from django.db import models
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel


class ClienteleCode(models.TextChoices):
    """The clienteles of Outil 6, in the order of the child's life. Each is a boolean column of Service
    (`for_<code>`): the list is fixed by the tool, and one GROUP BY then counts every clientele at once."""

    PREGNANCY = "pregnancy", _("Grossesse")
    AGE_0_1 = "age_0_1", _("Enfants de 0 à 1 an")
    AGE_1_2 = "age_1_2", _("Enfants de 1 à 2 ans")
    AGE_2_5 = "age_2_5", _("Enfants de 2 à 5 ans")
    PARENTS = "parents", _("Parents")
    FAMILIES = "families", _("Familles")
    PRACTITIONERS = "practitioners", _("Intervenant·es")


def clientele_field(code: str) -> str:
    return f"for_{code}"


class Frequency(models.TextChoices):
    CONTINUOUS = "continuous", _("En continu (tous les jours ouvrables)")
    WEEKLY = "weekly", _("Chaque semaine")
    MONTHLY = "monthly", _("Chaque mois")
    SESSIONS = "sessions", _("Par sessions ou séries de rencontres")
    OCCASIONAL = "occasional", _("Ponctuelle (quelques fois par année)")
    ON_DEMAND = "on_demand", _("Sur demande")


class Cost(models.TextChoices):
    FREE = "free", _("Gratuit")
    CONTRIBUTION = "contribution", _("Contribution modeste")
    FEE = "fee", _("Payant")


class Service(VersionedModel):
    """A service an organization offers: what, to whom, where, how often, at what cost (Outil 6)."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="services", verbose_name=_("organisme")
    )
    name = models.CharField(_("nom du service"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    for_pregnancy = models.BooleanField(_("clientèle : grossesse"), default=False)
    for_age_0_1 = models.BooleanField(_("clientèle : enfants de 0 à 1 an"), default=False)
    for_age_1_2 = models.BooleanField(_("clientèle : enfants de 1 à 2 ans"), default=False)
    for_age_2_5 = models.BooleanField(_("clientèle : enfants de 2 à 5 ans"), default=False)
    for_parents = models.BooleanField(_("clientèle : parents"), default=False)
    for_families = models.BooleanField(_("clientèle : familles"), default=False)
    for_practitioners = models.BooleanField(_("clientèle : intervenant·es"), default=False)
    territories = models.ManyToManyField(
        "partnerships.Territory", blank=True, related_name="services", verbose_name=_("territoires desservis")
    )
    frequency = models.CharField(_("fréquence"), max_length=20, choices=Frequency.choices, blank=True)
    capacity = models.PositiveIntegerField(_("capacité (places ou personnes à la fois)"), null=True, blank=True)
    reached_per_year = models.PositiveIntegerField(_("personnes rejointes par année"), null=True, blank=True)
    cost = models.CharField(_("coût"), max_length=20, choices=Cost.choices, default=Cost.FREE)
    cost_detail = models.CharField(_("précisions sur le coût"), max_length=200, blank=True)
    schedule = models.CharField(_("horaire"), max_length=200, blank=True)
    languages = models.CharField(_("langues"), max_length=200, blank=True)
    transport_access = models.BooleanField(_("accessible en transport collectif ou transport offert"), default=False)
    adapted_hours = models.BooleanField(_("horaire adapté (soir, fin de semaine)"), default=False)
    fee_reduction = models.BooleanField(_("réduction ou exemption des frais possible"), default=False)
    accessibility_notes = models.TextField(_("notes sur l'accessibilité"), blank=True)
    partner_organizations = models.ManyToManyField(
        "organizations.Organization",
        blank=True,
        related_name="partnered_services",
        verbose_name=_("organismes partenaires du service"),
    )
    factors = models.ManyToManyField(
        "factors.ProtectiveFactor", blank=True, related_name="services", verbose_name=_("facteurs de protection visés")
    )
    history = History(m2m_fields=[territories, partner_organizations, factors])

    PARTNERSHIP_PATH = "organization__partnership"
    CHAIN = ChainNode(page="offer:service_detail", kwargs={"service_pk": "pk"})
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["organization__name", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def clientele_codes(self) -> list[str]:
        return [code for code in ClienteleCode.values if getattr(self, clientele_field(code))]

    @property
    def clientele_labels(self) -> list[str]:
        return [str(ClienteleCode(code).label) for code in self.clientele_codes]
