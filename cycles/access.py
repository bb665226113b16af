from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess

from .models import Cycle, Step


def access_cycle(access: PartnershipAccess, pk: int) -> Cycle:
    """The cycle if it belongs to the partnership, 404 otherwise."""
    return get_object_or_404(Cycle, partnership=access.partnership, pk=pk)


def access_step(access: PartnershipAccess, cycle_pk: int, number: int) -> Step:
    """A step reached through its cycle: a step number alone names a step of every partnership's cycles."""
    return get_object_or_404(
        Step.objects.select_related("cycle"), cycle__partnership=access.partnership, cycle__pk=cycle_pk, number=number
    )
