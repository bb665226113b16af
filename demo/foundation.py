"""Loads the foundation's demo data: accounts, the two partnerships, their organizations, members and step 1.

Every row is found or created on a stable key (e-mail, slug, name, number), so a second run changes nothing and
never overwrites what someone changed while trying the demo.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from cycles.models import Cycle, Step, StepNumber, StepStatus
from intention.models import Commitment, OperatingRules
from lib.html import sanitize_rich_text
from organizations.models import Organization
from partnerships.models import Membership, Partnership, Territory

from . import content, intention_content
from .content import MemberData, OrganizationData, PartnershipData

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
    partnership, _created = Partnership.objects.get_or_create(
        slug=data.slug,
        defaults={
            "name": data.name,
            "region": data.region,
            "description": data.description,
            "intention_statement": data.intention_statement,
        },
    )
    for kind, name in data.territories:
        Territory.objects.get_or_create(partnership=partnership, kind=kind, name=name)
    return partnership


def load_organizations(partnership: Partnership, organizations: tuple[OrganizationData, ...]) -> dict:
    loaded = {}
    for data in organizations:
        loaded[data.name], _created = Organization.objects.get_or_create(
            partnership=partnership,
            name=data.name,
            defaults={
                "sector": data.sector,
                "mission": data.mission,
                "street_address": data.street_address,
                "city": data.city,
                "postal_code": data.postal_code,
                "territory_served": data.territory_served,
                "contact_name": data.contact_name,
                "contact_email": data.contact_email,
                "contact_phone": data.contact_phone,
                "website": data.website,
            },
        )
    return loaded


def load_members(
    accounts: Accounts, partnership: Partnership, members: tuple[MemberData, ...], organizations: dict
) -> dict[str, User]:
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
    cycle, _created = Cycle.objects.get_or_create(
        partnership=partnership, name=name, defaults={"starts_on": dates[0], "ends_on": dates[1]}
    )
    for number in StepNumber.values:
        if number < current_step:
            status = StepStatus.COMPLETED
        elif number == current_step:
            status = StepStatus.IN_PROGRESS
        else:
            status = StepStatus.NOT_STARTED
        changed_at = timezone.now() if status != StepStatus.NOT_STARTED else None
        Step.objects.get_or_create(
            cycle=cycle, number=number, defaults={"status": status, "status_changed_at": changed_at}
        )
    return cycle


def load_commitments(cycle: Cycle, organizations: dict[str, Organization]) -> None:
    for name, (committed_on, signed_by, statement) in intention_content.COMMITMENTS_A.items():
        Commitment.objects.get_or_create(
            cycle=cycle,
            organization=organizations[name],
            defaults={"committed_on": committed_on, "representative_name": signed_by, "statement": statement},
        )


def load_operating_rules(partnership: Partnership, author: User) -> None:
    OperatingRules.objects.get_or_create(
        partnership=partnership,
        number=1,
        defaults={
            "content": sanitize_rich_text(intention_content.RULES_V1),
            "adopted_on": intention_content.RULES_V1_ADOPTED_ON,
            "created_by": author,
        },
    )
    OperatingRules.objects.get_or_create(
        partnership=partnership,
        number=2,
        defaults={"content": sanitize_rich_text(intention_content.RULES_V2), "created_by": author},
    )
