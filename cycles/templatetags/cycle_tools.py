from django import template

from cycles.models import Cycle
from cycles.selectors import current_cycle
from cycles.tools import TOOLS, Link, tool

register = template.Library()


@register.simple_tag
def partnership_tools(access, cycle: Cycle | None = None, cycle_pk: int | None = None) -> dict:
    """The tools built so far, for the navigation: those of a cycle point to the partnership's current cycle
    (`cycle`, or its `cycle_pk`, when the page already read it)."""
    if isinstance(cycle, Cycle):
        cycle_pk = cycle.pk
    elif not isinstance(cycle_pk, int):
        cycle = current_cycle(partnership=access.partnership)
        cycle_pk = cycle.pk if cycle else None
    links = [
        Link(label=tool.label, url=url, number=tool.number)
        for tool in TOOLS
        if (url := tool.url(slug=access.partnership.slug, cycle_pk=cycle_pk))
    ]
    return {"links": links}


@register.simple_tag
def tool_label(number: int) -> str:
    """The tool's label (Outil N — name), from the registry: the one place a tool's label is written."""
    return tool(number).label
