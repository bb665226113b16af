"""Outil 11's objects for the tenant-isolation walk: a report on an action of the partnership's first cycle, and
a line of its communication plan."""

import datetime

from cycles.tests.factories import CycleFactory
from followup.models import ActionReport, CommunicationItem, Progress
from organizations.models import Organization
from plan.models import Action


def url_kwargs(partnership) -> dict:
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    organization = Organization.objects.create(partnership=partnership, name="Halte-garderie du parc", sector="other")
    action = Action.objects.create(cycle=cycle, title="Ateliers parents-enfants", lead=organization)
    report = ActionReport.objects.create(
        action=action,
        period_start=datetime.date(2025, 10, 1),
        period_end=datetime.date(2025, 12, 31),
        progress=Progress.ON_TRACK,
    )
    item = CommunicationItem.objects.create(
        cycle=cycle, audience="Élus municipaux", message="Le plan", channel="Lettre"
    )
    return {"cycle_pk": cycle.pk, "report_pk": report.pk, "item_pk": item.pk}
