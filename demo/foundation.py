"""Loads the foundation every app's demo content rests on: accounts, the two partnerships, their territory,
organizations, members and cycles. Each app adds its own content in `<app>/demo.py` (data in `demo_content.py`).

Writes go through the apps' services, as a person's would. Every row is looked up on a stable key (e-mail,
slug, name) first, so a second run changes nothing and never overwrites what someone changed while trying the
demo.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from accounts.models import User
from cycles.models import Cycle, StepStatus
from cycles.services import cycle_create, step_set_status
from organizations.models import Organization
from organizations.services import organization_create
from partnerships.models import Membership, Partnership
from partnerships.services import territories_sync

from . import foundation_content as content
from .foundation_content import MemberData, OrganizationData, PartnershipData

CYCLE_A_NAME = "Plan d'action 2025-2028"
CYCLE_A_DATES = (datetime.date(2025, 4, 1), datetime.date(2028, 3, 31))
CYCLE_B_NAME = "Plan d'action 2025-2027"
CYCLE_B_DATES = (datetime.date(2025, 9, 1), datetime.date(2027, 8, 31))


class Accounts:
    """Creates people; the demo password is hashed once, because hashing is deliberately slow."""

    def __init__(self) -> None:
        self._password_hash = make_password(content.DEMO_PASSWORD)

    def person(self, *, email: str, full_name: str, can_sign_in: bool, **extra) -> User:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, **extra})
        if created:
            user.password = self._password_hash if can_sign_in else make_password(None)
            user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        return user

    def site_admin(self) -> User:
        return self.person(
            email=content.ADMIN_EMAIL,
            full_name=content.ADMIN_NAME,
            can_sign_in=True,
            is_staff=True,
            is_superuser=True,
        )


def load_partnership(data: PartnershipData) -> Partnership:
    """Found by its slug, else created, with its territory (through the profile's service)."""
    partnership = Partnership.objects.filter(slug=data.slug).first()
    if partnership is None:
        partnership = Partnership.objects.create(
            slug=data.slug,
            name=data.name,
            region=data.region,
            description=data.description,
            intention_statement=data.intention_statement,
        )
    known = set(partnership.territories.values_list("kind", "name"))
    wanted = known | set(data.territories)
    if wanted != known:  # names someone added while trying the demo are kept
        names: dict[str, list[str]] = {}
        for kind, name in sorted(wanted):
            names.setdefault(kind, []).append(name)
        territories_sync(partnership=partnership, names_by_kind=names)
    return partnership


def load_organizations(partnership: Partnership, organizations: tuple[OrganizationData, ...]) -> dict:
    existing = {organization.name: organization for organization in partnership.organizations.all()}
    loaded = {}
    for data in organizations:
        loaded[data.name] = existing.get(data.name) or organization_create(
            partnership=partnership,
            organization=Organization(
                name=data.name,
                sector=data.sector,
                mission=data.mission,
                street_address=data.street_address,
                city=data.city,
                postal_code=data.postal_code,
                territory_served=data.territory_served,
                contact_name=data.contact_name,
                contact_email=data.contact_email,
                contact_phone=data.contact_phone,
                website=data.website,
            ),
        )
    return loaded


def load_members(
    accounts: Accounts, partnership: Partnership, members: tuple[MemberData, ...], organizations: dict
) -> dict[str, User]:
    """Members as if they had accepted their invitation (there is no other way into a partnership)."""
    users = {}
    for data in members:
        user = accounts.person(email=data.email, full_name=data.full_name, can_sign_in=data.can_sign_in)
        Membership.objects.get_or_create(
            partnership=partnership,
            user=user,
            defaults={"role": data.role, "organization": organizations.get(data.organization)},
        )
        users[data.email] = user
    return users


def load_cycle(
    partnership: Partnership, *, name: str, dates: tuple[datetime.date, datetime.date], current_step: int
) -> Cycle:
    """A cycle whose steps before `current_step` are completed and `current_step` is in progress."""
    cycle = Cycle.objects.filter(partnership=partnership, name=name).first()
    if cycle is not None:
        return cycle
    cycle = cycle_create(partnership=partnership, name=name, starts_on=dates[0], ends_on=dates[1])
    for step in cycle.steps.order_by("number"):
        if step.number <= current_step:
            status = StepStatus.COMPLETED if step.number < current_step else StepStatus.IN_PROGRESS
            step_set_status(step=step, status=status, expected_version=step.version)
    return cycle
