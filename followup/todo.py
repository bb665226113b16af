from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo, current_step
from partnerships.permissions import Perm

from .schedule import Standing, local_today
from .selectors import due_rows

STEP = 4
WAITING = (Standing.LATE, Standing.DUE, Standing.SENT_BACK)


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    """A representative's reports to write (whatever the step: actions run from the plan's adoption on), and
    coordination's late reports once the cycle is at step 4. Two queries each."""
    if cycle is None:
        return []
    kwargs = {"slug": access.partnership.slug, "cycle_pk": cycle.pk}
    today = local_today(timezone.now())
    found = []
    if access.organization_id is not None and access.can(Perm.REPORT_OWN_ACTIONS):
        rows = due_rows(cycle, today=today, organization_id=access.organization_id)
        if rows:
            waiting = sum(1 for row in rows if row.standing in WAITING)
            label = (
                ngettext(
                    "%(count)s suivi d'action à remettre pour votre organisme (Outil 11)",
                    "%(count)s suivis d'actions à remettre pour votre organisme (Outil 11)",
                    waiting,
                )
                % {"count": waiting}
                if waiting
                else _("Les suivis des actions de votre organisme sont remis (Outil 11)")
            )
            url = reverse("followup:my_due", kwargs=kwargs)
            found.append(Todo(label, url, Audience.ORGANIZATION, STEP, done=not waiting))
    if access.can(Perm.REVIEW_REPORTS) and current_step(cycle) == STEP:
        late = sum(1 for row in due_rows(cycle, today=today) if row.standing == Standing.LATE)
        if late:
            label = ngettext(
                "%(count)s suivi d'action en retard (Outil 11)", "%(count)s suivis d'actions en retard (Outil 11)", late
            ) % {"count": late}
            found.append(Todo(label, reverse("followup:due", kwargs=kwargs), Audience.COORDINATION, STEP))
    return found
