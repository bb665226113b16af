"""A cycle's meetings and what hangs from them are reached through the person's partnership and the URL's cycle:
anything else is a 404."""

from django.shortcuts import get_object_or_404

from accounts.models import User
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from .models import CalendarFeed, Decision, DecisionTask, Meeting, Minutes


def access_meeting(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Meeting, bool]:
    meeting = get_object_or_404(
        Meeting.objects.for_partnership(access.partnership).select_related("cycle__partnership"),
        cycle_id=cycle_pk,
        pk=pk,
    )
    return meeting, access.can(Perm.MANAGE_MEETINGS)


def access_minutes(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Minutes, bool]:
    """Minutes of the cycle; approved minutes are frozen."""
    minutes = get_object_or_404(
        Minutes.objects.for_partnership(access.partnership).select_related("meeting__cycle"),
        meeting__cycle_id=cycle_pk,
        pk=pk,
    )
    return minutes, access.can(Perm.MANAGE_MEETINGS) and not minutes.is_approved


def access_decision(access: PartnershipAccess, meeting: Meeting, pk: int) -> tuple[Decision, bool]:
    decision = get_object_or_404(Decision.objects.for_partnership(access.partnership), meeting=meeting, pk=pk)
    return decision, access.can(Perm.MANAGE_MEETINGS)


def access_task(access: PartnershipAccess, meeting: Meeting, pk: int) -> tuple[DecisionTask, bool]:
    task = get_object_or_404(
        DecisionTask.objects.for_partnership(access.partnership).select_related("decision"),
        decision__meeting=meeting,
        pk=pk,
    )
    return task, access.can(Perm.MANAGE_MEETINGS)


def feed_for_token(token: str) -> User:
    """The person whose active feed this is; 404 for an unknown or revoked token, or an inactive person."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, revoked_at__isnull=True, user__is_active=True
    )
    return feed.user
