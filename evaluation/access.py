"""Every measurement of Outil 12 is reached through the cycle named by the URL, in the person's partnership.

Measurements are written by those who prepare the plan (`edit_plan`, as the plan's indicators); everyone else in
the partnership reads them.
"""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm
from plan.access import access_indicator

from .models import Measurement

__all__ = ["access_indicator", "access_measurement"]


def access_measurement(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Measurement, bool]:
    measurement = get_object_or_404(
        Measurement.objects.for_partnership(access.partnership).select_related(
            "indicator__transformation__objective__cycle"
        ),
        indicator__transformation__objective__cycle_id=cycle_pk,
        pk=pk,
    )
    return measurement, access.can(Perm.EDIT_PLAN)
