from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .models import Round

STEP = 5


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    """The open rounds of the diagnostic the person is invited to and has not answered yet."""
    if not access.can(Perm.ANSWER_DIAGNOSTIC):
        return []
    rounds = (
        Round.objects.for_partnership(access.partnership)
        .filter(invitees=access.membership, closed_at__isnull=True, closes_on__gte=timezone.localdate())
        .exclude(participations__membership=access.membership)
    )
    slug = access.partnership.slug
    return [
        Todo(
            _("Répondre au questionnaire « %(title)s » (Outil 13)") % {"title": r.title},
            reverse("diagnostic:answer", kwargs={"slug": slug, "round_pk": r.pk}),
            Audience.PERSONAL,
            STEP,
        )
        for r in rounds
    ]
