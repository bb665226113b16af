"""A report's two sets, each edited as a whole: the people reached by territory, the money spent per budget line.
Only an open report's authors edit them (refused with a conflict when someone saved the set meanwhile)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.concurrency import ConflictRow, SetChanged, fingerprint
from core.rendering import render_region, set_conflict
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_report
from ..forms import ReachForm, SpendingForm
from .common import followup_url, page_context


def _open_report(access: PartnershipAccess, cycle_pk: int, report_pk: int):
    report, can_edit = access_report(access, cycle_pk, report_pk)
    if not can_edit:
        raise PermissionDenied
    return report


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def reach(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report = _open_report(access, cycle_pk, report_pk)
    territories = selectors.territories(access.partnership)
    saved = selectors.report_reach(report)
    initial = {"fingerprint": fingerprint(services.reach_state(saved))}
    for row in saved:
        for kind in ("children", "parents", "practitioners"):
            initial[f"t{row.territory_id}_{kind}"] = getattr(row, kind)
    form = ReachForm(request.POST or None, initial=initial, territories=territories)
    page = {"title": _("Personnes rejointes par territoire"), "kind": "reach"}
    if request.method == "POST" and form.is_valid():
        try:
            services.reach_save(
                report=report, reach=form.reach(), expected_fingerprint=form.cleaned_data["fingerprint"]
            )
        except SetChanged as conflict:
            names = {t.pk: t.name for t in territories}
            page["set_conflict"] = set_conflict(
                form,
                conflict,
                alert=_("Quelqu'un a enregistré la portée de ce suivi pendant que vous la modifiiez."),
                caption=_("Territoires où ce qui est enregistré diffère de votre saisie"),
                label_heading=_("Territoire"),
                differences=_differences(
                    {row[0]: row[1:] for row in services.reach_state(conflict.saved)}, form.reach(), names
                ),
            )
            return _render(request, access, report, form, page, status=409)
        return _saved(request, access, report)
    return _render(request, access, report, form, page)


@partnership_view(Perm.REPORT_OWN_ACTIONS, methods=FORM)
def spending(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, report_pk: int) -> HttpResponse:
    report = _open_report(access, cycle_pk, report_pk)
    lines = selectors.action_budget_lines(report.action)
    saved = selectors.report_spending(report)
    initial = {"fingerprint": fingerprint(services.spending_state(saved))}
    initial.update({f"line{row.budget_line_id}": row.amount for row in saved})
    form = SpendingForm(request.POST or None, initial=initial, budget_lines=lines)
    page = {"title": _("Dépenses par ligne budgétaire"), "kind": "spending"}
    if request.method == "POST" and form.is_valid():
        try:
            services.spending_save(
                report=report, spending=form.spending(), expected_fingerprint=form.cleaned_data["fingerprint"]
            )
        except SetChanged as conflict:
            names = {line.pk: str(line) for line in lines}
            saved_amounts = dict(services.spending_state(conflict.saved))
            typed = {pk: str(amount) if amount is not None else None for pk, amount in form.spending().items()}
            page["set_conflict"] = set_conflict(
                form,
                conflict,
                alert=_("Quelqu'un a enregistré les dépenses de ce suivi pendant que vous les modifiiez."),
                caption=_("Lignes budgétaires où ce qui est enregistré diffère de votre saisie"),
                label_heading=_("Ligne budgétaire"),
                differences=_differences(saved_amounts, typed, names),
            )
            return _render(request, access, report, form, page, status=409)
        return _saved(request, access, report)
    return _render(request, access, report, form, page)


def _differences(saved: dict, typed: dict, names: dict) -> list[ConflictRow]:
    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, tuple):
            return " · ".join("—" if part is None else str(part) for part in value)
        return str(value)

    empty = (None, None, None)
    rows = []
    for pk, name in names.items():
        before, after = saved.get(pk), typed.get(pk)
        if before in (None, empty) and after in (None, empty):
            continue
        if text(before) != text(after):
            rows.append(ConflictRow(label=name, saved=text(before), yours=text(after)))
    return rows


def _saved(request: HttpRequest, access: PartnershipAccess, report) -> HttpResponse:
    messages.success(request, _("Les modifications ont été enregistrées."))
    return redirect(followup_url("report_detail", access, report.action.cycle_id, report_pk=report.pk))


def _render(request, access, report, form, page, *, status: int = 200) -> HttpResponse:
    back = followup_url("report_detail", access, report.action.cycle_id, report_pk=report.pk)
    context = page_context(access, report.action.cycle, form=form, report=report, back_url=back, **page)
    return render_region(
        request, page="followup/report_set.html", region="followup/_report_set.html", context=context, status=status
    )
