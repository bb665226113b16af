"""Language-aware filters: French as people write it in Québec, and the matching English."""

from django import template

from core import text

register = template.Library()


@register.filter
def de_name(name) -> str:
    """{{ organization.name|de_name }}: « d'Accueil Pluriel », « de CPE Soleil » in French, the name in English."""
    return text.de_name(str(name))


@register.filter
def long_date(value) -> str:
    """{{ cycle.starts_on|long_date }}: « 1er avril 2025 », "April 1, 2025"."""
    return text.long_date(value)


@register.filter
def long_datetime(value) -> str:
    """{{ entry.when|long_datetime }}: « 1er avril 2025, 13 h 45 », "April 1, 2025, 1:45 p.m."."""
    return text.long_datetime(value)
