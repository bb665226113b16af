from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import History, PartnershipQuerySet, VersionedModel


class StepNumber(models.IntegerChoices):
    INTENTION = 1, _("Intention")
    SITUATION = 2, _("État de situation et analyse")
    PLANNING = 3, _("Planification")
    IMPLEMENTATION = 4, _("Mise en œuvre")
    EVALUATION = 5, _("Évaluation et apprentissage")


class StepStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Non commencée")
    IN_PROGRESS = "in_progress", _("En cours")
    COMPLETED = "completed", _("Terminée")


class Cycle(VersionedModel):
    """One planning cycle of a partnership (typically a three-year plan), with its five steps."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="cycles")
    name = models.CharField(_("nom"), max_length=150)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    # The cycle this one continues (cycles.seeding): a cycle is continued once, so a second "start the next cycle"
    # sent at the same moment collides with the first instead of making a second next cycle.
    origin = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_cycle",
        verbose_name=_("cycle précédent"),
    )
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = PartnershipQuerySet.as_manager()
    # The partnership's current cycle, where the query that read this one said which it is (cycles.access.access_cycle:
    # the page's navigation then need not read it again); None where it is not known.
    current_cycle_pk: int | None = None

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="cycle_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.name

    def next_cycle_or_none(self) -> "Cycle | None":
        try:
            return self.next_cycle
        except Cycle.DoesNotExist:
            return None


class Step(VersionedModel):
    """One of a cycle's five steps; any step can be reopened, and the reason is kept in its history."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("étape"), choices=StepNumber.choices)
    status = models.CharField(_("statut"), max_length=20, choices=StepStatus.choices, default=StepStatus.NOT_STARTED)
    status_changed_at = models.DateTimeField(_("statut changé le"), null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")
        ordering = ["cycle", "number"]
        constraints = [models.UniqueConstraint(fields=["cycle", "number"], name="one_step_per_number_per_cycle")]

    def __str__(self) -> str:
        return f"{self.number}. {self.get_number_display()}"
