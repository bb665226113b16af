"""Reads of the partnerships app, with their joins: each page runs a fixed number of queries."""

import copy
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.collation import by_name
from core.counting import counts
from cycles.models import Cycle
from cycles.selectors import current_cycle
from intention.models import Commitment
from organizations.models import Organization

from .models import Invitation, Membership, Partnership, Role, Territory, TerritoryKind


def _count_per_partnership(model: type[Model], **filters) -> Coalesce:
    """A correlated COUNT, so that counting members and organizations together does not multiply rows."""
    rows = (
        model._default_manager.filter(partnership=OuterRef("pk"), **filters)
        .order_by()
        .values("partnership")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


# Dashboard ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    organization_count: int
    member_count: int
    cycle: Cycle | None
    committed_count: int


def dashboard(*, partnership: Partnership) -> Dashboard:
    """Three queries: the counts, the current cycle and its steps."""
    cycle = current_cycle(partnership=partnership, with_steps=True)
    rows = counts(
        organizations=Organization.objects.filter(partnership=partnership),
        members=Membership.objects.filter(partnership=partnership),
        committed=Commitment.objects.filter(cycle=cycle) if cycle else Commitment.objects.none(),
    )
    return Dashboard(
        organization_count=rows["organizations"],
        member_count=rows["members"],
        cycle=cycle,
        committed_count=rows["committed"],
    )


# Profile --------------------------------------------------------------------------------------------------------


def partnership_copy(partnership: Partnership) -> Partnership:
    """A copy of the partnership to bind an edit form to, leaving the request's own untouched."""
    return copy.copy(partnership)


def territory_names(*, partnership: Partnership) -> dict[str, list[str]]:
    """Names of the local territory by kind, every kind present (possibly empty), in alphabetical order."""
    names: dict[str, list[str]] = {kind: [] for kind in TerritoryKind.values}
    for kind, name in (
        Territory.objects.filter(partnership=partnership).order_by(by_name("name")).values_list("kind", "name")
    ):
        names[kind].append(name)
    return names


# Members --------------------------------------------------------------------------------------------------------


def has_account(*, email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


@dataclass
class RoleGroup:
    role: str
    label: str
    memberships: list[Membership] = field(default_factory=list)


def members_by_role(*, partnership: Partnership) -> list[RoleGroup]:
    """The members in the order of the roles (coordination first), by name within a role; empty roles left out."""
    groups = {role: RoleGroup(role=role, label=str(label)) for role, label in Role.choices}
    memberships = (
        Membership.objects.filter(partnership=partnership)
        .select_related("user", "organization")
        .order_by(by_name("user__full_name"), "user__email")
    )
    for membership in memberships:
        groups[membership.role].memberships.append(membership)
    return [group for group in groups.values() if group.memberships]


def open_invitations(*, partnership: Partnership) -> QuerySet[Invitation]:
    """Invitations neither accepted nor cancelled; expired ones included, since they can be sent again."""
    return (
        Invitation.objects.filter(partnership=partnership, accepted_at__isnull=True, revoked_at__isnull=True)
        .select_related("organization", "invited_by")
        .order_by("-created_at")
    )


# Site administration --------------------------------------------------------------------------------------------


def partnerships_for_administration() -> QuerySet[Partnership]:
    return Partnership.objects.annotate(
        member_count=_count_per_partnership(Membership),
        organization_count=_count_per_partnership(Organization),
        open_invitation_count=_count_per_partnership(Invitation, accepted_at__isnull=True, revoked_at__isnull=True),
    ).order_by(by_name("name"))
