from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from core.concurrency import save_versioned
from factors.models import ProtectiveFactor
from organizations.models import Organization
from partnerships.models import Territory

from .models import SERVICE_HISTORY, Service


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


def _set_links(service: Service, links: ServiceLinks) -> None:
    service.territories.set(links.territories)
    service.partner_organizations.set(links.partner_organizations)
    service.factors.set(links.factors)


@transaction.atomic
def service_create(*, service: Service, links: ServiceLinks) -> Service:
    """One history record holding the fields and the links, instead of one per saved relation."""
    service.skip_history_when_saving = True
    try:
        service.save()
        _set_links(service, links)
    finally:
        del service.skip_history_when_saving
    SERVICE_HISTORY.create_historical_record(service, "+")
    return service


@transaction.atomic
def service_update(*, service: Service, links: ServiceLinks, expected_version: int) -> None:
    """Refused with EditConflict (and nothing written) if someone saved the service since `expected_version`."""
    service.skip_history_when_saving = True
    try:
        save_versioned(service, expected_version=expected_version)
        _set_links(service, links)
    finally:
        del service.skip_history_when_saving
    SERVICE_HISTORY.create_historical_record(service, "~")


@transaction.atomic
def service_delete(*, service: Service) -> None:
    service.delete()
