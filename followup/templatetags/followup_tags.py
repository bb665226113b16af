"""What Outil 11 adds to other tools' pages: the roll-up of the actions' progress on Outil 10's overview."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("followup/_progress_rollup.html", takes_context=True)
def progress_rollup(context, cycle):
    """The share of actions on track, late, completed… per objective and transformation (three queries)."""
    return {"rows": selectors.progress_rollup(cycle), "cycle": cycle, "access": context["access"]}
