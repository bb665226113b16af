"""Bench data and pages for Outil 7: every organization's row of the matrix, about two thirds filled."""

import random

from django.db.models import Prefetch, Q
from django.urls import reverse

from cycles.models import Cycle
from factors.models import FactorElement, ProtectiveFactor
from partnerships.models import Partnership

from .models import ActionKind, FactorIntervention, Intensity


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    elements = FactorElement.objects.filter(Q(partnership__isnull=True) | Q(partnership=partnership))
    factors = list(
        ProtectiveFactor.objects.for_partnership(partnership)
        .prefetch_related(Prefetch("elements", queryset=elements))
        .order_by("pk")
    )
    cells = []
    for organization in organizations:
        for factor in factors:
            if rng.random() < 0.66:
                cells.append(_cell(organization, factor, None, rng))
            elements = list(factor.elements.all())
            if elements and rng.random() < 0.15:
                cells.append(_cell(organization, factor, rng.choice(elements), rng))
    FactorIntervention.objects.bulk_create(cells)


def _cell(organization, factor, element, rng: random.Random) -> FactorIntervention:
    kinds = set(rng.sample(ActionKind.values, rng.randint(0, 2)))
    return FactorIntervention(
        organization=organization,
        factor=factor,
        element=element,
        intensity=rng.choice(Intensity.values),
        kinds=[code for code in ActionKind.values if code in kinds],
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    slug = partnership.slug
    return [
        ("Outil 7 matrice", reverse("coverage:matrix", kwargs={"slug": slug})),
        ("Outil 7 matrice détaillée", reverse("coverage:matrix", kwargs={"slug": slug}) + "?detail=1"),
        ("Outil 7 carte de couverture", reverse("coverage:heatmap", kwargs={"slug": slug})),
    ]
