"""Every write of Outil 12, one transaction per person's action."""

import datetime
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.concurrency import SetChanged, fingerprint, save_set, save_versioned
from core.deletion import delete_record
from core.saving import save_with_links
from cycles.models import Cycle
from organizations.models import Organization
from plan.models import Action, ActionStatus, DesiredChange, Indicator

from .models import ActionDecision, Decision, Measurement, Questioning, Review
from .selectors import decision_state


@transaction.atomic
def measurement_create(*, indicator: Indicator, measurement: Measurement) -> Measurement:
    measurement.indicator = indicator
    measurement.save()
    return measurement


@transaction.atomic
def measurement_update(*, measurement: Measurement, expected_version: int) -> None:
    save_versioned(measurement, expected_version=expected_version)


@transaction.atomic
def measurement_delete(*, measurement: Measurement) -> None:
    delete_record(measurement)


# --- Reviews ---------------------------------------------------------------------------------------------------


@transaction.atomic
def review_create(
    *, transformation: DesiredChange, review: Review, partners: Iterable[Organization], created_by: User | None
) -> Review:
    review.transformation = transformation
    review.created_by = created_by
    save_with_links(review, links={"partners": partners})
    return review


@transaction.atomic
def review_update(*, review: Review, expected_version: int, partners: Iterable[Organization]) -> None:
    save_with_links(review, links={"partners": partners}, expected_version=expected_version)


@transaction.atomic
def review_delete(*, review: Review) -> None:
    delete_record(review)


# --- Decisions on the actions ----------------------------------------------------------------------------------

Choice = tuple[str, str]  # (decision, reason); ("", "") for no decision


def decisions_save(*, review: Review, decisions: Mapping[int, Choice], expected_fingerprint: str | None) -> None:
    """Make the review's decisions not yet applied exactly `decisions` ({action id: (decision, reason)}): an
    action without a decision loses its unapplied one; an applied decision stays as it was applied."""

    def write(saved: list[ActionDecision]) -> None:
        by_action = {row.action_id: row for row in saved}
        for action_id, (decision, reason) in decisions.items():
            row = by_action.get(action_id)
            if row is not None and row.is_applied:
                continue
            if not decision:
                if row is not None:
                    row.delete()
                continue
            row = row or ActionDecision(review=review, action_id=action_id)
            if row.pk and (row.decision, row.reason) == (decision, reason):
                continue
            row.decision, row.reason = decision, reason
            row.save()

    save_set(
        lock=Review.objects.filter(pk=review.pk),
        read=lambda: list(ActionDecision.objects.filter(review=review)),
        digest=lambda saved: fingerprint(decision_state(saved)),
        expected=expected_fingerprint,
        write=write,
    )


def abandoned_end(review: Review, action: Action) -> datetime.date:
    """The end date an abandoned action gets: the end of the review's period, unless it was to end sooner (an
    abandoned action is not prolonged), and never before the action starts (the plan refuses an action that ends
    before it starts)."""
    end = min(review.period_end, action.ends_on) if action.ends_on else review.period_end
    if action.starts_on and end < action.starts_on:
        return action.starts_on
    return end


def decision_apply(*, decision: ActionDecision, expected_fingerprint: str | None, applied_by: User | None) -> None:
    """Apply a decision once, in one transaction: abandoning sets the action's status to abandoned and its end to
    `abandoned_end`; adapting and maintaining change nothing on the action (the person adapts it in its form).
    Refused with SetChanged if the review's decisions changed since the person read them."""
    review = decision.review

    def write(saved: list[ActionDecision]) -> None:
        current = next((row for row in saved if row.pk == decision.pk), None)
        if current is None or current.is_applied:
            raise SetChanged(saved, fingerprint(decision_state(saved)))
        if current.decision == Decision.ABANDON:
            action = Action.objects.select_for_update().get(pk=current.action_id)
            action.status = ActionStatus.ABANDONED
            action.ends_on = abandoned_end(review, action)
            save_versioned(action, expected_version=action.version, reason=_("Abandonnée à la suite d'un bilan"))
        current.applied_at = timezone.now()
        current.applied_by = applied_by
        current._change_reason = _("Décision appliquée")
        current.save()
        decision.applied_at, decision.applied_by = current.applied_at, current.applied_by

    save_set(
        lock=Review.objects.filter(pk=review.pk),
        read=lambda: list(ActionDecision.objects.filter(review=review)),
        digest=lambda saved: fingerprint(decision_state(saved)),
        expected=expected_fingerprint,
        write=write,
    )


# --- Questionings ----------------------------------------------------------------------------------------------


def _questioning_links(changed: Mapping[str, Iterable]) -> dict:
    return {name: changed.get(name, ()) for name in CHANGED_FIELDS}


CHANGED_FIELDS = ("changed_transformations", "changed_objectives", "changed_actions")


@transaction.atomic
def questioning_create(*, cycle: Cycle, questioning: Questioning, changed: Mapping[str, Iterable]) -> Questioning:
    questioning.cycle = cycle
    save_with_links(questioning, links=_questioning_links(changed))
    return questioning


@transaction.atomic
def questioning_update(*, questioning: Questioning, expected_version: int, changed: Mapping[str, Iterable]) -> None:
    save_with_links(questioning, links=_questioning_links(changed), expected_version=expected_version)


@transaction.atomic
def questioning_delete(*, questioning: Questioning) -> None:
    delete_record(questioning)
