from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Their rights in a partnership come from their Membership, never from this row."""

    email = models.EmailField(_("adresse courriel"), unique=True)
    full_name = models.CharField(_("nom complet"), max_length=150)
    is_staff = models.BooleanField(_("accès à l'administration technique"), default=False)
    is_active = models.BooleanField(_("actif"), default=True)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)
    # Set when the person closed their account (privacy.services.account_close): name and address are gone.
    closed_at = models.DateTimeField(_("compte fermé le"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        if self.closed_at:
            return self.closed_label()
        return self.full_name or self.email

    def closed_label(self) -> str:
        """What the partnership's records show instead of the name of someone who closed their account."""
        return _("Ancien membre n° %(number)s") % {"number": self.pk}

    @property
    def is_site_admin(self) -> bool:
        """Site administrators create partnerships and keep reference data; they see no partnership's data."""
        return self.is_active and self.is_superuser

    def get_full_name(self) -> str:
        return self.closed_label() if self.closed_at else self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class ReminderFrequency(models.TextChoices):
    DAILY = "daily", _("Chaque jour")
    WEEKLY = "weekly", _("Une fois par semaine, le lundi")
    NEVER = "never", _("Jamais")


class ReminderLanguage(models.TextChoices):
    FRENCH = "fr", "Français"
    ENGLISH = "en", "English"


class ReminderPreference(models.Model):
    """How a person wants Outil 11's reminders: how often (a daily digest unless they choose otherwise) and in
    which language. One per person; no row means the defaults."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="reminder_preference")
    frequency = models.CharField(
        _("rappels des suivis à remettre"),
        max_length=10,
        choices=ReminderFrequency.choices,
        default=ReminderFrequency.DAILY,
    )
    language = models.CharField(
        _("langue des courriels"), max_length=2, choices=ReminderLanguage.choices, default=ReminderLanguage.FRENCH
    )

    class Meta:
        verbose_name = _("préférence de rappel")
        verbose_name_plural = _("préférences de rappel")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_frequency_display()}"
