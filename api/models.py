import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import History, PartnershipQuerySet

TOKEN_PREFIX = "concerto_"
LAST_USED_PRECISION = timedelta(minutes=1)


def token_digest(secret: str) -> str:
    """What is kept of a token: its SHA-256. The secret itself is shown once, at its creation."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    # The prefix lets a person (and secret scanners) recognize a Concerto token pasted where it should not be.
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    """A person's personal API token: it acts as that person, in their partnerships and with their roles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nom"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    # Its last use is written without a history entry (ApiTokenQuerySet.mark_used): one per minute of use would
    # bury the entries that matter (created, revoked).
    history = History(excluded_fields=["last_used_at"])

    # A person's token spans all of their partnerships: its path to them goes through the person's memberships.
    PARTNERSHIP_PATH = "user__memberships__partnership"
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def needs_last_used_update(self, now) -> bool:
        return self.last_used_at is None or now - self.last_used_at >= LAST_USED_PRECISION

    def mark_used(self) -> None:
        """Note the token's use at most once a minute, with one UPDATE and no history entry."""
        now = timezone.now()
        if self.needs_last_used_update(now):
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
