from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.models import User
from core.concurrency import save_versioned
from core.deletion import delete_record
from core.saving import Links, save_with_links
from cycles.models import Cycle
from partnerships.models import Partnership

from .models import STATISTIC_FIELDS, Finding, Observation, Statistic, statistic_key


@transaction.atomic
def statistic_create(*, partnership: Partnership, statistic: Statistic) -> Statistic:
    statistic.partnership = partnership
    statistic.save()
    return statistic


def statistic_update(*, statistic: Statistic, expected_version: int) -> None:
    save_versioned(statistic, expected_version=expected_version)


def statistic_delete(*, statistic: Statistic) -> None:
    delete_record(statistic)


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    updated: int
    unchanged: int


def statistic_unchanged(current: Statistic, imported: Statistic) -> bool:
    return all(getattr(current, name) == getattr(imported, name) for name in STATISTIC_FIELDS)


@transaction.atomic
def statistics_import(
    *, partnership: Partnership, statistics: list[Statistic], user: User, reason: str
) -> ImportOutcome:
    """All figures or none, written in bulk, each with a history entry giving `reason`. A figure already there
    (same indicator, domain, territory and period, without case) takes the new values, so that a corrected file
    can be imported again without making duplicates."""
    existing = {statistic_key(stat): stat for stat in Statistic.objects.filter(partnership=partnership)}
    to_create: list[Statistic] = []
    to_update: list[Statistic] = []
    now = timezone.now()
    for imported in statistics:
        statistic = existing.get(statistic_key(imported))
        if statistic is None:
            imported.partnership = partnership
            to_create.append(imported)
        elif not statistic_unchanged(statistic, imported):
            for name in STATISTIC_FIELDS:
                setattr(statistic, name, getattr(imported, name))
            statistic.version += 1
            statistic.updated_at = now
            to_update.append(statistic)
    history = {"default_user": user, "default_change_reason": reason}
    if to_create:
        bulk_create_with_history(to_create, Statistic, **history)
    if to_update:
        bulk_update_with_history(to_update, Statistic, fields=[*STATISTIC_FIELDS, "version", "updated_at"], **history)
    return ImportOutcome(
        created=len(to_create), updated=len(to_update), unchanged=len(statistics) - len(to_create) - len(to_update)
    )


@transaction.atomic
def observation_create(*, partnership: Partnership, observation: Observation, relations: Links) -> Observation:
    observation.partnership = partnership
    save_with_links(observation, links=relations)
    return observation


@transaction.atomic
def observation_update(*, observation: Observation, expected_version: int, relations: Links) -> None:
    save_with_links(observation, links=relations, expected_version=expected_version)


def observation_delete(*, observation: Observation) -> None:
    delete_record(observation)


@transaction.atomic
def finding_create(*, cycle: Cycle, finding: Finding, relations: Links, created_by: User) -> Finding:
    finding.cycle = cycle
    finding.created_by = created_by
    save_with_links(finding, links=relations)
    return finding


@transaction.atomic
def finding_update(*, finding: Finding, expected_version: int, relations: Links) -> None:
    save_with_links(finding, links=relations, expected_version=expected_version)


def finding_delete(*, finding: Finding) -> None:
    delete_record(finding)
