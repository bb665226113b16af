from django.urls import reverse
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo, current_step
from partnerships.permissions import Perm
from plan.models import DesiredChange

STEP = 5


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    """At step 5, for those who prepare the plan: the transformations of the cycle that no review covers yet. One
    query."""
    if cycle is None or not access.can(Perm.EDIT_PLAN) or current_step(cycle) != STEP:
        return []
    waiting = DesiredChange.objects.filter(objective__cycle=cycle, reviews__isnull=True).count()
    if not waiting:
        return []
    label = ngettext(
        "%(count)s transformation souhaitée sans bilan (Outil 12)",
        "%(count)s transformations souhaitées sans bilan (Outil 12)",
        waiting,
    ) % {"count": waiting}
    url = reverse("evaluation:reviews", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle.pk})
    return [Todo(label, url, Audience.COORDINATION, STEP)]
