"""The page patterns every tool shares: wide tables and the running header of printed pages."""

import re

from django import template
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core import text

register = template.Library()

CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)


class ScrollRegionNode(template.Node):
    def __init__(self, nodelist: template.NodeList, modifiers: list[str]) -> None:
        self.nodelist = nodelist
        self.modifiers = modifiers

    def render(self, context: template.Context) -> SafeString:
        content = self.nodelist.render(context)
        caption = CAPTION.search(content)
        label = " ".join(strip_tags(caption.group(1)).split()) if caption else _("Tableau")
        classes = " ".join(["table-scroll", *(f"table-scroll-{m}" for m in self.modifiers)])
        # A region that may scroll is reachable by keyboard and named (WCAG 2.1.1, axe scrollable-region-focusable).
        return mark_safe(
            f'<div class="{classes}" role="region" tabindex="0" aria-label="{escape(label)}">{content}</div>'
        )


@register.tag
def scroll_region(parser: template.base.Parser, token: template.base.Token) -> ScrollRegionNode:
    """{% scroll_region %}<table><caption>…</caption>…</table>{% endscroll_region %}: a table wider than the
    screen scrolls inside its own region, not the page; the region is named by the table's caption.
    `{% scroll_region tall %}` also keeps the header row and the first column in view (a matrix)."""
    modifiers = token.split_contents()[1:]
    unknown = set(modifiers) - {"tall"}
    if unknown:
        raise template.TemplateSyntaxError(f"scroll_region: unknown option {', '.join(sorted(unknown))}")
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist, modifiers)


def css_string(value: str) -> str:
    """A CSS string literal that nothing in `value` can end or escape (quotes, backslashes, `</style>`)."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,;:!?'’«»()—–-_/&+" else f"\\{ord(ch):x} " for ch in value)
    return f'"{escaped}"'


@register.simple_tag(takes_context=True)
def print_header(context: template.Context) -> SafeString:
    """The running header of every printed page: the partnership, the page's title and the date; the page
    number at the foot. A style element carrying the request's CSP nonce, since its text changes per page."""
    request = context.get("request")
    access = context.get("access")
    tool = context.get("tool")
    left = access.partnership.name if access else "Concerto"
    middle = tool.label if tool else context.get("print_title", "")
    printed_on = _("Imprimé le %(date)s") % {"date": text.long_date(timezone.localdate())}
    page = _("Page")
    nonce = getattr(request, "csp_nonce", "") if request else ""
    rules = (
        f"@page {{ @top-left {{ content: {css_string(left)}; }} @top-center {{ content: {css_string(str(middle))}; }}"
        f" @top-right {{ content: {css_string(printed_on)}; }}"
        f' @bottom-right {{ content: {css_string(page)} " " counter(page) " / " counter(pages); }} }}'
    )
    return mark_safe(f'<style nonce="{escape(nonce)}" media="print">{rules}</style>')
