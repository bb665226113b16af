"""The evaluation summary's long lists, written in Python: a cycle of 200 actions writes the decisions' row 200
times, and a template spends 10 to 30 µs on each variable and tag of a row (plan/templatetags/plan_tags.py does the
same for Outil 10). The values come worked out from the view (`plan.links.label_actions`,
`evaluation.links.label_decisions`); here they are only escaped and assembled."""

import datetime
from decimal import Decimal

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from analysis.numbers import format_value
from core.routes import row_url

from ..selectors import IndicatorRow

register = template.Library()


def _measure(value: Decimal | None, unit: str, day: datetime.date | None = None) -> str:
    if value is None:
        return "—"
    shown = f"{escape(format_value(value))} {unit}"
    return f"{shown} ({day:%Y-%m-%d})" if day else shown


@register.simple_tag
def summary_indicator_rows(rows: list[IndicatorRow], slug: str, cycle_pk: int) -> SafeString:
    """The rows of one transformation's table of indicators: baseline, first and last measurements, targets and
    whether the curve goes the right way."""
    if not rows:
        empty = escape(_("Pas d'indicateur."))
        return mark_safe(f'<tr><td colspan="6">{empty}</td></tr>')
    indicator_url = row_url("evaluation:indicator", "indicator_pk", slug=slug, cycle_pk=cycle_pk)
    lines = []
    for row in rows:
        indicator = row.indicator
        unit = escape(indicator.unit)
        first, last = row.first, row.last
        targets = "; ".join(_measure(target.value, unit, target.date) for target in row.targets) or "—"
        lines.append(
            f'<tr><th scope="row"><a href="{indicator_url(indicator.pk)}">{escape(indicator.name)}</a></th>'
            f"<td>{_measure(row.baseline, unit)}</td>"
            f"<td>{_measure(first.value, unit, first.measured_on) if first else '—'}</td>"
            f"<td>{_measure(last.value, unit, last.measured_on) if last else '—'}</td>"
            f"<td>{targets}</td>"
            f'<td class="direction direction-{row.direction.value}">{escape(row.direction.label)}</td></tr>'
        )
    return mark_safe("\n".join(lines))


@register.simple_tag
def summary_action_rows(actions: list) -> SafeString:
    """The rows of the table of decisions: each action, its state and the decisions of the reviews on it."""
    if not actions:
        empty = escape(_("Le cycle n'a pas encore d'action."))
        return mark_safe(f'<tr><td colspan="3">{empty}</td></tr>')
    not_applied = f" ({escape(_('pas encore appliquée'))})"
    no_decision = escape(_("Pas de décision."))
    lines = []
    for action in actions:
        decisions = "".join(
            f'<p><a href="{escape(decision.url)}">{escape(decision.label)}</a>'
            f"{'' if decision.applied_at else not_applied} — {escape(decision.reason)}</p>"
            for decision in action.decision_list
        )
        lines.append(
            f'<tr><th scope="row"><a href="{escape(action.detail_url)}">{escape(action.title)}</a></th>'
            f"<td>{escape(action.status_label)}</td><td>{decisions or no_decision}</td></tr>"
        )
    return mark_safe("\n".join(lines))
