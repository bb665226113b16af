from django.http import HttpRequest

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

SECTION = "analysis"
PAGE_SIZE = 50


def page_context(access: PartnershipAccess, **extra) -> dict:
    """What every page of Outil 5 shows: its sub-navigation needs a cycle for the findings."""
    if "cycle" not in extra:
        extra["cycle"] = latest_cycle(access)
    return {"access": access, "section": SECTION, "can_edit": access.can(Perm.EDIT_ANALYSIS), **extra}


def latest_cycle(access: PartnershipAccess) -> Cycle | None:
    """The cycle a statistic or an observation page links to for drawing findings: the most recent one."""
    return Cycle.objects.filter(partnership=access.partnership).order_by("-starts_on", "-id").first()


def int_param(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        return None
