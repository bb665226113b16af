from decimal import Decimal

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..money import money as format_money

register = template.Library()


@register.filter
def money(amount: Decimal | None) -> str:
    """{{ line.amount|money }}: « 1 234,50 $ » in French, "$1,234.50" in English."""
    return format_money(amount)


@register.filter
def get(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None


# --- The plan's long lists, written in Python ------------------------------------------------------------------
# A plan of 200 actions writes each of these rows 200 times; a template spends 10 to 30 µs on each variable and
# tag of a row, which made these three lists most of Outil 10's time. Written here with `escape`, they cost a few
# microseconds a row. The page and the plan's document share them, so the two stay the same.


@register.simple_tag
def overview_actions(actions: list, own_organization_id: int | None) -> str:
    """The items of one transformation's actions in Outil 10's table: link, lead, status, and « votre organisme »
    where the reader's organization leads or joins it."""
    if not actions:
        return format_html("<li>{}</li>", _("Aucune action."))
    no_lead = escape(_("sans organisme porteur"))
    yours = format_html(" <strong>({})</strong>", _("votre organisme"))
    items = []
    for action in actions:
        own = bool(own_organization_id) and own_organization_id == action.lead_id
        mark = ""
        if own_organization_id:
            joined = sum(1 for part in action.partner_list if part.organization_id == own_organization_id)
            mark = yours * (joined + own)
        lead = escape(action.lead) if action.lead else no_lead
        css = ' class="own"' if own else ""
        items.append(
            f'<li{css}><a href="{escape(action.detail_url)}">{escape(action.title)}</a>'
            f" — {lead} · {escape(action.status_label)}{mark}</li>"
        )
    return mark_safe("".join(items))


@register.simple_tag
def timeline_svg(timeline, own_organization_id: int | None = None, index: object = "", title: str | None = None) -> str:
    """The drawing of the actions over the cycle's years (plan.overview.timeline); presentation attributes draw it
    where no stylesheet reaches (the PDF), the page's CSS takes precedence over them. Its title is its alternative
    text (in the PDF too): the page's says that a table of the same dates follows, the plan document gives its
    own."""
    title_id = f"timeline-title{escape(index or '')}"
    title = title or _("Calendrier des actions sur les années du cycle ; le même contenu suit en tableau.")
    parts = [
        f'<svg class="plan-timeline" viewBox="-4 0 {timeline.width + 8} {timeline.height}" role="img" '
        f'aria-labelledby="{title_id}">\n  <title id="{title_id}">{escape(title)}</title>\n  '
    ]
    for tick in timeline.ticks:
        parts.append(
            f'<line class="tick" stroke="#999" stroke-dasharray="2 3" x1="{tick.x}" x2="{tick.x}" y1="0" '
            f'y2="{timeline.height}"></line><text class="tick-label" font-size="12" fill="#333" '
            f'x="{int(tick.x) + 3}" y="14">{escape(tick.label)}</text>'
        )
    for bar in timeline.bars:
        own = " own" if own_organization_id and bar.action.lead_id == own_organization_id else ""
        parts.append(
            f"<g><title>{escape(bar.action.title)}</title>\n"
            f'    <rect class="bar{own}" fill="#c5d8f1" x="{bar.x}" y="{bar.y}" width="{bar.width}" '
            f'height="14"></rect>\n'
            f'    <text class="bar-label" font-size="11" fill="#111" x="{bar.label_x}" y="{bar.label_y}">'
            f"{escape(bar.label)}</text>\n    "
        )
        for mark in bar.marks:
            done = " done" if mark.done else ""
            fill = "#222" if mark.done else "#fff"
            parts.append(
                f'<rect class="milestone{done}" fill="{fill}" stroke="#222" stroke-width="1.5" x="{mark.x}" '
                f'y="{mark.y}" width="8" height="8" transform="rotate(45 {mark.x} {mark.cy})">'
                f"<title>{escape(mark.label)}</title></rect>"
            )
        parts.append("\n  </g>")
    parts.append("\n</svg>")
    return mark_safe("".join(parts))


@register.simple_tag
def timeline_rows(timeline) -> str:
    """The rows of the table that gives the drawing's dates: each dated action, its milestones, then the undated."""
    reached = escape(_("atteint"))
    undated = escape(_("sans dates"))
    rows = []
    for bar in timeline.bars:
        marks = "; ".join(
            f"{mark.date} {escape(mark.label)}{f' ({reached})' if mark.done else ''}" for mark in bar.marks
        )
        rows.append(
            f'<tr><th scope="row">{escape(bar.action.title)}</th><td>{bar.starts}</td><td>{bar.ends}</td>'
            f"<td>{marks or '—'}</td></tr>\n"
        )
    for action in timeline.undated:
        rows.append(f'<tr><th scope="row">{escape(action.title)}</th><td colspan="3">{undated}</td></tr>')
    return mark_safe("".join(rows))
