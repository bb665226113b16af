import datetime

from django.db import transaction
from django.utils import timezone

from core.concurrency import save_versioned
from partnerships.models import Partnership

from .models import Cycle, Step, StepNumber


@transaction.atomic
def cycle_create(*, partnership: Partnership, name: str, starts_on: datetime.date, ends_on: datetime.date) -> Cycle:
    """A new cycle and its five steps, all not started; each step's history starts with its creation. Outil 2
    proposes the standard sequence of meetings, which the coordinator then adapts."""
    # Imported here: the cycle's meetings are Outil 2's, and cycles does not depend on them to load.
    from meetings.services import sequence_give

    cycle = Cycle.objects.create(partnership=partnership, name=name, starts_on=starts_on, ends_on=ends_on)
    for number in StepNumber.values:
        Step.objects.create(cycle=cycle, number=number)
    sequence_give(cycle=cycle)
    return cycle


def cycle_update(*, cycle: Cycle, expected_version: int) -> None:
    save_versioned(cycle, expected_version=expected_version)


@transaction.atomic
def step_set_status(*, step: Step, status: str, expected_version: int, reason: str = "") -> bool:
    """Move the step to `status`; False when it already was there (nothing saved, nothing in the history)."""
    if step.status == status:
        return False
    step.status = status
    step.status_changed_at = timezone.now()
    save_versioned(step, expected_version=expected_version, reason=reason)
    return True
