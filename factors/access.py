"""Every factors view reaches a factor or an element through these functions.

A partnership sees the shared catalogue and its own local factors and elements; another partnership's local ones
answer 404, exactly as if they did not exist. Only local records may be changed by a partnership (the shared
catalogue belongs to the site administrator).
"""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import FactorElement, ProtectiveFactor


def access_factor(access: PartnershipAccess, pk: int) -> tuple[ProtectiveFactor, bool]:
    """A factor of the catalogue as the partnership sees it, and whether this person may change it (a local one)."""
    factor = get_object_or_404(ProtectiveFactor.objects.for_partnership(access.partnership), pk=pk)
    return factor, factor.is_local and access.can(Perm.MANAGE_LOCAL_FACTORS)


def access_element(access: PartnershipAccess, pk: int) -> tuple[FactorElement, bool]:
    element = get_object_or_404(
        FactorElement.objects.for_partnership(access.partnership).select_related("factor"), pk=pk
    )
    return element, element.is_local and access.can(Perm.MANAGE_LOCAL_FACTORS)
