from django import template

from cycles.models import Cycle
from cycles.tools import TOOLS, Link

register = template.Library()


@register.simple_tag
def partnership_tools(access) -> dict:
    """The tools built so far, for the navigation: those of a cycle point to the partnership's current cycle."""
    cycle = Cycle.objects.filter(partnership=access.partnership).only("pk").first()
    cycle_pk = cycle.pk if cycle else None
    links = []
    for tool in TOOLS:
        if tool.scope == "cycle" and cycle_pk is None:
            continue
        url = tool.url(slug=access.partnership.slug, cycle_pk=cycle_pk)
        if url:
            links.append(Link(label=tool.label, url=url))
    return {"links": links, "cycle": cycle}
