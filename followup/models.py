"""Outil 11, the follow-up of the plan's actions: periodic reports on each action (how much, how well, is anyone
better off), the people reached by territory and the money spent per budget line; and step 4's communication
plan."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from plan.models import MONEY, Action


class Progress(models.TextChoices):
    ON_TRACK = "on_track", _("Selon le plan")
    LATE = "late", _("En retard")
    AT_RISK = "at_risk", _("À risque")
    COMPLETED = "completed", _("Terminée")
    CANCELLED = "cancelled", _("Annulée")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Remis")
    SENT_BACK = "sent_back", _("Renvoyé pour correction")


PERCENT_HELP = _("En pourcentage, de 0 à 100.")


class ActionReport(VersionedModel):
    """A periodic implementation report on one action (Outil 11), written by its partners, reviewed by
    coordination: draft, then submitted; sent back with a comment, it is editable again until resubmitted."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reports", verbose_name=_("action"))
    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))
    progress = models.CharField(_("état d'avancement"), max_length=20, choices=Progress.choices)
    state = models.CharField(_("statut"), max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    activities_planned = models.TextField(_("activités prévues"), blank=True)
    activities_done = models.TextField(_("activités réalisées"), blank=True)
    milestones_reached = models.ManyToManyField(
        "plan.Milestone", blank=True, related_name="reports", verbose_name=_("jalons atteints")
    )
    # How much did we do?
    sessions_held = models.PositiveIntegerField(_("séances tenues"), null=True, blank=True)
    children_reached = models.PositiveIntegerField(_("enfants rejoints"), null=True, blank=True)
    parents_reached = models.PositiveIntegerField(_("parents rejoints"), null=True, blank=True)
    practitioners_reached = models.PositiveIntegerField(_("intervenants rejoints"), null=True, blank=True)
    # How well did we do it?
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction des participants"),
        null=True,
        blank=True,
        help_text=PERCENT_HELP,
        validators=[MaxValueValidator(100)],
    )
    retention = models.PositiveSmallIntegerField(
        _("rétention des participants"),
        null=True,
        blank=True,
        help_text=PERCENT_HELP,
        validators=[MaxValueValidator(100)],
    )
    quality_view = models.TextField(_("regard des partenaires sur la qualité"), blank=True)
    # Is anyone better off?
    better_off = models.TextField(_("qui s'en porte mieux, et comment"), blank=True)
    better_off_figure = models.DecimalField(
        _("mesure du changement"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    partners = models.ManyToManyField(
        "organizations.Organization", blank=True, related_name="action_reports", verbose_name=_("partenaires engagés")
    )
    helped = models.TextField(_("ce qui a aidé"), blank=True)
    hindered = models.TextField(_("ce qui a nui"), blank=True)
    adjustments = models.TextField(_("ajustements"), blank=True)
    review_comment = models.TextField(_("commentaire de la coordination"), blank=True)
    submitted_at = models.DateTimeField(_("remis le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("rédigé par")
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    history = History(m2m_fields=[milestones_reached, partners])

    PARTNERSHIP_PATH = "action__" + Action.PARTNERSHIP_PATH
    CHAIN = ChainNode(
        page="followup:report_detail",
        kwargs={"cycle_pk": "action__cycle_id", "report_pk": "pk"},
        comes_from=("action",),
        select_related=("action",),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("suivi de l'action")
        verbose_name_plural = _("suivis de l'action")
        ordering = ["-period_end", "action__title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="report_ends_after_it_starts"
            ),
            models.UniqueConstraint(fields=["action", "period_start"], name="one_report_per_action_and_period"),
            models.CheckConstraint(
                condition=models.Q(satisfaction__lte=100) & models.Q(retention__lte=100),
                name="report_rates_are_percentages",
            ),
        ]

    def __str__(self) -> str:
        return _("%(action)s, du %(start)s au %(end)s") % {
            "action": self.action,
            "start": f"{self.period_start:%Y-%m-%d}",
            "end": f"{self.period_end:%Y-%m-%d}",
        }

    @property
    def is_open(self) -> bool:
        """Its authors may still change it: a draft, or a report coordination sent back."""
        return self.state != ReportState.SUBMITTED


class ReportReach(models.Model):
    """The people one report's action reached in one of the partnership's territories, when the partners know."""

    report = models.ForeignKey(ActionReport, on_delete=models.CASCADE, related_name="reach")
    territory = models.ForeignKey(
        "partnerships.Territory", on_delete=models.CASCADE, related_name="+", verbose_name=_("territoire")
    )
    children = models.PositiveIntegerField(_("enfants"), null=True, blank=True)
    parents = models.PositiveIntegerField(_("parents"), null=True, blank=True)
    practitioners = models.PositiveIntegerField(_("intervenants"), null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "report__" + ActionReport.PARTNERSHIP_PATH
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("portée par territoire")
        verbose_name_plural = _("portée par territoire")
        ordering = ["territory__name", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "territory"], name="one_reach_per_territory")]

    def __str__(self) -> str:
        return str(self.territory)


class BudgetSpent(models.Model):
    """What one report says was spent on one of its action's budget lines during its period."""

    report = models.ForeignKey(ActionReport, on_delete=models.CASCADE, related_name="spending")
    budget_line = models.ForeignKey(
        "plan.BudgetLine", on_delete=models.CASCADE, related_name="spending", verbose_name=_("ligne budgétaire")
    )
    amount = models.DecimalField(_("montant dépensé"), **MONEY)
    history = History()

    PARTNERSHIP_PATH = "report__" + ActionReport.PARTNERSHIP_PATH
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("dépense")
        verbose_name_plural = _("dépenses")
        ordering = ["budget_line__year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "budget_line"], name="one_spending_per_budget_line"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="spending_not_negative"),
        ]

    def __str__(self) -> str:
        return str(self.budget_line)


class CommunicationStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    DONE = "done", _("Réalisée")
    CANCELLED = "cancelled", _("Annulée")


class CommunicationItem(VersionedModel):
    """One line of step 4's communication plan: to whom, what, through which channel, when and by whom."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="communication_items")
    audience = models.CharField(_("public"), max_length=250)
    message = models.TextField(_("message"))
    channel = models.CharField(_("moyen de communication"), max_length=250)
    planned_on = models.DateField(_("date"), null=True, blank=True)
    responsible = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communication_items",
        verbose_name=_("responsable"),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=CommunicationStatus.choices, default=CommunicationStatus.PLANNED
    )
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("élément du plan de communication")
        verbose_name_plural = _("plan de communication")
        ordering = ["planned_on", "audience", "id"]

    def __str__(self) -> str:
        return f"{self.audience} — {self.channel}"
