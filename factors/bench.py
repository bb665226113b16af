"""Bench data and pages for the protective-factor catalogue (Outils 3 and 4)."""

import random

from django.urls import reverse

from core.systems import System
from cycles.models import Cycle
from partnerships.models import Partnership

from .models import FactorElement, ProtectiveFactor


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    """A couple of local factors, each with a local element, as a partnership typically adds."""
    reference = list(ProtectiveFactor.objects.filter(partnership__isnull=True).order_by("pk")[:10])
    for number in range(1, 3):
        factor = ProtectiveFactor.objects.create(
            partnership=partnership,
            system=rng.choice(System.values),
            code=f"local-banc-{number}",
            name_fr=f"Facteur local {number}",
            description_fr="Facteur ajouté par le regroupement.",
            position=50 + number,
        )
        FactorElement.objects.create(
            factor=factor, partnership=partnership, code="local-composante", name_fr="Composante locale"
        )
    if reference:
        FactorElement.objects.create(
            factor=rng.choice(reference), partnership=partnership, code="local-banc", name_fr="Précision locale"
        )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    slug = partnership.slug
    result = [
        ("Outil 3", reverse("factors:summary", kwargs={"slug": slug})),
        ("Outil 4 index", reverse("factors:sheets", kwargs={"slug": slug})),
    ]
    factor = ProtectiveFactor.objects.for_partnership(partnership).first()
    if factor is not None:
        result.append(("Outil 4 fiche", reverse("factors:sheet", kwargs={"slug": slug, "factor_pk": factor.pk})))
    return result
