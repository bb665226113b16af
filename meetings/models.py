"""Outil 2: the meetings of a cycle, with their agenda, attendance, minutes and decisions.

A cycle's meetings form one series in the order of `position`: "the next meeting" is the following one. An
agenda item and a decision may name the one record they are about (a finding, a priority, an objective, a round of
the diagnostic, the plan's transformations and actions).
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from cycles.models import StepNumber


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def tool_numbers(text: str) -> list[int]:
    """The tools a meeting uses, kept as "1,2" in one column (nothing joins on them)."""
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


class Meeting(VersionedModel):
    """A meeting of the partnership in one step of a cycle."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="meetings")
    step = models.PositiveSmallIntegerField(_("étape"), choices=StepNumber.choices)
    position = models.PositiveSmallIntegerField(_("ordre"), default=1)
    title = models.CharField(_("titre"), max_length=200)
    date = models.DateField(_("date"), null=True, blank=True)
    starts_at = models.TimeField(_("début"), null=True, blank=True)
    ends_at = models.TimeField(_("fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=250, blank=True)
    online_link = models.URLField(_("lien de la rencontre en ligne"), blank=True)
    objectives = models.TextField(_("objectifs"), blank=True, help_text=_("Un objectif par ligne."))
    tools = models.CharField(_("outils utilisés"), max_length=60, blank=True)
    standard_code = models.SlugField(_("rencontre de la séquence type"), max_length=80, blank=True)
    invitations_sent_at = models.DateTimeField(_("invitations envoyées le"), null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    HISTORY_DISPLAY = {"tools": lambda value: ", ".join(str(n) for n in tool_numbers(value or ""))}
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("rencontre")
        verbose_name_plural = _("rencontres")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True)
                | models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["cycle", "standard_code"], condition=~models.Q(standard_code=""), name="one_standard_meeting"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def objective_list(self) -> list[str]:
        return _lines(self.objectives)

    @property
    def tool_numbers(self) -> list[int]:
        return tool_numbers(self.tools)

    @property
    def starts(self) -> datetime.datetime | None:
        """The start in the installation's time zone (America/Toronto), or None without a date and a time."""
        if self.date is None or self.starts_at is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.starts_at))

    @property
    def ends(self) -> datetime.datetime | None:
        if self.date is None or self.ends_at is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.ends_at))

    @property
    def is_past(self) -> bool:
        return self.date is not None and self.date < timezone.localdate()


# What an agenda item or a decision is about: at most one record, among these kinds (meetings/subjects.py says
# which records of each a cycle offers).
SUBJECT_FIELDS = ("finding", "priority", "objective", "transformation", "action", "round")


def _subject(model: str, label, *, on_delete, related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        model, on_delete=on_delete, null=True, blank=True, related_name=related_name, verbose_name=label
    )


def _one_subject_at_most(name: str) -> models.CheckConstraint:
    none = models.Q(**{f"{field}__isnull": True for field in SUBJECT_FIELDS})
    each = [models.Q(**{f"{other}__isnull": other != field for other in SUBJECT_FIELDS}) for field in SUBJECT_FIELDS]
    condition = none
    for only in each:
        condition |= only
    return models.CheckConstraint(condition=condition, name=name)


class SubjectMixin:
    """`subject`: the one record the row is about, or None."""

    @property
    def subject(self) -> models.Model | None:
        for field in SUBJECT_FIELDS:
            if getattr(self, f"{field}_id"):
                return getattr(self, field)
        return None

    @property
    def subject_key(self) -> str:
        """The subject as one value of a form's choice: "<field>:<pk>"."""
        for field in SUBJECT_FIELDS:
            if pk := getattr(self, f"{field}_id"):
                return f"{field}:{pk}"
        return ""


class AgendaItem(SubjectMixin, models.Model):
    """One item of a meeting's agenda; the agenda is saved as a whole set."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("ordre"))
    title = models.CharField(_("point"), max_length=250)
    presenter = models.CharField(_("présenté par"), max_length=150, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), null=True, blank=True)
    is_done = models.BooleanField(_("traité"), default=False)
    # An item only mentions its subject: the subject may go, the item stays.
    finding = _subject("analysis.Finding", _("constat"), on_delete=models.SET_NULL, related_name="agenda_items")
    priority = _subject("priorities.Priority", _("priorité"), on_delete=models.SET_NULL, related_name="agenda_items")
    objective = _subject("priorities.Objective", _("objectif"), on_delete=models.SET_NULL, related_name="agenda_items")
    transformation = _subject(
        "plan.DesiredChange", _("transformation souhaitée"), on_delete=models.SET_NULL, related_name="agenda_items"
    )
    action = _subject("plan.Action", _("action"), on_delete=models.SET_NULL, related_name="agenda_items")
    round = _subject(
        "diagnostic.Round",
        _("passation de l'outil diagnostique"),
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("reporté de"),
    )
    follows_task = models.ForeignKey(
        "DecisionTask", on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items"
    )
    history = History()

    PARTNERSHIP_PATH = "meeting__cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("point à l'ordre du jour")
        verbose_name_plural = _("points à l'ordre du jour")
        ordering = ["position", "id"]
        constraints = [
            _one_subject_at_most("agenda_item_about_one_record_at_most"),
            models.UniqueConstraint(
                fields=["meeting", "carried_from"], condition=models.Q(carried_from__isnull=False), name="carried_once"
            ),
            models.UniqueConstraint(
                fields=["meeting", "follows_task"], condition=models.Q(follows_task__isnull=False), name="followed_once"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Presence(models.TextChoices):
    PRESENT = "present", _("Présent·e")
    EXCUSED = "excused", _("Excusé·e")
    ABSENT = "absent", _("Absent·e")


class Attendance(models.Model):
    """Whether a member, or an organization, was present at a meeting; the list is saved as a whole set."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(
        "partnerships.Membership", on_delete=models.CASCADE, null=True, blank=True, related_name="attendances"
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="attendances"
    )
    status = models.CharField(_("présence"), max_length=10, choices=Presence.choices)
    history = History()

    PARTNERSHIP_PATH = "meeting__cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(membership__isnull=True, organization__isnull=False)
                | models.Q(membership__isnull=False, organization__isnull=True),
                name="attendance_of_a_member_or_an_organization",
            ),
            models.UniqueConstraint(
                fields=["meeting", "membership"], condition=models.Q(membership__isnull=False), name="one_member_row"
            ),
            models.UniqueConstraint(
                fields=["meeting", "organization"],
                condition=models.Q(organization__isnull=False),
                name="one_organization_row",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership or self.organization}: {self.get_status_display()}"


class Minutes(VersionedModel):
    """A meeting's minutes (compte rendu): a draft until a later meeting approves them, then frozen."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    content = models.TextField(_("compte rendu"), blank=True)
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("approuvé à la rencontre"),
    )
    approved_on = models.DateField(_("approuvé le"), null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "meeting__cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("compte rendu")
        verbose_name_plural = _("comptes rendus")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_approved(self) -> bool:
        return self.approved_at_id is not None


class Decision(SubjectMixin, VersionedModel):
    """What a meeting decided, and the record it decided about: a link of the chain (a decision depends on its
    record, whose page lists it). A record a decision was taken about cannot be deleted while the decision
    stands: the group's record of what it decided must stay true."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("décision"))
    finding = _subject("analysis.Finding", _("constat"), on_delete=models.PROTECT, related_name="decisions")
    priority = _subject("priorities.Priority", _("priorité"), on_delete=models.PROTECT, related_name="decisions")
    objective = _subject("priorities.Objective", _("objectif"), on_delete=models.PROTECT, related_name="decisions")
    transformation = _subject(
        "plan.DesiredChange", _("transformation souhaitée"), on_delete=models.PROTECT, related_name="decisions"
    )
    action = _subject("plan.Action", _("action"), on_delete=models.PROTECT, related_name="decisions")
    round = _subject(
        "diagnostic.Round", _("passation de l'outil diagnostique"), on_delete=models.PROTECT, related_name="decisions"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("consignée le"), auto_now_add=True)
    history = History()

    PARTNERSHIP_PATH = "meeting__cycle__partnership"
    CHAIN = ChainNode(
        page="meetings:meeting_detail",
        kwargs={"cycle_pk": "meeting__cycle_id", "meeting_pk": "meeting_id"},
        anchor="decision-{id}",
        comes_from=SUBJECT_FIELDS,
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")
        ordering = ["meeting__position", "id"]
        constraints = [_one_subject_at_most("decision_about_one_record_at_most")]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79].rstrip() + "…"


class DecisionTask(VersionedModel):
    """A follow-up of a decision (suivi de décision): what to do, who does it, by when."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="tasks")
    description = models.CharField(_("suivi"), max_length=300)
    assignee = models.ForeignKey(
        "partnerships.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision_tasks",
        verbose_name=_("responsable"),
    )
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    done_on = models.DateField(_("fait le"), null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "decision__meeting__cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("suivi de décision")
        verbose_name_plural = _("suivis de décision")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def is_open(self) -> bool:
        return self.done_on is None


def _feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret address for the iCalendar feed of their partnerships' meetings. Revoking it ends the
    address at once; a new one can be made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    token = models.CharField(max_length=64, unique=True, default=_feed_token, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    history = History()

    # A person's feed spans all of their partnerships: its path to them goes through the person's memberships.
    PARTNERSHIP_PATH = "user__memberships__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendrier personnel")
        verbose_name_plural = _("calendriers personnels")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="one_active_feed_per_person"
            )
        ]

    def __str__(self) -> str:
        return str(self.user)
