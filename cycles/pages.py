"""The page context of the tools' pages: where the page sits in the cycle."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from partnerships.access import PartnershipAccess
from partnerships.pages import Section, page_context

from .models import Cycle, StepNumber
from .selectors import current_cycle
from .tools import Link, Tool, tool, tool_links


@dataclass(frozen=True)
class ToolPlace:
    """Where a tool sits: its step of the cycle, and the step's tools before and after it (built ones only)."""

    step_label: str
    step_url: str | None  # the step on the cycle's page
    previous: Link | None
    following: Link | None


def tool_context(access: PartnershipAccess, number: int, *, cycle: Cycle | None = None, **extra) -> dict:
    """What every page of Outil `number` shows: the tool (its registry label heads the page), the cycle it is used
    in, its place in the step, and the navigation with the tool marked. A page of a cycle passes the cycle of its
    URL; any other page (Outils 3, 4, 6, 7, 13, the data of Outil 5) is used in the partnership's current cycle."""
    context = page_context(access, Section.TOOLS, tool=tool(number), **extra)
    if cycle is None:
        cycle = context["current_cycle"] = current_cycle(partnership=access.partnership)
    else:
        context.update(current_for_navigation(cycle))
    context["cycle"] = cycle
    context["tool_url"] = context["tool"].url(slug=access.partnership.slug, cycle_pk=cycle.pk if cycle else None)
    context["tool_place"] = tool_place(access, context["tool"], cycle)
    return context


def current_for_navigation(cycle: Cycle) -> dict:
    """`current_cycle_pk`, the cycle the navigation's tools point to (cycles.templatetags.cycle_tools), when the
    query that read the page's cycle said it (Cycle.current_cycle_pk): the navigation then does not read it again."""
    return {"current_cycle_pk": cycle.current_cycle_pk} if cycle.current_cycle_pk is not None else {}


def tool_place(access: PartnershipAccess, current: Tool, cycle: Cycle | None) -> ToolPlace:
    step = current.steps[0]
    slug = access.partnership.slug
    links = tool_links(step, slug=slug, cycle_pk=cycle.pk if cycle else None)
    numbers = [link.number for link in links]
    position = numbers.index(current.number) if current.number in numbers else None
    step_url = None
    if cycle is not None:
        step_url = reverse("cycles:detail", kwargs={"slug": slug, "cycle_pk": cycle.pk}) + f"#etape-{step}"
    return ToolPlace(
        step_label=_("Étape %(number)s — %(name)s") % {"number": step, "name": StepNumber(step).label},
        step_url=step_url,
        previous=links[position - 1] if position else None,
        following=links[position + 1] if position is not None and position + 1 < len(links) else None,
    )
