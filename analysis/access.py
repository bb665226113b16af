"""Statistics and observations belong to the partnership (reused from one cycle to the next); findings belong to
one of its cycles. Anything outside the partnership is a 404."""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Finding, Observation, Statistic


def access_statistic(access: PartnershipAccess, pk: int) -> tuple[Statistic, bool]:
    statistic = get_object_or_404(Statistic.objects.for_partnership(access.partnership), pk=pk)
    return statistic, access.can(Perm.EDIT_ANALYSIS)


def access_observation(access: PartnershipAccess, pk: int) -> tuple[Observation, bool]:
    observation = get_object_or_404(
        Observation.objects.for_partnership(access.partnership).select_related("organization"), pk=pk
    )
    return observation, access.can(Perm.EDIT_ANALYSIS)


def access_finding(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Finding, bool]:
    """A finding of the cycle named by the URL (404 otherwise), with its cycle."""
    finding = get_object_or_404(
        Finding.objects.for_partnership(access.partnership).select_related("cycle", "created_by"),
        cycle_id=cycle_pk,
        pk=pk,
    )
    return finding, access.can(Perm.EDIT_ANALYSIS)
