"""Bench data and pages of the cycles: the cycle before the bench's cycle, so that the comparison of two cycles is
timed with the bench's 200-action plan on one side; and the preview of the next cycle, which counts that plan.
The earlier cycle has no plan of its own (this hook runs before the plan's): the comparison's queries do not depend
on how many records match, only its rendering does, and every one of the 200 actions is listed as new."""

import datetime
import random

from django.urls import reverse

from partnerships.models import Partnership

from .models import Cycle, Step, StepNumber


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    before = Cycle.objects.create(
        partnership=partnership,
        name="Plan d'action précédent",
        starts_on=cycle.starts_on.replace(year=cycle.starts_on.year - 3),
        ends_on=cycle.starts_on - datetime.timedelta(days=1),
    )
    Step.objects.bulk_create(Step(cycle=before, number=number) for number in StepNumber.values)
    Cycle.objects.filter(pk=cycle.pk).update(origin=before)


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    # Without a choice the comparison is of the current cycle with the one it continues.
    return [
        ("Cycles comparison", reverse("cycles:compare", kwargs={"slug": partnership.slug})),
        ("Next cycle preview", reverse("cycles:start_next", kwargs={"slug": partnership.slug, "cycle_pk": cycle.pk})),
    ]
