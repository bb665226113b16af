from decimal import Decimal

from django import template

from ..money import money as format_money

register = template.Library()


@register.filter
def money(amount: Decimal | None) -> str:
    """{{ line.amount|money }}: « 1 234,50 $ » in French, "$1,234.50" in English."""
    return format_money(amount)


@register.filter
def get(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None
