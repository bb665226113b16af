from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Commitment, OperatingRules


def access_commitment(access: PartnershipAccess, pk: int) -> Commitment:
    """The commitment if its cycle belongs to the partnership, 404 otherwise."""
    return get_object_or_404(
        Commitment.objects.select_related("cycle", "organization"), cycle__partnership=access.partnership, pk=pk
    )


def can_record_commitment(access: PartnershipAccess, organization_id: int) -> bool:
    """Coordination records every organization's commitment; a representative only their own organization's."""
    if access.can(Perm.RECORD_ANY_COMMITMENT):
        return True
    return access.can(Perm.RECORD_OWN_COMMITMENT) and organization_id == access.organization_id


def access_rules(access: PartnershipAccess, pk: int) -> OperatingRules:
    """One version of the partnership's rules of operation, 404 if it belongs to another partnership."""
    return get_object_or_404(OperatingRules.objects.select_related("created_by"), partnership=access.partnership, pk=pk)
