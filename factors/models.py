from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.models import History, PartnershipQuerySet, VersionedModel
from core.systems import System, system_rank


class Bilingual(models.Model):
    """Reference text kept in both languages; `text("name")` gives the reader's language, French if empty."""

    class Meta:
        abstract = True

    def text(self, field: str) -> str:
        if (get_language() or "fr").startswith("en"):
            return getattr(self, f"{field}_en") or getattr(self, f"{field}_fr")
        return getattr(self, f"{field}_fr")

    @property
    def name(self) -> str:
        return self.text("name")


class CatalogueQuerySet(PartnershipQuerySet):
    def for_partnership(self, partnership) -> "CatalogueQuerySet":
        """The shared catalogue plus the partnership's own local records, never another partnership's."""
        return self.filter(models.Q(partnership__isnull=True) | models.Q(partnership=partnership))


class ProtectiveFactor(Bilingual, VersionedModel):
    """A protective factor of the reference catalogue (partnership empty) or a partnership's local factor."""

    system = models.CharField(_("système"), max_length=20, choices=System.choices)
    code = models.SlugField(_("code"), max_length=80)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_factors",
        verbose_name=_("regroupement (facteur local)"),
    )
    name_fr = models.CharField(_("nom (français)"), max_length=200)
    name_en = models.CharField(_("nom (anglais)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    key_facts_fr = models.TextField(_("faits saillants (français)"), blank=True)
    key_facts_en = models.TextField(_("faits saillants (anglais)"), blank=True)
    ideas_fr = models.TextField(_("pistes d'action (français)"), blank=True)
    ideas_en = models.TextField(_("pistes d'action (anglais)"), blank=True)
    sources = models.TextField(_("sources"), blank=True)
    to_validate = models.BooleanField(_("à valider"), default=False)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    catalogue_version = models.CharField(_("version du catalogue"), max_length=20, blank=True)
    history = History()

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("facteur de protection")
        verbose_name_plural = _("facteurs de protection")
        # Enfant, famille, communauté: the approach's order, not the alphabet's.
        ordering = [system_rank("system"), "position", "name_fr"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(partnership__isnull=True), name="unique_reference_factor_code"
            ),
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_local_factor_code"),
            models.UniqueConstraint(
                "partnership",
                Lower("name_fr"),
                condition=models.Q(partnership__isnull=False),
                name="unique_local_factor_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_local(self) -> bool:
        return self.partnership_id is not None

    @property
    def description(self) -> str:
        return self.text("description")

    @property
    def key_facts(self) -> list[str]:
        return _lines(self.text("key_facts"))

    @property
    def ideas(self) -> list[str]:
        return _lines(self.text("ideas"))

    @property
    def source_list(self) -> list[str]:
        return _lines(self.sources)


def _lines(text: str) -> list[str]:
    """Key facts, ideas and sources are kept one per line, so that an administrator edits them as plain text."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class FactorElement(Bilingual, VersionedModel):
    """A sub-element (composante) of a protective factor; a partnership may add local ones."""

    factor = models.ForeignKey(ProtectiveFactor, on_delete=models.CASCADE, related_name="elements")
    code = models.SlugField(_("code"), max_length=80)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_elements",
        verbose_name=_("regroupement (composante locale)"),
    )
    name_fr = models.CharField(_("nom (français)"), max_length=200)
    name_en = models.CharField(_("nom (anglais)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    to_validate = models.BooleanField(_("à valider"), default=False)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    history = History()

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("composante")
        verbose_name_plural = _("composantes")
        ordering = ["position", "name_fr"]
        # Codes are unique per factor within the reference catalogue and within each partnership, so that two
        # partnerships may name their local elements alike without learning of each other.
        constraints = [
            models.UniqueConstraint(
                fields=["factor", "code"],
                condition=models.Q(partnership__isnull=True),
                name="unique_reference_element_code",
            ),
            models.UniqueConstraint(fields=["factor", "partnership", "code"], name="unique_local_element_code"),
            models.UniqueConstraint(
                "factor",
                "partnership",
                Lower("name_fr"),
                condition=models.Q(partnership__isnull=False),
                name="unique_local_element_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_local(self) -> bool:
        return self.partnership_id is not None

    @property
    def description(self) -> str:
        return self.text("description")
