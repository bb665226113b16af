"""Loads the whole demo: the foundation's data, then each app's own demo content through `<app>.demo.load(ctx)`."""

from core.hooks import app_functions

from . import foundation
from . import foundation_content as content
from .context import DemoContext


def load_foundation() -> DemoContext:
    accounts = foundation.Accounts()
    accounts.site_admin()

    partnership_a = foundation.load_partnership(content.PARTNERSHIP_A)
    organizations_a = foundation.load_organizations(partnership_a, content.ORGANIZATIONS_A)
    users_a = foundation.load_members(accounts, partnership_a, content.MEMBERS_A, organizations_a)
    coordinator_a = users_a[content.MEMBERS_A[0].email]
    cycle_a = foundation.load_cycle(
        partnership_a, name=foundation.CYCLE_A_NAME, dates=foundation.CYCLE_A_DATES, current_step=2
    )

    partnership_b = foundation.load_partnership(content.PARTNERSHIP_B)
    organizations_b = foundation.load_organizations(partnership_b, content.ORGANIZATIONS_B)
    foundation.load_members(accounts, partnership_b, content.MEMBERS_B, organizations_b)
    foundation.load_cycle(partnership_b, name=foundation.CYCLE_B_NAME, dates=foundation.CYCLE_B_DATES, current_step=1)

    return DemoContext(
        partnership_a=partnership_a,
        partnership_b=partnership_b,
        cycle_a=cycle_a,
        coordinator_a=coordinator_a,
        organizations_a=organizations_a,
        users_a=users_a,
    )


def load_demo() -> tuple[DemoContext, list[str]]:
    """Everything; returns the context and the names of the apps whose demo content was loaded."""
    ctx = load_foundation()
    loaded = []
    for name, load in app_functions("demo", "load"):
        load(ctx)
        loaded.append(name)
    # A second pass, once every app has its content: links that point forward in the cycle's order
    # (a finding of Outil 5 citing the services of Outil 6, say).
    for _name, link in app_functions("demo", "link"):
        link(ctx)
    return ctx, loaded
