import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import History, PartnershipQuerySet, VersionedModel


def commitment_document_path(instance: "Commitment", filename: str) -> str:
    """Random names: an uploaded file's name never reveals or collides with another partnership's."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"commitments/{uuid.uuid4().hex}{suffix}"


class Commitment(VersionedModel):
    """An organization's commitment to the partnership for one cycle (step 1)."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="commitments")
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("organisme"),
    )
    committed_on = models.DateField(_("date de l'engagement"))
    representative_name = models.CharField(_("signé par"), max_length=150)
    statement = models.TextField(_("ce à quoi l'organisme s'engage"))
    document = models.FileField(_("document signé"), upload_to=commitment_document_path, blank=True)
    document_name = models.CharField(_("nom du document"), max_length=200, blank=True)
    document_type = models.CharField(_("type du document"), max_length=50, blank=True)
    history = History()

    PARTNERSHIP_PATH = "cycle__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "organization"], name="one_commitment_per_organization_per_cycle")
        ]

    def __str__(self) -> str:
        return str(self.organization)

    @property
    def document_kind(self) -> str:
        """PDF, PNG or JPEG: the type read from the file's content when it was uploaded."""
        return {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}.get(self.document_type, "")


class QuorumRule(models.TextChoices):
    NONE = "", _("Les règles ne fixent pas de quorum")
    MAJORITY = "majority", _("La majorité des organismes partenaires représentés (la moitié plus un)")
    ORGANIZATIONS = "organizations", _("Un nombre d'organismes partenaires représentés")
    SHARE = "share", _("Un pourcentage des organismes partenaires représentés")


class OperatingRules(VersionedModel):
    """One version of the partnership's rules of operation (règles de fonctionnement).

    A version is edited until the group adopts it; an adopted version is frozen, and changes start a new one.
    """

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="operating_rules"
    )
    number = models.PositiveIntegerField(_("numéro de version"))
    content = models.TextField(_("texte des règles"), blank=True)
    # The quorum the text states, also as a number, so that a meeting's attendance can be checked against it. It
    # counts organizations, not people: in a partnership each organization has a voice, whoever represents it.
    quorum_rule = models.CharField(_("quorum"), max_length=20, choices=QuorumRule.choices, blank=True, default="")
    quorum_value = models.PositiveSmallIntegerField(_("valeur du quorum"), null=True, blank=True)
    adopted_on = models.DateField(_("adoptées le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("créée par")
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("règles de fonctionnement")
        verbose_name_plural = _("règles de fonctionnement")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["partnership", "number"], name="unique_operating_rules_version")]

    def __str__(self) -> str:
        return str(_("Version %(number)s") % {"number": self.number})

    @property
    def is_adopted(self) -> bool:
        return self.adopted_on is not None

    def quorum_for(self, organization_count: int) -> int | None:
        """How many organizations must be represented, out of the partnership's `organization_count`."""
        if self.quorum_rule == QuorumRule.MAJORITY:
            return organization_count // 2 + 1
        if self.quorum_rule == QuorumRule.ORGANIZATIONS and self.quorum_value:
            return self.quorum_value
        if self.quorum_rule == QuorumRule.SHARE and self.quorum_value:
            return -(-organization_count * self.quorum_value // 100)  # rounded up: 50 % of 7 is 4
        return None

    @property
    def quorum_text(self) -> str:
        if self.quorum_rule == QuorumRule.MAJORITY:
            return str(_("la majorité des organismes partenaires représentés"))
        if self.quorum_rule == QuorumRule.ORGANIZATIONS and self.quorum_value:
            return str(_("%(count)s organismes partenaires représentés") % {"count": self.quorum_value})
        if self.quorum_rule == QuorumRule.SHARE and self.quorum_value:
            return str(_("%(share)s %% des organismes partenaires représentés") % {"share": self.quorum_value})
        return ""
