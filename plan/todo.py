from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo, current_step
from partnerships.permissions import Perm

from .completeness import plan_gaps
from .models import ActionPartner
from .selectors import plan_outline

STEP = 3


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    if cycle is None:
        return []
    slug = access.partnership.slug
    kwargs = {"slug": slug, "cycle_pk": cycle.pk}
    found = []
    # The dashboard shows coordination's items of the current step only: the plan is read when it is step 3.
    if access.can(Perm.EDIT_PLAN) and current_step(cycle) == STEP:
        gaps = len(plan_gaps(plan_outline(cycle), slug))
        if gaps:
            label = ngettext(
                "%(count)s point reste à compléter dans le plan d'action (Outil 10)",
                "%(count)s points restent à compléter dans le plan d'action (Outil 10)",
                gaps,
            ) % {"count": gaps}
            url = reverse("plan:overview", kwargs=kwargs) + "#gaps-heading"
            found.append(Todo(label, url, Audience.COORDINATION, STEP))
    if access.organization_id is not None and access.can(Perm.REPORT_OWN_ACTIONS):
        parts = list(ActionPartner.objects.filter(action__cycle=cycle, organization_id=access.organization_id))
        if parts:
            done = all(part.role for part in parts)
            label = (
                _("Le rôle de votre organisme dans les actions du plan (Outil 9)")
                if done
                else _("Préciser le rôle de votre organisme dans les actions du plan (Outil 9)")
            )
            found.append(Todo(label, reverse("plan:my_actions", kwargs=kwargs), Audience.ORGANIZATION, STEP, done=done))
    return found
