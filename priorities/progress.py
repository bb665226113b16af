from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.counting import Exists, counts
from cycles.models import Cycle
from partnerships.models import Partnership

from .models import Objective, Priority, Vote, VoteStatus


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    """One query."""
    votes = Vote.objects.filter(cycle=cycle)
    rows = counts(
        priorities=Priority.objects.filter(cycle=cycle),
        objectives=Objective.objects.filter(cycle=cycle),
        **{status: Exists(votes.filter(status=status)) for status in VoteStatus.values},
    )
    statuses = {status for status in VoteStatus.values if rows[status]}
    return {
        "priorities:home": [
            _vote_phrase(statuses),
            ngettext("%(count)s priorité", "%(count)s priorités", rows["priorities"]) % {"count": rows["priorities"]},
            ngettext("%(count)s objectif", "%(count)s objectifs", rows["objectives"]) % {"count": rows["objectives"]},
        ]
    }


def _vote_phrase(statuses: set[str]) -> str:
    if VoteStatus.OPEN in statuses:
        return _("vote ouvert")
    if VoteStatus.CLOSED in statuses:
        return _("vote fermé")
    if VoteStatus.DRAFT in statuses:
        return _("vote en préparation")
    return _("aucun vote")
