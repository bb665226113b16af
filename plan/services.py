"""Every write of Outil 9 and of the plan's versions, one transaction per person's action."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from core.concurrency import save_versioned
from core.deletion import delete_record
from core.saving import save_with_links
from cycles.models import Cycle
from meetings.models import Meeting
from partnerships.models import Partnership

from .models import Action, ActionPartner, DesiredChange, Funder, Indicator, PlanVersion
from .snapshot import plan_snapshot

# --- Funders ---------------------------------------------------------------------------------------------------


def funder_create(*, partnership: Partnership, funder: Funder) -> Funder:
    funder.partnership = partnership
    funder.save()
    return funder


def funder_update(*, funder: Funder, expected_version: int) -> None:
    save_versioned(funder, expected_version=expected_version)


def funder_delete(*, funder: Funder) -> None:
    delete_record(funder)


# --- Desired transformations -----------------------------------------------------------------------------------


@transaction.atomic
def transformation_create(*, transformation: DesiredChange, factors: Iterable, partners: Iterable) -> DesiredChange:
    save_with_links(transformation, links={"factors": factors, "partners": partners})
    return transformation


@transaction.atomic
def transformation_update(
    *, transformation: DesiredChange, expected_version: int, factors: Iterable, partners: Iterable
) -> None:
    save_with_links(transformation, links={"factors": factors, "partners": partners}, expected_version=expected_version)


def transformation_delete(*, transformation: DesiredChange) -> None:
    delete_record(transformation)


# --- Indicators ------------------------------------------------------------------------------------------------


def indicator_create(*, transformation: DesiredChange, indicator: Indicator) -> Indicator:
    indicator.transformation = transformation
    indicator.save()
    return indicator


def indicator_update(*, indicator: Indicator, expected_version: int) -> None:
    save_versioned(indicator, expected_version=expected_version)


def indicator_delete(*, indicator: Indicator) -> None:
    delete_record(indicator)


# --- Actions ---------------------------------------------------------------------------------------------------


@transaction.atomic
def action_create(
    *, cycle: Cycle, action: Action, transformations: Iterable, factors: Iterable, services: Iterable
) -> Action:
    action.cycle = cycle
    save_with_links(action, links={"transformations": transformations, "factors": factors, "services": services})
    return action


@transaction.atomic
def action_update(
    *, action: Action, expected_version: int, transformations: Iterable, factors: Iterable, services: Iterable
) -> None:
    save_with_links(
        action,
        links={"transformations": transformations, "factors": factors, "services": services},
        expected_version=expected_version,
    )


def action_delete(*, action: Action) -> None:
    delete_record(action)


def contribution_update(*, part: ActionPartner, expected_version: int) -> None:
    """A partner's own contribution to an action: its role and what it brings."""
    save_versioned(part, expected_version=expected_version)


# --- Versions --------------------------------------------------------------------------------------------------


@transaction.atomic
def version_adopt(
    *, cycle: Cycle, adopted_on, meeting: Meeting | None, note: str, adopted_by: User | None
) -> PlanVersion:
    """Freeze the plan as it is now: the whole plan, with every label as it reads today, in one snapshot."""
    list(Cycle.objects.select_for_update().filter(pk=cycle.pk).values_list("pk", flat=True))
    last = PlanVersion.objects.filter(cycle=cycle).aggregate(last=Max("number"))["last"] or 0
    return PlanVersion.objects.create(
        cycle=cycle,
        number=last + 1,
        adopted_on=adopted_on or timezone.localdate(),
        meeting=meeting,
        note=note,
        snapshot=plan_snapshot(cycle),
        adopted_by=adopted_by,
    )
