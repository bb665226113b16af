from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.models import Partnership

from .models import Objective, Priority, Vote, VoteStatus


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    statuses = set(Vote.objects.filter(cycle=cycle).values_list("status", flat=True))
    priorities = Priority.objects.filter(cycle=cycle).count()
    objectives = Objective.objects.filter(cycle=cycle).count()
    return {
        "priorities:home": [
            _vote_phrase(statuses),
            ngettext("%(count)s priorité", "%(count)s priorités", priorities) % {"count": priorities},
            ngettext("%(count)s objectif", "%(count)s objectifs", objectives) % {"count": objectives},
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
