"""Commitments are reached through their cycle, rules of operation through the partnership: another
partnership's answer 404."""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Commitment, OperatingRules


def can_record_commitment(access: PartnershipAccess, organization_id: int) -> bool:
    """Coordination records every organization's commitment; a representative only their own organization's."""
    if access.can(Perm.RECORD_ANY_COMMITMENT):
        return True
    return access.can(Perm.RECORD_OWN_COMMITMENT) and organization_id == access.organization_id


def access_commitment(access: PartnershipAccess, pk: int) -> tuple[Commitment, bool]:
    """The commitment (404 unless its cycle belongs to the partnership), and whether this person may change it."""
    commitment = get_object_or_404(
        Commitment.objects.for_partnership(access.partnership).select_related("cycle", "organization"), pk=pk
    )
    return commitment, can_record_commitment(access, commitment.organization_id)


def access_rules(access: PartnershipAccess, pk: int) -> tuple[OperatingRules, bool]:
    """One version of the partnership's rules (404 otherwise), and whether this person may still change its text:
    an adopted version is frozen."""
    rules = get_object_or_404(
        OperatingRules.objects.for_partnership(access.partnership).select_related("created_by"), pk=pk
    )
    return rules, not rules.is_adopted and access.can(Perm.DRAFT_OPERATING_RULES)
