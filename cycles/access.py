"""Every cycle and step is reached through the person's partnership: another partnership's answer 404."""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import Cycle, Step
from .selectors import with_current_cycle_pk


def access_cycle(access: PartnershipAccess, pk: int) -> tuple[Cycle, bool]:
    """The cycle (404 unless it belongs to the partnership), knowing which is the partnership's current cycle, and
    whether this person may manage it."""
    cycles = Cycle.objects.for_partnership(access.partnership).select_related("origin", "next_cycle")
    cycle = get_object_or_404(with_current_cycle_pk(cycles), pk=pk)
    return cycle, access.can(Perm.MANAGE_CYCLES)


def access_step(access: PartnershipAccess, cycle_pk: int, number: int) -> tuple[Step, bool]:
    """A step reached through its cycle (a step number alone names a step of every cycle), and whether this
    person may change its status."""
    step = get_object_or_404(
        Step.objects.for_partnership(access.partnership).select_related("cycle"), cycle_id=cycle_pk, number=number
    )
    return step, access.can(Perm.MANAGE_CYCLES)
