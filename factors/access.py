"""Every factors view reaches a factor or an element through these functions.

A partnership sees the shared catalogue and its own local factors and elements; another partnership's local ones
answer 404, exactly as if they did not exist. Only local records can be changed by a partnership: the shared
catalogue belongs to the site administrator (403).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess

from .models import FactorElement, ProtectiveFactor


def access_factor(access: PartnershipAccess, pk: int) -> ProtectiveFactor:
    return get_object_or_404(ProtectiveFactor.objects.for_partnership(access.partnership), pk=pk)


def access_local_factor(access: PartnershipAccess, pk: int) -> ProtectiveFactor:
    factor = access_factor(access, pk)
    if not factor.is_local:
        raise PermissionDenied
    return factor


def access_element(access: PartnershipAccess, pk: int) -> FactorElement:
    elements = FactorElement.objects.for_partnership(access.partnership).select_related("factor")
    return get_object_or_404(elements, pk=pk)


def access_local_element(access: PartnershipAccess, pk: int) -> FactorElement:
    element = access_element(access, pk)
    if not element.is_local:
        raise PermissionDenied
    return element
