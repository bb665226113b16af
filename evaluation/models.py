"""Outil 12, the follow-up and evaluation of the desired transformation: the measurements of each indicator of
the plan over time, set against its baseline and its targets; the reviews of each transformation and the decision
on each of its actions (maintain, adapt, abandon); the questionings of a transformation, a factor or an objective,
linked to the changes to the plan they led to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from plan.models import Action, DesiredChange, Indicator


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


class Review(VersionedModel):
    """A review (bilan) of one desired transformation over a period, read like a "turn the curve" exercise: where
    the curve stands against the target, the story behind it, the partners with a role, what works, the lessons;
    and the decision on each of the transformation's actions (`ActionDecision`)."""

    transformation = models.ForeignKey(
        DesiredChange, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("transformation souhaitée")
    )
    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))
    curve = models.TextField(
        _("où en est la courbe"),
        help_text=_("Où en sont les indicateurs par rapport à la valeur de départ et aux cibles."),
    )
    helps = models.TextField(_("ce qui aide"), blank=True)
    hinders = models.TextField(_("ce qui nuit"), blank=True)
    partners = models.ManyToManyField(
        "organizations.Organization", blank=True, related_name="reviews", verbose_name=_("partenaires qui ont un rôle")
    )
    what_works = models.TextField(_("ce qui fonctionne"), blank=True)
    lessons = models.TextField(_("leçons apprises"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("rédigé par")
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    history = History(m2m_fields=[partners])

    PARTNERSHIP_PATH = "transformation__" + DesiredChange.PARTNERSHIP_PATH
    CHAIN = ChainNode(
        page="evaluation:review_detail",
        kwargs={"cycle_pk": "transformation__objective__cycle_id", "review_pk": "pk"},
        comes_from=("transformation",),
        select_related=("transformation",),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("bilan")
        verbose_name_plural = _("bilans")
        ordering = ["-period_end", "transformation_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="review_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return _("Bilan de « %(transformation)s », du %(start)s au %(end)s") % {
            "transformation": self.transformation.statement,
            "start": f"{self.period_start:%Y-%m-%d}",
            "end": f"{self.period_end:%Y-%m-%d}",
        }


class Decision(models.TextChoices):
    MAINTAIN = "maintain", _("Maintenir")
    ADAPT = "adapt", _("Adapter")
    ABANDON = "abandon", _("Abandonner")


class ActionDecision(models.Model):
    """What a review decided about one action of its transformation, and why. Applied once, explicitly: abandoning
    sets the action's status and end; adapting leads to the action's form; maintaining is recorded only."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("bilan"))
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="review_decisions", verbose_name=_("action")
    )
    decision = models.CharField(_("décision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("raison"))
    applied_at = models.DateTimeField(_("appliquée le"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("appliquée par"),
    )
    history = History()

    PARTNERSHIP_PATH = "review__" + Review.PARTNERSHIP_PATH
    CHAIN = ChainNode(
        page="evaluation:review_detail",
        kwargs={"cycle_pk": "review__transformation__objective__cycle_id", "review_pk": "review_id"},
        anchor="decision-{id}",
        comes_from=("review", "action"),
        select_related=("action",),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("décision sur une action")
        verbose_name_plural = _("décisions sur les actions")
        ordering = ["action__title", "id"]
        constraints = [models.UniqueConstraint(fields=["review", "action"], name="one_decision_per_action_and_review")]

    def __str__(self) -> str:
        return _("%(decision)s « %(action)s »") % {"decision": self.get_decision_display(), "action": self.action}

    @property
    def is_applied(self) -> bool:
        return self.applied_at is not None


class Questioning(VersionedModel):
    """The group questions a transformation, a protective factor or an objective of the cycle (step 5): what is
    questioned, why, what was decided, and the changes to the plan it led to."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="questionings")
    transformation = models.ForeignKey(
        DesiredChange,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionings",
        verbose_name=_("transformation souhaitée remise en question"),
    )
    factor = models.ForeignKey(
        "factors.ProtectiveFactor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionings",
        verbose_name=_("facteur de protection remis en question"),
    )
    objective = models.ForeignKey(
        "priorities.Objective",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionings",
        verbose_name=_("objectif remis en question"),
    )
    question = models.TextField(_("ce qui est remis en question"))
    reason = models.TextField(_("pourquoi"))
    decision = models.TextField(_("ce qui a été décidé"), blank=True)
    changed_transformations = models.ManyToManyField(
        DesiredChange,
        blank=True,
        related_name="changed_by_questionings",
        verbose_name=_("transformations modifiées en conséquence"),
    )
    changed_objectives = models.ManyToManyField(
        "priorities.Objective",
        blank=True,
        related_name="changed_by_questionings",
        verbose_name=_("objectifs modifiés en conséquence"),
    )
    changed_actions = models.ManyToManyField(
        Action, blank=True, related_name="changed_by_questionings", verbose_name=_("actions modifiées en conséquence")
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    history = History(m2m_fields=[changed_transformations, changed_objectives, changed_actions])

    PARTNERSHIP_PATH = "cycle__partnership"
    CHAIN = ChainNode(
        page="evaluation:questioning_detail",
        kwargs={"cycle_pk": "cycle_id", "questioning_pk": "pk"},
        comes_from=("transformation", "objective", "changed_transformations", "changed_objectives", "changed_actions"),
        select_related=("transformation", "factor", "objective"),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("remise en question")
        verbose_name_plural = _("remises en question")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(transformation__isnull=False, factor__isnull=True, objective__isnull=True)
                | models.Q(transformation__isnull=True, factor__isnull=False, objective__isnull=True)
                | models.Q(transformation__isnull=True, factor__isnull=True, objective__isnull=False),
                name="questioning_has_one_subject",
            )
        ]

    @property
    def subject(self):
        return self.transformation or self.factor or self.objective

    def __str__(self) -> str:
        return _("Remise en question de « %(subject)s »") % {"subject": self.subject}
