from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess

from .models import Organization


def access_organization(access: PartnershipAccess, pk: int) -> tuple[Organization, bool]:
    """The organization if it belongs to the partnership (404 otherwise), and whether this person may edit it."""
    organization = get_object_or_404(Organization, partnership=access.partnership, pk=pk)
    return organization, access.can_edit_organization(organization.pk)
