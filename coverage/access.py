from django.shortcuts import get_object_or_404

from organizations.models import Organization
from partnerships.access import PartnershipAccess


def access_organization_row(access: PartnershipAccess, pk: int) -> tuple[Organization, bool]:
    """The organization if it belongs to the partnership (404 otherwise), and whether this person may edit its
    row of the matrix (its own representatives, coordination and the committee)."""
    organization = get_object_or_404(Organization.objects.for_partnership(access.partnership), pk=pk)
    return organization, access.can_edit_organization_data(organization.pk)
