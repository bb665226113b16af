"""Every record of Outil 12 is reached through the cycle named by the URL, in the person's partnership.

Measurements, reviews with their decisions on the actions, and questionings are written by those who prepare the
plan (`edit_plan`, as the plan's indicators and actions: applying a decision changes the plan); everyone else in
the partnership reads them.
"""

from django.shortcuts import get_object_or_404

from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm
from plan.access import access_indicator, access_transformation

from .models import ActionDecision, Measurement, Questioning, Review

__all__ = [
    "access_decision",
    "access_indicator",
    "access_measurement",
    "access_questioning",
    "access_review",
    "access_transformation",
]


def access_measurement(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Measurement, bool]:
    measurement = get_object_or_404(
        Measurement.objects.for_partnership(access.partnership).select_related(
            "indicator__transformation__objective__cycle"
        ),
        indicator__transformation__objective__cycle_id=cycle_pk,
        pk=pk,
    )
    return measurement, access.can(Perm.EDIT_PLAN)


def access_review(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Review, bool]:
    review = get_object_or_404(
        Review.objects.for_partnership(access.partnership).select_related(
            "transformation__objective__cycle", "created_by"
        ),
        transformation__objective__cycle_id=cycle_pk,
        pk=pk,
    )
    return review, access.can(Perm.EDIT_PLAN)


def access_decision(access: PartnershipAccess, cycle_pk: int, review_pk: int, pk: int) -> tuple[ActionDecision, bool]:
    """A decision of the review the URL names; may be applied by the plan's editors, once."""
    decision = get_object_or_404(
        ActionDecision.objects.for_partnership(access.partnership).select_related(
            "review__transformation__objective__cycle", "action"
        ),
        review__transformation__objective__cycle_id=cycle_pk,
        review_id=review_pk,
        pk=pk,
    )
    return decision, access.can(Perm.EDIT_PLAN) and not decision.is_applied


def access_questioning(access: PartnershipAccess, cycle_pk: int, pk: int) -> tuple[Questioning, bool]:
    questioning = get_object_or_404(
        Questioning.objects.for_partnership(access.partnership).select_related(
            "cycle", "transformation", "factor", "objective"
        ),
        cycle_id=cycle_pk,
        pk=pk,
    )
    return questioning, access.can(Perm.EDIT_PLAN)
