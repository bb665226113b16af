import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from accounts.models import User
from analysis.models import Finding
from cycles.models import Cycle
from evaluation.models import Measurement
from followup.models import ActionReport
from meetings.models import AgendaItem, Decision, Meeting
from offer.models import Service
from partnerships.models import Membership, Partnership
from plan.models import Action, DesiredChange, Indicator
from priorities.models import Objective

from .models import ApiToken

FINDING_LINKS = ("factors", "statistics", "observations", "services", "interventions")


def user_tokens(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def user_partnerships(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, user__is_active=True)
        .select_related("partnership")
        .order_by("partnership__name", "pk")
    )


def updated_since(records: QuerySet, value: str | None) -> QuerySet:
    """`?updated_since=2026-01-31T12:00:00-05:00`: the records changed since then."""
    if not value:
        return records
    try:
        moment = parse_datetime(value)
        # In UTC: a database refuses some offsets that ISO 8601 allows (PostgreSQL stops at ±15:59).
        moment = moment.astimezone(datetime.UTC) if moment and moment.tzinfo else None
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise ValidationError({"updated_since": [_("Donnez une date et une heure ISO 8601 avec le fuseau horaire.")]})
    return records.filter(updated_at__gte=moment)


def with_finding_links(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    """The findings with the keys of everything they cite, one query per kind of link."""
    return findings.prefetch_related(*FINDING_LINKS)


def cycle_actions(cycle: Cycle) -> QuerySet[Action]:
    return Action.objects.filter(cycle=cycle).prefetch_related("transformations", "factors", "services")


def partnership_services(partnership: Partnership) -> QuerySet[Service]:
    return (
        Service.objects.for_partnership(partnership)
        .order_by("organization_id", "name", "pk")
        .prefetch_related("territories", "partner_organizations", "factors")
    )


def cycle_objectives(cycle: Cycle) -> QuerySet[Objective]:
    return Objective.objects.filter(cycle=cycle).order_by("position", "pk").prefetch_related("priorities", "factors")


def cycle_transformations(cycle: Cycle) -> QuerySet[DesiredChange]:
    return (
        DesiredChange.objects.filter(objective__cycle=cycle)
        .order_by("objective__position", "objective_id", "pk")
        .prefetch_related("factors", "partners")
    )


def transformation_indicators(transformation: DesiredChange) -> QuerySet[Indicator]:
    return Indicator.objects.filter(transformation=transformation).order_by("pk")


def indicator_measurements(indicator: Indicator) -> QuerySet[Measurement]:
    return Measurement.objects.filter(indicator=indicator).order_by("measured_on", "pk")


def action_reports(action: Action) -> QuerySet[ActionReport]:
    return (
        ActionReport.objects.filter(action=action)
        .order_by("period_start", "pk")
        .prefetch_related("partners", "milestones_reached")
    )


def cycle_meetings(cycle: Cycle) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(cycle=cycle)
        .order_by("position", "pk")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")),
            Prefetch("decisions", queryset=Decision.objects.order_by("pk")),
        )
    )
