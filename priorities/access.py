"""Every object of Outil 8 is reached through the cycle named by the URL, in the person's partnership."""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Objective, Priority, Vote


def access_vote(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Vote, bool]:
    """The vote, with its cycle, and whether this person may run it (open, close)."""
    vote = get_object_or_404(
        Vote.objects.for_partnership(access.partnership).select_related("cycle"), cycle_id=cycle_pk, pk=pk
    )
    return vote, access.can(Perm.RUN_VOTES)


def access_priority(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Priority, bool]:
    priority = get_object_or_404(
        Priority.objects.for_partnership(access.partnership).select_related("cycle", "finding"),
        cycle_id=cycle_pk,
        pk=pk,
    )
    return priority, access.can(Perm.EDIT_PRIORITIES)


def access_objective(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Objective, bool]:
    objective = get_object_or_404(
        Objective.objects.for_partnership(access.partnership).select_related("cycle"), cycle_id=cycle_pk, pk=pk
    )
    return objective, access.can(Perm.EDIT_PRIORITIES)
