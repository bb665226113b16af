from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from core.systems import system_rank


class VoteMethod(models.TextChoices):
    POINTS = "points", _("Répartition de points")
    RANKING = "ranking", _("Classement")


class VoteStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    OPEN = "open", _("Ouvert")
    CLOSED = "closed", _("Fermé")


class Vote(models.Model):
    """A vote among members on the candidate priorities of one cycle.

    The candidates are copied when the vote is created, so that marking other findings later does not change
    what people are voting on.
    """

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="priority_votes")
    title = models.CharField(_("titre"), max_length=200)
    method = models.CharField(_("mode de vote"), max_length=10, choices=VoteMethod.choices)
    points_per_member = models.PositiveSmallIntegerField(_("points par membre"), null=True, blank=True)
    max_points_per_finding = models.PositiveSmallIntegerField(_("maximum de points par constat"), null=True, blank=True)
    is_anonymous = models.BooleanField(_("vote anonyme"), default=False)
    status = models.CharField(_("statut"), max_length=10, choices=VoteStatus.choices, default=VoteStatus.DRAFT)
    candidates = models.ManyToManyField("analysis.Finding", related_name="priority_votes", verbose_name=_("constats"))
    opened_at = models.DateTimeField(_("ouvert le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("fermé le"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    history = History(m2m_fields=[candidates])

    PARTNERSHIP_PATH = "cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(method="ranking") | models.Q(points_per_member__gte=1),
                name="points_vote_has_points_per_member",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == VoteStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == VoteStatus.CLOSED

    @property
    def is_points(self) -> bool:
        return self.method == VoteMethod.POINTS


class Ballot(models.Model):
    """One member's points for, or rank of, one candidate in one vote. Only findings given something are stored.

    A member who leaves the partnership keeps their ballots (member set to null), so a closed vote's result
    does not change afterwards.
    """

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    member = models.ForeignKey(
        "partnerships.Membership", on_delete=models.SET_NULL, null=True, related_name="priority_ballots"
    )
    finding = models.ForeignKey("analysis.Finding", on_delete=models.CASCADE, related_name="priority_ballots")
    points = models.PositiveSmallIntegerField(_("points"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rang"), null=True, blank=True)
    cast_at = models.DateTimeField(_("déposé le"), auto_now_add=True)
    history = History()

    PARTNERSHIP_PATH = "vote__cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        constraints = [
            models.UniqueConstraint(fields=["vote", "member", "finding"], name="one_ballot_per_member_and_finding"),
            models.CheckConstraint(
                condition=(models.Q(points__isnull=False, rank__isnull=True))
                | (models.Q(points__isnull=True, rank__gte=1)),
                name="ballot_has_points_or_rank",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vote_id}/{self.member_id}/{self.finding_id}"


class Priority(models.Model):
    """A finding the group chose as a priority of the cycle, in the group's order."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="priorities")
    finding = models.ForeignKey(
        "analysis.Finding", on_delete=models.PROTECT, related_name="priorities", verbose_name=_("constat")
    )
    position = models.PositiveSmallIntegerField(_("rang"), default=1)
    vote = models.ForeignKey(
        Vote, on_delete=models.SET_NULL, null=True, blank=True, related_name="priorities", verbose_name=_("vote")
    )
    note = models.TextField(_("note"), blank=True)
    chosen_at = models.DateTimeField(_("retenue le"), auto_now_add=True)
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    # Shown in the table of the group's choice on Outil 8's overview.
    CHAIN = ChainNode(
        page="priorities:home",
        kwargs={"cycle_pk": "cycle_id"},
        anchor="priorite-{id}",
        comes_from=("finding",),
        select_related=("finding",),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("priorité")
        verbose_name_plural = _("priorités")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["cycle", "finding"], name="one_priority_per_finding")]

    def __str__(self) -> str:
        return f"{self.position}. {self.finding}"


class SelectedFactor(models.Model):
    """A protective factor the cycle's plan will target."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="selected_factors")
    factor = models.ForeignKey(
        "factors.ProtectiveFactor",
        on_delete=models.CASCADE,
        related_name="selections",
        verbose_name=_("facteur de protection"),
    )
    rationale = models.TextField(_("justification"), blank=True)
    selected_at = models.DateTimeField(_("retenu le"), auto_now_add=True)
    selected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("facteur retenu")
        verbose_name_plural = _("facteurs retenus")
        ordering = [system_rank("factor__system"), "factor__position", "id"]
        constraints = [models.UniqueConstraint(fields=["cycle", "factor"], name="one_selection_per_factor")]

    def __str__(self) -> str:
        return str(self.factor)


class Objective(VersionedModel):
    """What the plan aims at, answering priorities through selected protective factors.

    The entry point of the action plan: desired transformations, indicators and actions hang from it.
    """

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(_("objectif"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=1)
    priorities = models.ManyToManyField(
        Priority, blank=True, related_name="objectives", verbose_name=_("priorités visées")
    )
    factors = models.ManyToManyField(
        "factors.ProtectiveFactor", blank=True, related_name="objectives", verbose_name=_("facteurs de protection")
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    origin = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copié de"),
    )
    history = History(m2m_fields=[priorities, factors])

    PARTNERSHIP_PATH = "cycle__partnership"
    CHAIN = ChainNode(
        page="priorities:objective_detail",
        kwargs={"cycle_pk": "cycle_id", "objective_pk": "pk"},
        comes_from=("priorities", "origin"),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def factors_without_priority(self) -> list:
        """The factors it targets that none of its priorities' findings names: an objective answers its priorities
        through their factors (read from the prefetched links when the selector gave them)."""
        named = {factor.pk for priority in self.priorities.all() for factor in priority.finding.factors.all()}
        return [factor for factor in self.factors.all() if factor.pk not in named]
