from cycles.models import Cycle
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

TOOL = 5
PAGE_SIZE = 50


def page_context(access: PartnershipAccess, *, cycle: Cycle | None = None, **extra) -> dict:
    """Every page of Outil 5; the data pages (statistics, observations) link to the current cycle's findings."""
    extra.setdefault("can_edit", access.can(Perm.EDIT_ANALYSIS))
    return tool_context(access, TOOL, cycle=cycle, **extra)
