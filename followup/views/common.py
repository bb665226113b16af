import datetime

from django.urls import reverse
from django.utils import timezone

from cycles.models import Cycle
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess

from ..schedule import local_today

TOOL = 11


def page_context(access: PartnershipAccess, cycle: Cycle | None, **extra) -> dict:
    return tool_context(access, TOOL, cycle=cycle, **extra)


def followup_url(name: str, access: PartnershipAccess, cycle_pk: int, **kwargs) -> str:
    return reverse(f"followup:{name}", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk, **kwargs})


def today() -> datetime.date:
    """Today where the partnership is."""
    return local_today(timezone.now())
