from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.chain import ChainNode
from core.models import History, PartnershipQuerySet, VersionedModel

# A cell of the matrix: (factor pk, element pk or None for the factor as a whole).
CellKey = tuple[int, int | None]


class Intensity(models.IntegerChoices):
    NONE = 0, _("Aucune")
    OCCASIONAL = 1, _("Ponctuelle")
    REGULAR = 2, _("Régulière")
    CORE = 3, _("Au cœur de la mission")


class ActionKind(models.TextChoices):
    AWARENESS = "awareness", _("Sensibilisation, information")
    CHILDREN = "children", _("Activités directes auprès des enfants")
    PARENTS = "parents", _("Soutien aux parents")
    TRAINING = "training", _("Formation des intervenant·es")
    ENVIRONMENT = "environment", _("Aménagement, environnement")
    CONCERTATION = "concertation", _("Concertation, représentation")


# Short visible codes for the cells of the matrix, explained in the legend. The context keeps these tiny msgids
# apart from any other "Par" or "Form" a translator may meet.
_ABBREVIATION = "abréviation d'un type d'action"
KIND_ABBREVIATIONS = {
    ActionKind.AWARENESS: pgettext_lazy(_ABBREVIATION, "Sens"),
    ActionKind.CHILDREN: pgettext_lazy(_ABBREVIATION, "Enf"),
    ActionKind.PARENTS: pgettext_lazy(_ABBREVIATION, "Par"),
    ActionKind.TRAINING: pgettext_lazy(_ABBREVIATION, "Form"),
    ActionKind.ENVIRONMENT: pgettext_lazy(_ABBREVIATION, "Amén"),
    ActionKind.CONCERTATION: pgettext_lazy(_ABBREVIATION, "Conc"),
}


class KindLabel(NamedTuple):
    abbreviation: str
    label: str


class FactorIntervention(VersionedModel):
    """One organization's action on one protective factor (or one of its sub-elements): a cell of Outil 7."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("organisme"),
    )
    factor = models.ForeignKey(
        "factors.ProtectiveFactor",
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("facteur de protection"),
    )
    element = models.ForeignKey(
        "factors.FactorElement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("composante"),
    )
    intensity = models.PositiveSmallIntegerField(_("intensité"), choices=Intensity.choices, default=Intensity.NONE)
    # A short list of ActionKind codes: never filtered or counted in the database, so one column is enough.
    kinds = models.JSONField(_("types d'action"), default=list, blank=True)
    note = models.CharField(_("précisions"), max_length=300, blank=True)
    history = History()

    PARTNERSHIP_PATH = "organization__partnership"
    HISTORY_DISPLAY = {"kinds": lambda codes: ", ".join(kind_labels(codes)) or "—"}
    # No page of its own: a cell is shown on its organization's row of the matrix.
    CHAIN = ChainNode(
        page="coverage:matrix",
        kwargs={},
        anchor="organisme-{organization_id}",
        select_related=("organization", "factor"),
    )
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervention sur un facteur")
        verbose_name_plural = _("interventions sur les facteurs")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "factor"],
                condition=models.Q(element__isnull=True),
                name="one_intervention_per_organization_factor",
            ),
            models.UniqueConstraint(
                fields=["organization", "factor", "element"], name="one_intervention_per_organization_element"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.factor}"

    @property
    def kind_labels(self) -> list[str]:
        return kind_labels(self.kinds)


def kind_labels(codes: list[str]) -> list[str]:
    """Labels of the known kinds, in the order of ActionKind (codes no longer offered are left out)."""
    wanted = set(codes or ())
    return [str(label) for code, label in ActionKind.choices if code in wanted]


def kind_legend(codes: list[str] | None = None) -> list[KindLabel]:
    """Abbreviation and label of the given kinds (all of them when codes is None), in the order of ActionKind."""
    wanted = set(ActionKind.values if codes is None else codes)
    return [
        KindLabel(str(KIND_ABBREVIATIONS[ActionKind(code)]), str(label))
        for code, label in ActionKind.choices
        if code in wanted
    ]
