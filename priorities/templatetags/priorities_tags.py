"""Links to pages other apps own, shown only once those pages exist."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

register = template.Library()


def _reverse_or_empty(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


@register.simple_tag
def finding_url(finding, slug: str) -> str:
    """The finding's page in Outil 5, or "" while that page does not exist."""
    return _reverse_or_empty("analysis:finding_detail", slug=slug, cycle_pk=finding.cycle_id, finding_pk=finding.pk)


@register.simple_tag
def finding_link(finding, slug: str, length: int = 240) -> str:
    """The finding's statement, linked to its page in Outil 5 when that page exists."""
    text = Truncator(finding.statement).chars(length)
    url = finding_url(finding, slug)
    return format_html('<a href="{}">{}</a>', url, text) if url else format_html("{}", text)


@register.simple_tag
def cycle_url(slug: str, cycle_pk: int) -> str:
    """The cycle's own page, or the list of cycles while there is none."""
    return _reverse_or_empty("cycles:detail", slug=slug, cycle_pk=cycle_pk) or reverse(
        "cycles:list", kwargs={"slug": slug}
    )
