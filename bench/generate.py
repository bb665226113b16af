"""Generates N partnerships of realistic size with bulk inserts, then lets each app add its own data.

Generated rows have no history records (bulk_create skips them): the bench times reading pages, not history.
"""

import datetime
import hashlib
import json
import random
from dataclasses import asdict, dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from cycles.models import Cycle, Step, StepNumber, StepStatus
from intention.models import Commitment, OperatingRules
from organizations.models import Organization
from partnerships.models import Membership, Partnership, Region, Role, Territory, TerritoryKind

from . import hooks, names

SLUG_PREFIX = "bench-"
EMAIL_DOMAIN = "bench.concerto.test"
SIGNATURE_EMAIL = f"signature@{EMAIL_DOMAIN}"
GENERATOR_VERSION = 1
RULES_HTML = (
    "<h2>Prise de décision</h2><p>Les décisions se prennent par consensus; à défaut, à la majorité des deux tiers "
    "des organisations présentes.</p><h2>Quorum</h2><p>La moitié des organisations membres plus une.</p>"
    "<h2>Conflits d'intérêts</h2><p>Toute personne en conflit d'intérêts le déclare et se retire de la décision."
    "</p><h2>Confidentialité</h2><p>Les données partagées servent uniquement aux travaux du regroupement.</p>"
)


@dataclass(frozen=True)
class Size:
    partnerships: int = 150
    organizations: int = 40
    members: int = 60


def signature(size: Size) -> str:
    """Changes when the size, the generator or the set of apps adding data changes, so the data is rebuilt."""
    spec = {
        "size": asdict(size),
        "version": GENERATOR_VERSION,
        "apps": [a for a, _m in hooks.with_function("generate")],
    }
    return "bench " + hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]


def matches(size: Size) -> bool:
    """Whether the database already holds exactly the data this size asks for."""
    partnerships = Partnership.objects.filter(slug__startswith=SLUG_PREFIX)
    return (
        User.objects.filter(email=SIGNATURE_EMAIL, full_name=signature(size)).exists()
        and partnerships.count() == size.partnerships
        and Organization.objects.filter(partnership__in=partnerships).count() == size.partnerships * size.organizations
        and Membership.objects.filter(partnership__in=partnerships).count() == size.partnerships * size.members
    )


def generate(size: Size, *, seed: int = 2025, progress=None) -> None:
    rng = random.Random(seed)
    password_hash = make_password("bench-password-never-used")  # one hash: hashing is deliberately slow
    app_hooks = hooks.with_function("generate")
    for index, place in enumerate(names.place_names(size.partnerships, rng), start=1):
        with transaction.atomic():
            _partnership(index, place, size, rng, password_hash, app_hooks)
        if progress:
            progress(index)
    User.objects.update_or_create(email=SIGNATURE_EMAIL, defaults={"full_name": signature(size), "is_active": False})


def _partnership(index: int, place: str, size: Size, rng: random.Random, password_hash: str, app_hooks) -> None:
    partnership = Partnership.objects.create(
        name=rng.choice(names.PARTNERSHIP_PATTERNS).format(place),
        slug=f"{SLUG_PREFIX}{index:04d}",
        region=Region.values[index % len(Region.values)],
        description=f"Partenaires de la petite enfance de {place} et des municipalités voisines.",
        intention_statement="Que chaque enfant arrive à l'école confiant, curieux et prêt à apprendre.",
    )
    neighbours = [name for name in names.place_names(40, rng) if name != place]
    municipalities = [place, *rng.sample(neighbours, 3)]
    _territories(partnership, place, municipalities)
    organizations = _organizations(partnership, size.organizations, municipalities, rng)
    _members(partnership, size.members, organizations, rng, password_hash)
    cycle = _cycle(partnership)
    _commitments(cycle, organizations, rng)
    OperatingRules.objects.bulk_create(
        [
            OperatingRules(partnership=partnership, number=1, content=RULES_HTML, adopted_on=datetime.date(2025, 5, 1)),
            OperatingRules(partnership=partnership, number=2, content=RULES_HTML + "<p>Version de travail.</p>"),
        ]
    )
    for _app, module in app_hooks:
        module.generate(partnership, cycle, organizations, rng)


def _territories(partnership: Partnership, place: str, municipalities: list[str]) -> None:
    rows = [(TerritoryKind.RLS, f"RLS de {place}"), (TerritoryKind.MRC, f"MRC de {place}")]
    rows += [(TerritoryKind.MUNICIPALITY, name) for name in municipalities]
    rows += [(TerritoryKind.NEIGHBOURHOOD, name) for name in names.NEIGHBOURHOODS[:2]]
    Territory.objects.bulk_create(Territory(partnership=partnership, kind=kind, name=name) for kind, name in rows)


def _organizations(partnership: Partnership, count: int, municipalities: list[str], rng: random.Random) -> list:
    taken: set[str] = set()
    rows = []
    for i in range(count):
        sector, pattern = names.ORGANIZATION_PATTERNS[i % len(names.ORGANIZATION_PATTERNS)]
        city = rng.choice(municipalities)
        name = pattern.format(place=city, stem=rng.choice(names.PLACE_STEMS))
        if name in taken:
            name = f"{name} — point de service {i}"
        taken.add(name)
        rows.append(
            Organization(
                partnership=partnership,
                name=name,
                sector=sector,
                mission=names.MISSIONS[sector],
                street_address=f"{rng.randint(1, 999)}, rue Principale",
                city=city,
                territory_served=city,
                contact_name=names.person_name(rng),
                contact_phone=f"450 555-{rng.randint(0, 9999):04d}",
            )
        )
    return Organization.objects.bulk_create(rows)


def _role(j: int, count: int) -> str:
    """One coordinator, about a tenth on the committee, a few observers, partners for the rest."""
    if j == 0:
        return Role.COORDINATOR
    if j <= max(1, count // 10):
        return Role.COMMITTEE
    if j >= count - max(1, count // 15):
        return Role.OBSERVER
    return Role.PARTNER


def _members(partnership, count: int, organizations: list, rng: random.Random, password_hash: str) -> None:
    users = []
    for j in range(count):
        full_name = names.person_name(rng)
        email = f"{slugify(full_name)}.{partnership.slug}-{j}@{EMAIL_DOMAIN}"
        users.append(User(email=email, full_name=full_name, password=password_hash))
    users = User.objects.bulk_create(users)
    memberships = []
    for j, user in enumerate(users):
        role = _role(j, count)
        organization = organizations[j % len(organizations)] if role in (Role.PARTNER, Role.COMMITTEE) else None
        memberships.append(Membership(partnership=partnership, user=user, role=role, organization=organization))
    Membership.objects.bulk_create(memberships)


def _cycle(partnership: Partnership) -> Cycle:
    cycle = Cycle.objects.create(
        partnership=partnership,
        name="Plan d'action 2025-2028",
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2028, 3, 31),
    )
    status = {1: StepStatus.COMPLETED, 2: StepStatus.IN_PROGRESS}
    now = timezone.now()
    Step.objects.bulk_create(
        Step(
            cycle=cycle,
            number=n,
            status=status.get(n, StepStatus.NOT_STARTED),
            status_changed_at=now if n in status else None,
        )
        for n in StepNumber.values
    )
    return cycle


def _commitments(cycle: Cycle, organizations: list, rng: random.Random) -> None:
    committed = [o for i, o in enumerate(organizations) if i == 0 or rng.random() < 0.85]
    Commitment.objects.bulk_create(
        Commitment(
            cycle=cycle,
            organization=organization,
            committed_on=datetime.date(2025, 5, rng.randint(1, 31)),
            representative_name=organization.contact_name,
            statement="Participer aux rencontres, partager nos données et porter au moins une action du plan.",
        )
        for organization in committed
    )
