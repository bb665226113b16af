from django.urls import reverse
from django.utils.translation import gettext as _

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .models import Ballot, Vote, VoteStatus
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
        voted = set(Ballot.objects.filter(vote__cycle=cycle, member=access.membership).values_list("vote", flat=True))
        for vote in Vote.objects.filter(cycle=cycle, status=VoteStatus.OPEN).exclude(pk__in=voted):
            url = reverse("priorities:ballot", kwargs={"slug": slug, "cycle_pk": cycle.pk, "vote_pk": vote.pk})
            label = _("Voter : %(title)s (Outil 8)") % {"title": vote.title}
            found.append(Todo(label, url, Audience.PERSONAL, STEP))
    return found
