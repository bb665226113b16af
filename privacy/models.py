"""Québec's Law 25 in the installation: who is in charge, the notice people accept, the incident register."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PrivacySettings(models.Model):
    """The installation's one row (pk 1), kept by the site administrator in Django's admin."""

    organization_name = models.CharField(_("organisme qui exploite l'installation"), max_length=200, blank=True)
    officer_name = models.CharField(
        _("personne responsable de la protection des renseignements personnels"), max_length=150, blank=True
    )
    officer_title = models.CharField(_("fonction"), max_length=150, blank=True)
    officer_email = models.EmailField(_("courriel de la personne responsable"), blank=True)
    officer_phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    notice_version = models.PositiveIntegerField(
        _("version de l'avis de confidentialité"),
        default=1,
        help_text=_("Augmentez-la quand l'avis change : chaque personne devra l'accepter de nouveau."),
    )
    notice_updated_on = models.DateField(_("avis mis à jour le"), default=timezone.localdate)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("paramètres de confidentialité")
        verbose_name_plural = _("paramètres de confidentialité")

    def __str__(self) -> str:
        return str(_("Paramètres de confidentialité"))

    @classmethod
    def current(cls) -> "PrivacySettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row


class NoticeAcceptance(models.Model):
    """A person accepted a version of the privacy notice, at a moment."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_acceptances")
    version = models.PositiveIntegerField(_("version de l'avis"))
    accepted_at = models.DateTimeField(_("acceptée le"), default=timezone.now)

    class Meta:
        verbose_name = _("acceptation de l'avis de confidentialité")
        verbose_name_plural = _("acceptations de l'avis de confidentialité")
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="one_acceptance_per_notice_version")]

    def __str__(self) -> str:
        return f"{self.user_id} v{self.version}"


class ConfidentialityIncident(models.Model):
    """One entry of the register of confidentiality incidents (Law 25, art. 3.8 of the private-sector act)."""

    occurred_on = models.DateField(_("survenu le (ou début de la période)"), null=True, blank=True)
    discovered_on = models.DateField(_("constaté le"))
    nature = models.TextField(_("nature et circonstances de l'incident"))
    information_concerned = models.TextField(_("renseignements personnels visés"))
    people_concerned = models.TextField(_("personnes concernées"), help_text=_("Qui, et combien si on le sait."))
    people_count = models.PositiveIntegerField(_("nombre de personnes concernées"), null=True, blank=True)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership", blank=True, related_name="+", verbose_name=_("regroupements concernés")
    )
    serious_injury_risk = models.BooleanField(_("risque qu'un préjudice sérieux soit causé"), default=False)
    risk_assessment = models.TextField(_("évaluation du risque"), blank=True)
    measures = models.TextField(_("mesures prises pour diminuer les risques et éviter un nouvel incident"))
    commission_notified_on = models.DateField(_("Commission d'accès à l'information avisée le"), null=True, blank=True)
    people_notified_on = models.DateField(_("personnes concernées avisées le"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("inscrit au registre le"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[partnerships])

    class Meta:
        verbose_name = _("incident de confidentialité")
        verbose_name_plural = _("registre des incidents de confidentialité")
        ordering = ["-discovered_on"]

    def __str__(self) -> str:
        return f"{self.discovered_on:%Y-%m-%d} — {self.nature[:60]}"
