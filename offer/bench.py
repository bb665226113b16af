"""Bench data and pages for Outil 6: about three services per organization, written in bulk."""

import random

from django.urls import reverse

from cycles.models import Cycle
from factors.models import ProtectiveFactor
from partnerships.models import Partnership, Territory

from .models import ClienteleCode, Cost, Frequency, Service, clientele_field

SERVICE_NAMES = [
    "Halte-garderie",
    "Ateliers parents-enfants",
    "Cafés-rencontres",
    "Heure du conte",
    "Rencontres prénatales",
    "Visites à domicile",
    "Cuisines collectives",
    "Formation des intervenant·es",
    "Accueil des familles nouvellement arrivées",
    "Activités motrices",
]


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    territories = list(Territory.objects.filter(partnership=partnership))
    factors = list(ProtectiveFactor.objects.for_partnership(partnership).order_by("pk"))
    services = []
    for organization in organizations:
        for number in range(rng.randint(1, 5)):
            clienteles = rng.sample(ClienteleCode.values, rng.randint(1, 3))
            services.append(
                Service(
                    organization=organization,
                    name=f"{rng.choice(SERVICE_NAMES)} {number + 1}",
                    frequency=rng.choice(Frequency.values),
                    cost=rng.choice(Cost.values),
                    reached_per_year=rng.choice([None, rng.randint(5, 300)]),
                    capacity=rng.choice([None, rng.randint(5, 60)]),
                    **{clientele_field(code): True for code in clienteles},
                )
            )
    Service.objects.bulk_create(services)
    _link(services, Service.territories.through, "territory", territories, rng)
    _link(services, Service.factors.through, "protectivefactor", factors, rng)


def _link(services: list[Service], through, field: str, targets: list, rng: random.Random) -> None:
    if not targets:
        return
    rows = [
        through(service=service, **{field: target})
        for service in services
        for target in rng.sample(targets, min(len(targets), rng.randint(0, 3)))
    ]
    through.objects.bulk_create(rows)


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    slug = partnership.slug
    result = [
        ("Outil 6 services", reverse("offer:home", kwargs={"slug": slug})),
        ("Outil 6 portrait", reverse("offer:gaps", kwargs={"slug": slug})),
    ]
    service = Service.objects.filter(organization__partnership=partnership).order_by("pk").first()
    if service is not None:
        result.append(
            ("Outil 6 fiche", reverse("offer:service_detail", kwargs={"slug": slug, "service_pk": service.pk}))
        )
    return result
