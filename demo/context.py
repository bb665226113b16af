"""What the foundation's demo data hands to each app's demo loader (`<app>/demo.py`, function `load(ctx)`)."""

from dataclasses import dataclass, field

from accounts.models import User
from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership


@dataclass
class DemoContext:
    partnership_a: Partnership
    partnership_b: Partnership
    cycle_a: Cycle  # partnership A's current cycle, at step 2
    coordinator_a: User
    organizations_a: dict[str, Organization] = field(default_factory=dict)  # by name
    users_a: dict[str, User] = field(default_factory=dict)  # by e-mail
