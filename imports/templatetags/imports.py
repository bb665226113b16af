from django import template
from django.urls import reverse

from cycles.tools import Scope

from ..registry import of_tool

register = template.Library()


@register.inclusion_tag("imports/_links.html", takes_context=True)
def import_links(context: template.Context) -> dict:
    """{% import_links %}: on a tool's page, a link to each of its imports that this person may run (the tool is
    the page's, from tool_context)."""
    tool, access, cycle = context.get("tool"), context.get("access"), context.get("cycle")
    if tool is None or access is None:
        return {"importers": []}
    found = []
    for importer in of_tool(tool.number):
        if not access.can(importer.perm):
            continue
        if importer.scope is Scope.PARTNERSHIP:
            kwargs = {"slug": access.partnership.slug, "partnership_importer": importer.key}
            found.append((importer.title, reverse("imports:partnership", kwargs=kwargs)))
        elif cycle is not None:
            kwargs = {"slug": access.partnership.slug, "cycle_pk": cycle.pk, "importer": importer.key}
            found.append((importer.title, reverse("imports:cycle", kwargs=kwargs)))
    return {"importers": found}
