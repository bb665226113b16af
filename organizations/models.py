from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.collation import by_name
from core.models import History, PartnershipQuerySet, VersionedModel


class Sector(models.TextChoices):
    CHILDCARE = "childcare", _("Service de garde / CPE")
    FAMILY_COMMUNITY = "family_community", _("Organisme communautaire Famille")
    SCHOOL = "school", _("École / centre de services scolaire")
    MUNICIPALITY = "municipality", _("Municipalité / MRC")
    HEALTH = "health", _("CISSS / CIUSSS / CLSC")
    LIBRARY = "library", _("Bibliothèque")
    COMMUNITY = "community", _("Autre organisme communautaire")
    FUNDER = "funder", _("Bailleur de fonds / fondation")
    OTHER = "other", _("Autre")


class OrganizationQuerySet(PartnershipQuerySet):
    def search(self, text: str) -> "OrganizationQuerySet":
        if not text:
            return self
        return self.filter(
            models.Q(name__icontains=text)
            | models.Q(mission__icontains=text)
            | models.Q(territory_served__icontains=text)
        )


class Organization(VersionedModel):
    """A partner organization of one partnership (CPE, maison de la famille, école, municipalité, CISSS…)."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(_("nom"), max_length=200)
    sector = models.CharField(_("secteur"), max_length=30, choices=Sector.choices)
    mission = models.TextField(_("mission"), blank=True)
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    city = models.CharField(_("municipalité"), max_length=100, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=7, blank=True)
    territory_served = models.CharField(_("territoire desservi"), max_length=300, blank=True)
    contact_name = models.CharField(_("personne-ressource"), max_length=150, blank=True)
    contact_email = models.EmailField(_("courriel"), blank=True)
    contact_phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    website = models.URLField(_("site web"), blank=True)
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)
    history = History()

    PARTNERSHIP_PATH = "partnership"
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisme partenaire")
        verbose_name_plural = _("organismes partenaires")
        ordering = [by_name("name")]
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="unique_organization_name_per_partnership")
        ]

    def __str__(self) -> str:
        return self.name
