"""Demo data: about thirty services of partnership A's organizations (see demo_content.py)."""

from demo.context import DemoContext
from factors.models import ProtectiveFactor
from partnerships.models import Territory

from .demo_content import SERVICES, ServiceData
from .models import Service, clientele_field
from .services import ServiceLinks, service_create


def load(ctx: DemoContext) -> None:
    partnership = ctx.partnership_a
    territories = {t.name: t for t in Territory.objects.filter(partnership=partnership)}
    factors = {f.code: f for f in ProtectiveFactor.objects.filter(partnership__isnull=True)}
    for data in SERVICES:
        organization = ctx.organizations_a.get(data.organization)
        if organization is None:
            continue
        if Service.objects.filter(organization=organization, name=data.name).exists():
            continue
        links = ServiceLinks(
            territories=[territories[name] for name in data.territories if name in territories],
            partner_organizations=[ctx.organizations_a[n] for n in data.partners if n in ctx.organizations_a],
            factors=[factors[code] for code in data.factors if code in factors],
        )
        service_create(service=Service(organization=organization, name=data.name, **_fields(data)), links=links)


def _fields(data: ServiceData) -> dict:
    fields = {
        "description": data.description,
        "frequency": data.frequency,
        "capacity": data.capacity,
        "reached_per_year": data.reached_per_year,
        "cost": data.cost,
        "cost_detail": data.cost_detail,
        "schedule": data.schedule,
        "languages": data.languages,
        "transport_access": "t" in data.access,
        "adapted_hours": "h" in data.access,
        "fee_reduction": "f" in data.access,
    }
    fields.update({clientele_field(code): True for code in data.clienteles})
    return fields
