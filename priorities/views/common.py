from django.urls import reverse

from cycles.models import Cycle
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess

TOOL = 8


def page_context(access: PartnershipAccess, cycle: Cycle, **extra) -> dict:
    return tool_context(access, TOOL, cycle=cycle, **extra)


def tool_url(name: str, access: PartnershipAccess, cycle_pk: int, **kwargs) -> str:
    return reverse(f"priorities:{name}", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk, **kwargs})
