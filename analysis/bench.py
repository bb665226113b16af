"""Bench data and pages of Outil 5: about 100 statistics, 40 observations and 30 findings per partnership.

Services and factor interventions are generated after this app, so findings cite statistics, observations
and factors only. Rows are written in bulk: the bench measures pages, not the history of generated data.
"""

import random
from decimal import Decimal

from django.urls import reverse
from django.utils.http import urlencode

from core.systems import System
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from organizations.models import Organization
from partnerships.models import Partnership

from .models import Finding, FindingNature, FindingOrigin, Observation, ObservationSource, Statistic, TerritoryLevel

INDICATOR = "Enfants vulnérables à la maternelle (EQDEM)"
DOMAINS = (
    "Santé physique et bien-être",
    "Compétences sociales",
    "Maturité affective",
    "Développement cognitif et langagier",
    "Habiletés de communication et connaissances générales",
)
OTHER_INDICATORS = ("Familles à faible revenu", "Familles monoparentales", "Naissances", "Mères sans diplôme")
LEVELS = ((TerritoryLevel.QUEBEC, "Québec"), (TerritoryLevel.REGION, "Région"), (TerritoryLevel.LOCAL, "Territoire"))


def _statistics(partnership: Partnership, rng: random.Random) -> list[Statistic]:
    rows = [
        (INDICATOR, domain, level, name, year)
        for domain in DOMAINS
        for level, name in LEVELS
        for year in ("2012", "2017", "2022")
    ]
    rows += [(indicator, "", level, name, "2021") for indicator in OTHER_INDICATORS for level, name in LEVELS]
    rows += [("Enfants de 0 à 5 ans", "", TerritoryLevel.LOCAL, f"Quartier {n}", "2021") for n in range(1, 44)]
    return [
        Statistic(
            partnership=partnership,
            indicator=indicator,
            domain=domain,
            territory_level=level,
            territory_name=name,
            period=period,
            value=Decimal(rng.randint(50, 300)) / 10,
            unit="%",
            is_imprecise=rng.random() < 0.05,
            source="Banc d'essai",
        )
        for indicator, domain, level, name, period in rows
    ]


def generate(partnership: Partnership, cycle: Cycle, organizations: list[Organization], rng: random.Random) -> None:
    statistics = Statistic.objects.bulk_create(_statistics(partnership, rng))
    factors = list(ProtectiveFactor.objects.for_partnership(partnership).order_by("pk"))
    observations = Observation.objects.bulk_create(
        Observation(
            partnership=partnership,
            text=f"Observation {n} : ce que l'organisme constate auprès des familles du territoire.",
            source_kind=rng.choice(ObservationSource.values),
            organization=rng.choice(organizations) if organizations and n % 2 else None,
            systems=rng.choice(System.values),
        )
        for n in range(1, 41)
    )
    findings = Finding.objects.bulk_create(
        Finding(
            cycle=cycle,
            statement=f"Constat {n} : une force ou une préoccupation tirée de l'analyse de la situation.",
            nature=rng.choice(FindingNature.values),
            origin=rng.choice(FindingOrigin.values),
            systems=rng.choice(System.values),
        )
        for n in range(1, 31)
    )
    _link(Observation.factors.through, "observation", observations, "protectivefactor", factors, rng, 2)
    _link(Finding.factors.through, "finding", findings, "protectivefactor", factors, rng, 2)
    _link(Finding.statistics.through, "finding", findings, "statistic", statistics, rng, 3)
    _link(Finding.observations.through, "finding", findings, "observation", observations, rng, 2)


def _link(through, source: str, sources: list, target: str, targets: list, rng: random.Random, count: int) -> None:
    if not targets:
        return
    through.objects.bulk_create(
        through(**{f"{source}_id": item.pk, f"{target}_id": chosen.pk})
        for item in sources
        for chosen in rng.sample(targets, min(count, len(targets)))
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    slug = partnership.slug
    chart_query = urlencode({"indicator": INDICATOR})
    return [
        ("Outil 5 données", reverse("analysis:statistics", kwargs={"slug": slug})),
        ("Outil 5 graphique", f"{reverse('analysis:statistic_chart', kwargs={'slug': slug})}?{chart_query}"),
        ("Outil 5 observations", reverse("analysis:observations", kwargs={"slug": slug})),
        ("Outil 5 constats", reverse("analysis:findings", kwargs={"slug": slug, "cycle_pk": cycle.pk})),
        ("Outil 5 accueil", reverse("analysis:home", kwargs={"slug": slug, "cycle_pk": cycle.pk})),
    ]
