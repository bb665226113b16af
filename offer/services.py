from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from core.deletion import delete_record
from core.saving import save_with_links
from factors.models import ProtectiveFactor
from organizations.models import Organization
from partnerships.models import Territory

from .models import Service


@dataclass(frozen=True)
class ServiceLinks:
    """The service's many-to-many fields, already validated against the partnership."""

    territories: QuerySet[Territory] | list[Territory]
    partner_organizations: QuerySet[Organization] | list[Organization]
    factors: QuerySet[ProtectiveFactor] | list[ProtectiveFactor]

    @classmethod
    def from_cleaned_data(cls, data: dict) -> "ServiceLinks":
        return cls(
            territories=data.get("territories") or [],
            partner_organizations=data.get("partner_organizations") or [],
            factors=data.get("factors") or [],
        )


def _links(links: ServiceLinks) -> dict:
    return {
        "territories": links.territories,
        "partner_organizations": links.partner_organizations,
        "factors": links.factors,
    }


@transaction.atomic
def service_create(*, service: Service, links: ServiceLinks) -> Service:
    save_with_links(service, links=_links(links))
    return service


@transaction.atomic
def service_update(*, service: Service, links: ServiceLinks, expected_version: int) -> None:
    """Refused with EditConflict (and nothing written) if someone saved the service since `expected_version`."""
    save_with_links(service, links=_links(links), expected_version=expected_version)


def service_delete(*, service: Service) -> None:
    delete_record(service)
