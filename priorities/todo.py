from django.urls import reverse
from django.utils.translation import gettext as _

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .models import Vote, VoteStatus
from .overview import priorities_missing

STEP = 2


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    if cycle is None:
        return []
    slug = access.partnership.slug
    found = []
    if access.can(Perm.EDIT_PRIORITIES):
        home = reverse("priorities:home", kwargs={"slug": slug, "cycle_pk": cycle.pk})
        found += [Todo(item, home, Audience.COORDINATION, STEP) for item in priorities_missing(cycle)]
    if access.can(Perm.VOTE):
        waiting = Vote.objects.filter(cycle=cycle, status=VoteStatus.OPEN).exclude(ballots__member=access.membership)
        for vote in waiting:
            url = reverse("priorities:ballot", kwargs={"slug": slug, "cycle_pk": cycle.pk, "vote_pk": vote.pk})
            label = _("Voter : %(title)s (Outil 8)") % {"title": vote.title}
            found.append(Todo(label, url, Audience.PERSONAL, STEP))
    return found
