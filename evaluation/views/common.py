from django.urls import reverse

from cycles.models import Cycle
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess

TOOL = 12


def page_context(access: PartnershipAccess, cycle: Cycle | None, **extra) -> dict:
    return tool_context(access, TOOL, cycle=cycle, **extra)


def evaluation_url(name: str, access: PartnershipAccess, cycle_pk: int, **kwargs) -> str:
    return reverse(f"evaluation:{name}", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk, **kwargs})
