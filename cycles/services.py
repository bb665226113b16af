import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.concurrency import save_versioned
from partnerships.models import Partnership

from .models import Cycle, Step, StepNumber


@transaction.atomic
def cycle_create(
    *,
    partnership: Partnership,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    origin: Cycle | None = None,
) -> Cycle:
    """A new cycle and its five steps, all not started; each step's history starts with its creation. Outil 2
    proposes the standard sequence of meetings, which the coordinator then adapts. `origin` is the cycle it
    continues (cycle_start_next)."""
    # Imported here: the cycle's meetings are Outil 2's, and cycles does not depend on them to load.
    from meetings.services import sequence_give

    cycle = Cycle.objects.create(
        partnership=partnership, name=name, starts_on=starts_on, ends_on=ends_on, origin=origin
    )
    for number in StepNumber.values:
        Step.objects.create(cycle=cycle, number=number)
    sequence_give(cycle=cycle)
    return cycle


@transaction.atomic
def cycle_start_next(
    *, cycle: Cycle, name: str, starts_on: datetime.date, ends_on: datetime.date, by: User | None
) -> Cycle:
    """The cycle that follows `cycle`, seeded with its plan (cycles.seeding: objectives, transformations,
    indicators with their last measurement as baseline, later targets, carried actions), each copy linked to its
    original. The old cycle is only read. ValidationError when `cycle` already has a next cycle or the new one would
    not start after every cycle of the partnership; two requests at once are held apart by the lock on the old
    cycle, and on a database that does not lock (SQLite) by the one next cycle a cycle may have (a unique key)."""
    # Imported here: seeding reads the plan and the evaluation, which depend on cycles.
    from .seeding import check_next_cycle, seed

    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    check_next_cycle(cycle=cycle, starts_on=starts_on)
    following = cycle_create(
        partnership=cycle.partnership, name=name, starts_on=starts_on, ends_on=ends_on, origin=cycle
    )
    seed(old=cycle, new=following, by=by)
    return following


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
