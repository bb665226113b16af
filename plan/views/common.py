from django.urls import reverse

from cycles.models import Cycle
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess

PLAN = 9
OVERVIEW = 10


def page_context(access: PartnershipAccess, cycle: Cycle | None, **extra) -> dict:
    return tool_context(access, PLAN, cycle=cycle, **extra)


def plan_url(name: str, access: PartnershipAccess, cycle_pk: int, **kwargs) -> str:
    return reverse(f"plan:{name}", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk, **kwargs})
