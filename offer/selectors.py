from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

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


ORGANIZATIONS_PER_PAGE = 10


@dataclass(frozen=True)
class IndexEntry:
    organization: Organization
    services: int  # those matching the filters
    page: int  # the page of the list that shows them


@dataclass(frozen=True)
class ServicePages:
    """The list of services one page of organizations at a time, and the index of every organization listed."""

    page: Page  # of organizations
    index: list[IndexEntry]
    services: QuerySet[Service]  # those of the page's organizations
    total: int  # services matching the filters, on every page


def service_pages(*, page_number: str | None, **filters) -> ServicePages:
    """Ten organizations a page, so that the page costs the same whatever the number of services; three queries
    (and the prefetches of the services shown)."""
    offering = list(
        Organization.objects.filter(partnership=filters["partnership"])
        .annotate(matching=Count("services", filter=Q(services__in=filtered_services(**filters))))
        .filter(matching__gt=0)
        .order_by(by_name("name"), "pk")
    )
    page = Paginator(offering, ORGANIZATIONS_PER_PAGE).get_page(page_number)
    index = [
        IndexEntry(organization, organization.matching, position // ORGANIZATIONS_PER_PAGE + 1)
        for position, organization in enumerate(offering)
    ]
    return ServicePages(
        page=page,
        index=index,
        services=service_list(organizations=page.object_list, **filters),
        total=sum(entry.services for entry in index),
    )


def service_list(*, organizations: Sequence[Organization] | None = None, **filters) -> QuerySet[Service]:
    """Ordered by organization, for a list grouped by organization; every relation shown is prefetched."""
    services = filtered_services(**filters)
    if organizations is not None:
        services = services.filter(organization__in=organizations)
    return (
        services.select_related("organization")
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
