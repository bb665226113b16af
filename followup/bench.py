"""Bench data and pages for Outil 11: ten reports on each of the plan's 200 actions (2,000 reports, one a month
from the action's start, so that the size does not depend on the random schedules), a communication plan, and
the pages that read them. Bulk inserts, so no history."""

import datetime
import random

from django.urls import reverse

from cycles.models import Cycle
from partnerships.models import Partnership
from plan.models import Action

from .models import ActionReport, CommunicationItem, Progress, ReportState
from .schedule import report_periods

REPORTS_PER_ACTION = 10


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    reports = []
    for action in Action.objects.filter(cycle=cycle).only("pk", "starts_on"):
        starts = action.starts_on or cycle.starts_on
        until = starts + datetime.timedelta(days=31 * REPORTS_PER_ACTION)
        periods = report_periods(follow_up="monthly", starts_on=starts, ends_on=None, until=until)
        reports += [
            ActionReport(
                action_id=action.pk,
                period_start=period.start,
                period_end=period.end,
                progress=rng.choice(Progress.values),
                state=rng.choice(ReportState.values),
                activities_done="Ateliers tenus",
                children_reached=rng.randint(0, 60),
            )
            for period in periods[:REPORTS_PER_ACTION]
        ]
    ActionReport.objects.bulk_create(reports, batch_size=500)
    CommunicationItem.objects.bulk_create(
        CommunicationItem(cycle=cycle, audience=f"Public {n}", message="Le plan", channel="Infolettre")
        for n in range(20)
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    def url(name: str) -> str:
        return reverse(name, kwargs={"slug": partnership.slug, "cycle_pk": cycle.pk})

    return [
        ("Outil 11 reports", url("followup:reports")),
        ("Outil 11 due and late reports", url("followup:due")),
        ("Outil 11 communication plan", url("followup:communication")),
    ]
