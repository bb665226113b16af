from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from ..numbers import format_value

register = template.Library()


@register.filter
def stat_value(value: Decimal | None) -> str:
    """A statistic's value in the reader's language, without the trailing zeros the database keeps."""
    return format_value(value)


@register.simple_tag
def finding_url(finding, slug: str) -> str:
    """The finding's page in Outil 5."""
    return reverse(
        "analysis:finding_detail", kwargs={"slug": slug, "cycle_pk": finding.cycle_id, "finding_pk": finding.pk}
    )


@register.simple_tag
def finding_link(finding, slug: str, length: int = 240) -> str:
    """The finding's statement, linked to its page in Outil 5 (the tools that rest on findings show them so)."""
    return format_html('<a href="{}">{}</a>', finding_url(finding, slug), Truncator(finding.statement).chars(length))
