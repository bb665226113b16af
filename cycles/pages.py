"""The page context of the tools' pages: where the page sits in the cycle."""

from partnerships.access import PartnershipAccess
from partnerships.pages import Section, page_context

from .models import Cycle
from .selectors import current_cycle
from .tools import tool


def tool_context(access: PartnershipAccess, number: int, *, cycle: Cycle | None = None, **extra) -> dict:
    """What every page of Outil `number` shows: the tool (its registry label heads the page), the cycle it is used
    in, and the navigation with the tool marked. A page of a cycle passes the cycle of its URL; any other page
    (Outils 3, 4, 6, 7, the data of Outil 5) is used in the partnership's current cycle."""
    context = page_context(access, Section.TOOLS, tool=tool(number), **extra)
    if cycle is None:
        cycle = current_cycle(partnership=access.partnership)
        context["current_cycle"] = cycle
    context["cycle"] = cycle
    context["tool_url"] = context["tool"].url(slug=access.partnership.slug, cycle_pk=cycle.pk if cycle else None)
    return context
