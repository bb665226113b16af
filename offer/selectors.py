from django.db.models import Prefetch, QuerySet

from core.collation import by_name
from factors.models import ProtectiveFactor
from organizations.models import Organization
from partnerships.models import Partnership, Territory
from partnerships.territories import territories_within

from .models import Service, clientele_field


def filtered_services(
    *,
    partnership: Partnership,
    sector: str | None = None,
    clientele: str | None = None,
    territory: Territory | None = None,
    factor: ProtectiveFactor | None = None,
) -> QuerySet[Service]:
    """The partnership's services matching the filters, without joins: the base of the list and the portrait."""
    services = Service.objects.filter(organization__partnership=partnership)
    if sector:
        services = services.filter(organization__sector=sector)
    if clientele:
        services = services.filter(**{clientele_field(clientele): True})
    if territory is not None:
        # The territory and those inside it: what its cell of the portrait counts.
        services = services.filter(pk__in=Service.objects.filter(territories__in=territories_within(territory)))
    if factor is not None:
        services = services.filter(factors=factor)
    return services


def service_list(**filters) -> QuerySet[Service]:
    """Ordered by organization, for a list grouped by organization; every relation shown is prefetched."""
    return (
        filtered_services(**filters)
        .select_related("organization")
        .prefetch_related(
            Prefetch("territories", queryset=Territory.objects.order_by(by_name("name"))),
            "factors",
        )
        .order_by(by_name("organization__name"), "organization_id", by_name("name"))
    )


def organizations_without_service(*, partnership: Partnership) -> QuerySet[Organization]:
    return Organization.objects.filter(partnership=partnership, services__isnull=True)


def service_detail(service: Service) -> dict:
    """What the detail page shows beside the service's own fields."""
    return {
        "territories": service.territories.order_by(by_name("name")),
        "partner_organizations": service.partner_organizations.all(),
        "factors": service.factors.all(),
    }
