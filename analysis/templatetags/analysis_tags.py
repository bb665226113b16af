from decimal import Decimal

from django import template

from ..numbers import format_value

register = template.Library()


@register.filter
def stat_value(value: Decimal | None) -> str:
    """A statistic's value in the reader's language, without the trailing zeros the database keeps."""
    return format_value(value)
