import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import by_name
from core.models import History, PartnershipQuerySet, VersionedModel


class Region(models.TextChoices):
    """The 17 administrative regions of Québec, by their official number."""

    BAS_SAINT_LAURENT = "01", _("01 — Bas-Saint-Laurent")
    SAGUENAY = "02", _("02 — Saguenay–Lac-Saint-Jean")
    CAPITALE_NATIONALE = "03", _("03 — Capitale-Nationale")
    MAURICIE = "04", _("04 — Mauricie")
    ESTRIE = "05", _("05 — Estrie")
    MONTREAL = "06", _("06 — Montréal")
    OUTAOUAIS = "07", _("07 — Outaouais")
    ABITIBI = "08", _("08 — Abitibi-Témiscamingue")
    COTE_NORD = "09", _("09 — Côte-Nord")
    NORD_DU_QUEBEC = "10", _("10 — Nord-du-Québec")
    GASPESIE = "11", _("11 — Gaspésie–Îles-de-la-Madeleine")
    CHAUDIERE_APPALACHES = "12", _("12 — Chaudière-Appalaches")
    LAVAL = "13", _("13 — Laval")
    LANAUDIERE = "14", _("14 — Lanaudière")
    LAURENTIDES = "15", _("15 — Laurentides")
    MONTEREGIE = "16", _("16 — Montérégie")
    CENTRE_DU_QUEBEC = "17", _("17 — Centre-du-Québec")


class Partnership(VersionedModel):
    """The tenant: one local early-childhood partnership (regroupement local de partenaires)."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    region = models.CharField(_("région administrative"), max_length=2, choices=Region.choices)
    description = models.TextField(_("description"), blank=True)
    intention_statement = models.TextField(_("intention commune"), blank=True)
    coordinators_need_mfa = models.BooleanField(
        _("double authentification exigée pour la coordination"),
        default=False,
        help_text=_(
            "Les personnes à la coordination devront activer une application d'authentification pour accéder au "
            "regroupement."
        ),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    history = History()

    class Meta:
        verbose_name = _("regroupement")
        verbose_name_plural = _("regroupements")
        ordering = [by_name("name")]

    def __str__(self) -> str:
        return self.name


class TerritoryKind(models.TextChoices):
    """From the largest to the smallest: a territory lies in one of a larger kind."""

    RLS = "rls", _("RLS")
    MRC = "mrc", _("MRC")
    MUNICIPALITY = "municipality", _("Municipalité")
    NEIGHBOURHOOD = "neighbourhood", _("Quartier")

    @property
    def larger(self) -> list["TerritoryKind"]:
        kinds = list(TerritoryKind)
        return kinds[: kinds.index(self)]


class Territory(models.Model):
    """One named part of the partnership's local territory (an RLS, an MRC, a municipality, a neighbourhood)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="territories")
    kind = models.CharField(_("type"), max_length=20, choices=TerritoryKind.choices)
    name = models.CharField(_("nom"), max_length=150)
    # The larger territory it lies in (a municipality in its MRC, a neighbourhood in its municipality): counts of
    # Outil 6 add up from the smaller to the larger.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("fait partie de"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "kind", "name"], name="unique_territory_per_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordination")
    COMMITTEE = "committee", _("Membre du comité de coordination")
    PARTNER = "partner", _("Représentant·e d'un organisme partenaire")
    OBSERVER = "observer", _("Observateur·rice")


class Membership(VersionedModel):
    """A person's place and rights in one partnership."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("organisme représenté"),
    )
    joined_at = models.DateTimeField(_("membre depuis"), auto_now_add=True)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        constraints = [models.UniqueConstraint(fields=["partnership", "user"], name="one_membership_per_partnership")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=14)


class InvitationQuerySet(PartnershipQuerySet):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed invitation to join a partnership with a role; the link carries a secret token."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse courriel"))
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisme représenté"),
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invité par")
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                "partnership",
                "email",
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    def replacement_exists(self) -> bool:
        """A newer invitation of the same address to the same partnership (sent by "Renvoyer")."""
        return Invitation.objects.filter(
            partnership_id=self.partnership_id, email__iexact=self.email, created_at__gt=self.created_at
        ).exists()
