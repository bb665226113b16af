"""What other pages show from Outil 2, without their views knowing about meetings: the meetings that discussed a
record (with their minutes) and the upcoming meetings. The decisions taken about a record are shown by the chain
(core/_chain.html), where a decision depends on its record."""

from django import template

from .. import selectors
from ..subjects import subject_url

register = template.Library()


@register.inclusion_tag("meetings/_discussed_in.html", takes_context=True)
def discussed_in(context, item) -> dict:
    """The meetings that had `item` on their agenda, with their minutes."""
    return {"meetings": selectors.meetings_discussing(item), "access": context.get("access")}


@register.inclusion_tag("meetings/_upcoming.html", takes_context=True)
def upcoming_meetings(context, partnership, cycle=None) -> dict:
    return {
        "meetings": selectors.upcoming(partnership=partnership, cycle=cycle),
        "access": context.get("access"),
        "cycle": cycle,
    }


@register.simple_tag
def subject_link(record, slug: str) -> str:
    """The page of what an agenda item or a decision is about ("" when it has none)."""
    return subject_url(record.subject, slug)
