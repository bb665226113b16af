"""The "Historique" of a vote, of a chosen priority and of the cycle's selected factors: who changed what, when.

A vote's history is the Vote record only (status, settings, candidates): ballots are personal and never shown.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.rendering import render_history
from partnerships.access import PartnershipAccess, partnership_view

from . import selectors
from .access import access_cycle, access_priority, access_vote


def _cycle_url(name: str, access: PartnershipAccess, cycle_pk: int, **kwargs) -> str:
    return reverse(f"priorities:{name}", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk, **kwargs})


@partnership_view()
def vote_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, vote_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    vote = access_vote(access, cycle, vote_pk)
    return render_history(
        request,
        obj=vote,
        title=vote.title,
        back_url=_cycle_url("vote_detail", access, cycle.pk, vote_pk=vote.pk),
        context={"access": access, "section": "cycles"},
    )


@partnership_view()
def priority_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, priority_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    priority = access_priority(access, cycle, priority_pk)
    return render_history(
        request,
        obj=priority,
        title=str(priority),
        back_url=_cycle_url("home", access, cycle.pk),
        context={"access": access, "section": "cycles"},
    )


@partnership_view()
def factors_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    context = {
        "access": access,
        "section": "cycles",
        "cycle": cycle,
        "changes": selectors.factor_selection_changes(cycle),
        "back_url": _cycle_url("factors", access, cycle.pk),
    }
    return render(request, "priorities/factors_history.html", context)
