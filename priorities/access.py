"""Every object of Outil 8 is reached through its cycle, and the cycle through the person's partnership."""

from django.shortcuts import get_object_or_404

from cycles.access import access_cycle
from cycles.models import Cycle
from partnerships.access import PartnershipAccess

from .models import Objective, Priority, Vote

__all__ = ["access_cycle", "access_objective", "access_priority", "access_vote"]


def access_vote(access: PartnershipAccess, cycle: Cycle, pk: int) -> Vote:
    return get_object_or_404(Vote, cycle__partnership=access.partnership, cycle=cycle, pk=pk)


def access_priority(access: PartnershipAccess, cycle: Cycle, pk: int) -> Priority:
    return get_object_or_404(
        Priority.objects.select_related("finding"), cycle__partnership=access.partnership, cycle=cycle, pk=pk
    )


def access_objective(access: PartnershipAccess, cycle: Cycle, pk: int) -> Objective:
    return get_object_or_404(Objective, cycle__partnership=access.partnership, cycle=cycle, pk=pk)
