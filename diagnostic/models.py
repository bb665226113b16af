"""Outil 13: the partnership's self-diagnostic. A questionnaire (reference data, or a partnership's own wording)
has conditions and items; a round asks the invited members to answer it.

Anonymity is built into the tables: an anonymous round's `Answer` names no person and keeps no history, no
timestamp and no order (random primary keys, rewritten in random order at every answer: see services); who has
answered is a separate `Participation`. Nothing in the database ties one to the other.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel
from factors.models import Bilingual

# Results of an anonymous round are shown from this many answers: fewer would let members guess who said what.
ANONYMITY_THRESHOLD = 3


class Grade(models.TextChoices):
    A = "a", _("A — bien présente")
    B = "b", _("B — en partie")
    C = "c", _("C — peu ou pas présente")


class QuestionnaireQuerySet(PartnershipQuerySet):
    def for_partnership(self, partnership) -> "QuestionnaireQuerySet":
        """The reference questionnaires plus the partnership's own wordings, never another partnership's."""
        path = self.model.PARTNERSHIP_PATH
        return self.filter(models.Q(**{f"{path}__isnull": True}) | models.Q(**{path: partnership}))


class Questionnaire(Bilingual, models.Model):
    """One version of the questionnaire: the reference (partnership empty) or a partnership's own wording.

    A version is never changed once loaded, so that a round always shows what its members answered."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="diagnostic_questionnaires",
        verbose_name=_("regroupement (libellé propre)"),
    )
    version = models.CharField(_("version"), max_length=40)
    name_fr = models.CharField(_("nom (français)"), max_length=200)
    name_en = models.CharField(_("nom (anglais)"), max_length=200, blank=True)
    loaded_at = models.DateTimeField(_("chargé le"), default=timezone.now)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-loaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version"], condition=models.Q(partnership__isnull=True), name="unique_reference_version"
            ),
            models.UniqueConstraint(fields=["partnership", "version"], name="unique_own_questionnaire_version"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    @property
    def is_own(self) -> bool:
        return self.partnership_id is not None


class Condition(Bilingual, models.Model):
    """One of the six conditions of effective partnership, in one questionnaire."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="conditions")
    code = models.SlugField(_("code"), max_length=80)
    position = models.PositiveSmallIntegerField(_("ordre"))
    name_fr = models.CharField(_("nom (français)"), max_length=250)
    name_en = models.CharField(_("nom (anglais)"), max_length=250, blank=True)
    history = History()

    PARTNERSHIP_PATH = "questionnaire__partnership"
    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="unique_condition_code")]

    def __str__(self) -> str:
        return self.name


class Item(Bilingual, models.Model):
    """One item (énoncé) and its three graded statements: A (strong), B (moderate), C (weak)."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField(_("code"), max_length=80)
    position = models.PositiveSmallIntegerField(_("ordre"))
    text_fr = models.TextField(_("énoncé (français)"))
    text_en = models.TextField(_("énoncé (anglais)"), blank=True)
    a_fr = models.TextField(_("A (français)"))
    a_en = models.TextField(_("A (anglais)"), blank=True)
    b_fr = models.TextField(_("B (français)"))
    b_en = models.TextField(_("B (anglais)"), blank=True)
    c_fr = models.TextField(_("C (français)"))
    c_en = models.TextField(_("C (anglais)"), blank=True)
    history = History()

    PARTNERSHIP_PATH = "condition__questionnaire__partnership"
    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("énoncé")
        verbose_name_plural = _("énoncés")
        ordering = ["condition__position", "position"]

    def __str__(self) -> str:
        return self.text("text")

    @property
    def wording(self) -> str:
        return self.text("text")

    def statement(self, grade: str) -> str:
        return self.text(grade)

    @property
    def statements(self) -> list[tuple[str, str]]:
        return [(grade.upper(), self.statement(grade)) for grade in ("a", "b", "c")]


class Round(VersionedModel):
    """A round (passation) of the questionnaire among the invited members, open until its closing date."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="diagnostic_rounds"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("questionnaire")
    )
    title = models.CharField(_("titre"), max_length=200)
    is_anonymous = models.BooleanField(_("passation anonyme"), default=True)
    closes_on = models.DateField(_("date de fermeture"))
    invitees = models.ManyToManyField(
        "partnerships.Membership", related_name="diagnostic_invitations", verbose_name=_("membres invités")
    )
    opened_at = models.DateTimeField(_("ouverte le"), default=timezone.now)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    closed_at = models.DateTimeField(_("fermée le"), null=True, blank=True)
    history = History(m2m_fields=[invitees])

    PARTNERSHIP_PATH = "partnership"
    # In the chain: the decisions a meeting takes about a round's results depend on it.
    CHAIN = ChainNode(page="diagnostic:round_detail", kwargs={"round_pk": "pk"})
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("passation")
        verbose_name_plural = _("passations")
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Open until closed by hand or until the end of its closing date (America/Toronto)."""
        return self.closed_at is None and timezone.localdate() <= self.closes_on


class Participation(models.Model):
    """That a member has answered a round, and when: all that is kept about a person in an anonymous round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participations")
    membership = models.ForeignKey(
        "partnerships.Membership", on_delete=models.SET_NULL, null=True, related_name="diagnostic_participations"
    )
    answered_at = models.DateTimeField(_("a répondu le"), default=timezone.now)
    history = History()

    PARTNERSHIP_PATH = "round__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["answered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "membership"], name="one_answer_per_member")]

    def __str__(self) -> str:
        return f"{self.round_id}/{self.membership_id}"


class Answer(models.Model):
    """One member's answer to a whole round: a grade and an optional comment per item, by item code.

    Deliberately without history, timestamps or sequential key. In a named round `membership` says whose it is;
    in an anonymous round it is empty and `receipt_digest` (the hash of a code only the member keeps) is the
    only way back to it, for the member who wants to change it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    membership = models.ForeignKey(
        "partnerships.Membership", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    receipt_digest = models.CharField(max_length=64, blank=True)
    grades = models.JSONField(default=dict)
    comments = models.JSONField(default=dict)

    PARTNERSHIP_PATH = "round__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "membership"],
                condition=models.Q(membership__isnull=False),
                name="one_named_answer_per_member",
            ),
            models.CheckConstraint(
                condition=models.Q(membership__isnull=True) | models.Q(receipt_digest=""),
                name="named_answer_has_no_receipt",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Réponse"))
