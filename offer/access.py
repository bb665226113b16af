from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from organizations.models import Organization
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Service


def access_service(access: PartnershipAccess, pk: int) -> tuple[Service, bool]:
    """The service if its organization belongs to the partnership (404 otherwise), and whether this person may
    edit it (its organization's representatives, coordination and the committee)."""
    service = get_object_or_404(
        Service.objects.for_partnership(access.partnership).select_related("organization"), pk=pk
    )
    return service, access.can_edit_organization_data(service.organization_id)


def editable_organizations(access: PartnershipAccess) -> QuerySet[Organization]:
    """The organizations whose services this person may add or change: all of them for those who edit the
    analysis, the represented one for a partner representative, none for an observer."""
    organizations = Organization.objects.for_partnership(access.partnership)
    if access.can(Perm.EDIT_ANALYSIS):
        return organizations
    if access.can(Perm.EDIT_OWN_ORGANIZATION) and access.organization_id:
        return organizations.filter(pk=access.organization_id)
    return organizations.none()


def may_add_services(access: PartnershipAccess) -> bool:
    """Answered without a query, for the buttons of the list pages."""
    if access.can(Perm.EDIT_ANALYSIS):
        return True
    return access.can(Perm.EDIT_OWN_ORGANIZATION) and access.organization_id is not None
