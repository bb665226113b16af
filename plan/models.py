"""Outil 9, the concerted action plan: for each of Outil 8's objectives, one desired transformation per system,
its indicators and targets, and the actions that work on it, with their partners, milestones and budget."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from core.systems import System, system_rank
from offer.models import ClienteleCode

MONEY = {"max_digits": 12, "decimal_places": 2}


class FunderKind(models.TextChoices):
    PUBLIC = "public", _("Public")
    FOUNDATION = "foundation", _("Fondation")
    MUNICIPAL = "municipal", _("Municipal")
    PRIVATE = "private", _("Privé")
    PARTNERS = "partners", _("Partenaires eux-mêmes")


class Funder(VersionedModel):
    """Who pays for the plan's actions: one list per partnership, reused by every cycle's budget lines."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="funders")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=FunderKind.choices)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("bailleur de fonds")
        verbose_name_plural = _("bailleurs de fonds")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint("partnership", Lower("name"), name="unique_funder_name_per_partnership")]

    def __str__(self) -> str:
        return self.name


class DesiredChange(VersionedModel):
    """A desired transformation: the change sought in one system for one objective (one per system)."""

    objective = models.ForeignKey(
        "priorities.Objective", on_delete=models.PROTECT, related_name="transformations", verbose_name=_("objectif")
    )
    system = models.CharField(_("système"), max_length=20, choices=System.choices)
    statement = models.TextField(_("transformation souhaitée"))
    factors = models.ManyToManyField(
        "factors.ProtectiveFactor", blank=True, related_name="transformations", verbose_name=_("facteurs de protection")
    )
    lead = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_transformations",
        verbose_name=_("organisme porteur"),
    )
    partners = models.ManyToManyField(
        "organizations.Organization",
        blank=True,
        related_name="transformations",
        verbose_name=_("organismes partenaires"),
    )
    origin = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copiée de"),
    )
    history = History(m2m_fields=[factors, partners])

    PARTNERSHIP_PATH = "objective__cycle__partnership"
    CHAIN = ChainNode(
        page="plan:transformation_detail",
        kwargs={"cycle_pk": "objective__cycle_id", "transformation_pk": "pk"},
        comes_from=("objective", "origin"),
        select_related=("objective",),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("transformation souhaitée")
        verbose_name_plural = _("transformations souhaitées")
        ordering = ["objective__position", "objective_id", system_rank(), "id"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "system"], name="one_transformation_per_objective_and_system")
        ]

    def __str__(self) -> str:
        return f"{self.get_system_display()} — {self.statement}"


class Polarity(models.TextChoices):
    HIGHER = "higher", _("Plus haut, c'est mieux")
    LOWER = "lower", _("Plus bas, c'est mieux")


class Indicator(VersionedModel):
    """How a transformation is tracked: a definition, a unit, where the figure comes from, and a baseline."""

    transformation = models.ForeignKey(
        DesiredChange, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("transformation souhaitée")
    )
    name = models.CharField(_("indicateur"), max_length=250)
    definition = models.TextField(_("définition"), blank=True)
    unit = models.CharField(_("unité"), max_length=50, blank=True)
    polarity = models.CharField(_("sens souhaité"), max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    data_source = models.CharField(_("source des données"), max_length=250, blank=True)
    collection_tool = models.CharField(_("outil de collecte"), max_length=250, blank=True)
    frequency = models.CharField(_("fréquence de la mesure"), max_length=100, blank=True)
    baseline_value = models.DecimalField(_("valeur de départ"), max_digits=14, decimal_places=3, null=True, blank=True)
    baseline_date = models.DateField(_("date de la valeur de départ"), null=True, blank=True)
    baseline_source = models.CharField(_("source de la valeur de départ"), max_length=250, blank=True)
    baseline_statistic = models.ForeignKey(
        "analysis.Statistic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_indicators",
        verbose_name=_("donnée de l'Outil 5 citée"),
    )
    origin = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copié de"),
    )
    history = History()

    PARTNERSHIP_PATH = "transformation__" + DesiredChange.PARTNERSHIP_PATH
    CHAIN = ChainNode(
        page="plan:indicator_detail",
        kwargs={"cycle_pk": "transformation__objective__cycle_id", "indicator_pk": "pk"},
        comes_from=("transformation", "baseline_statistic", "origin"),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["transformation_id", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_baseline(self) -> bool:
        return self.baseline_value is not None


class Target(models.Model):
    """A value the indicator should reach by a date; an indicator's targets are edited as one set."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    value = models.DecimalField(_("valeur cible"), max_digits=14, decimal_places=3)
    date = models.DateField(_("échéance"))
    history = History()

    PARTNERSHIP_PATH = "indicator__" + Indicator.PARTNERSHIP_PATH
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("cible")
        verbose_name_plural = _("cibles")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.value} ({self.date:%Y-%m-%d})"


class FollowUp(models.TextChoices):
    MONTHLY = "monthly", _("Mensuel")
    QUARTERLY = "quarterly", _("Trimestriel")
    TWICE_A_YEAR = "twice_a_year", _("Deux fois par année")
    YEARLY = "yearly", _("Annuel")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    UNDER_WAY = "under_way", _("En cours")
    DONE = "done", _("Réalisée")
    SUSPENDED = "suspended", _("Suspendue")
    ABANDONED = "abandoned", _("Abandonnée")


def clientele_labels(codes: str) -> list[str]:
    wanted = set(filter(None, (codes or "").split(",")))
    return [str(label) for code, label in ClienteleCode.choices if code in wanted]


class Action(VersionedModel):
    """What the partners do for one or more transformations: who leads, with whom, when, with what means."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("titre"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    transformations = models.ManyToManyField(
        DesiredChange, blank=True, related_name="actions", verbose_name=_("transformations souhaitées")
    )
    clienteles = models.CharField(_("population visée"), max_length=200, blank=True)
    territory = models.CharField(_("territoire"), max_length=250, blank=True)
    factors = models.ManyToManyField(
        "factors.ProtectiveFactor", blank=True, related_name="actions", verbose_name=_("facteurs de protection")
    )
    lead = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_actions",
        verbose_name=_("organisme porteur"),
    )
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    human_resources = models.TextField(_("ressources humaines"), blank=True)
    material_resources = models.TextField(_("ressources matérielles"), blank=True)
    follow_up = models.CharField(_("calendrier de suivi"), max_length=20, choices=FollowUp.choices, blank=True)
    status = models.CharField(_("état"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    services = models.ManyToManyField(
        "offer.Service", blank=True, related_name="plan_actions", verbose_name=_("services de l'Outil 6 prolongés")
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    origin = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copiée de"),
    )
    history = History(m2m_fields=[transformations, factors, services])

    PARTNERSHIP_PATH = "cycle__partnership"
    HISTORY_DISPLAY = {"clienteles": lambda codes: ", ".join(clientele_labels(codes)) or "—"}
    CHAIN = ChainNode(
        page="plan:action_detail",
        kwargs={"cycle_pk": "cycle_id", "action_pk": "pk"},
        comes_from=("transformations", "services", "origin"),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="action_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def clientele_labels(self) -> list[str]:
        return clientele_labels(self.clienteles)

    @property
    def budget_total(self) -> Decimal:
        """From the prefetched budget lines when the selector gave them."""
        return sum((line.amount for line in self.budget_list), Decimal("0"))


class ActionPartner(VersionedModel):
    """An organization taking part in an action, its role and what it brings (in kind, in money)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="action_parts", verbose_name=_("organisme")
    )
    role = models.CharField(_("rôle"), max_length=250, blank=True)
    contribution_in_kind = models.CharField(_("contribution en nature"), max_length=250, blank=True)
    contribution_money = models.DecimalField(_("contribution en argent"), **MONEY, null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "action__" + Action.PARTNERSHIP_PATH
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partenaire de l'action")
        verbose_name_plural = _("partenaires de l'action")
        ordering = ["organization__name", "id"]
        constraints = [models.UniqueConstraint(fields=["action", "organization"], name="one_part_per_organization")]

    def __str__(self) -> str:
        return str(self.organization)


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("jalon"), max_length=250)
    date = models.DateField(_("date"))
    done = models.BooleanField(_("atteint"), default=False)
    history = History()

    PARTNERSHIP_PATH = "action__" + Action.PARTNERSHIP_PATH
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("jalon")
        verbose_name_plural = _("jalons")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.title


class BudgetStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmé")
    REQUESTED = "requested", _("Demandé")


class BudgetNature(models.TextChoices):
    CASH = "cash", _("En argent")
    IN_KIND = "in_kind", _("En nature")


class BudgetLine(models.Model):
    """What one funder gives (or is asked) for one action in one year of the cycle."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("année"))
    funder = models.ForeignKey(
        Funder, on_delete=models.PROTECT, related_name="budget_lines", verbose_name=_("bailleur")
    )
    amount = models.DecimalField(_("montant"), **MONEY)
    status = models.CharField(_("statut"), max_length=10, choices=BudgetStatus.choices, default=BudgetStatus.REQUESTED)
    nature = models.CharField(_("nature"), max_length=10, choices=BudgetNature.choices, default=BudgetNature.CASH)
    history = History()

    PARTNERSHIP_PATH = "action__" + Action.PARTNERSHIP_PATH
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("ligne budgétaire")
        verbose_name_plural = _("lignes budgétaires")
        ordering = ["year", "funder__name", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gte=Decimal("0")), name="budget_not_negative")]

    def __str__(self) -> str:
        return f"{self.year} — {self.funder} — {self.amount}"


class PlanVersion(models.Model):
    """The plan as the group adopted it: a frozen snapshot, never edited, that later plans are compared with."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="plan_versions")
    number = models.PositiveSmallIntegerField(_("numéro"))
    adopted_on = models.DateField(_("adoptée le"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_versions",
        verbose_name=_("rencontre"),
    )
    note = models.TextField(_("note"), blank=True)
    snapshot = models.JSONField(_("plan adopté"), default=dict)
    adopted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("version adoptée du plan")
        verbose_name_plural = _("versions adoptées du plan")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["cycle", "number"], name="one_plan_version_number_per_cycle")]

    def __str__(self) -> str:
        return f"{self.number} ({self.adopted_on:%Y-%m-%d})"
