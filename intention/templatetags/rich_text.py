from django import template
from django.utils.safestring import SafeString, mark_safe

from lib.html import sanitize_rich_text

register = template.Library()


@register.filter
def rich_text(value: str | None) -> SafeString:
    """Stored rich text is sanitized when saved; it is sanitized again here so that text that reached the database
    another way (an import, the admin) cannot inject markup either."""
    return mark_safe(sanitize_rich_text(value or ""))
