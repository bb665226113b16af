"""Outil 7: the organizations × factors matrix, and each organization's row, saved as one set."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.concurrency import ConflictRow, SetChanged
from core.history import child_history
from core.rendering import render_history, set_conflict
from core.systems import system_view
from core.text import de_name
from cycles.pages import tool_context
from partnerships.access import FORM, PartnershipAccess, partnership_view

from .. import selectors, services
from ..access import access_organization_row
from ..forms import RowForm
from ..models import ActionKind, FactorIntervention, Intensity, kind_legend
from ..suggestions import suggestions

TOOL = 7


def matrix_page(access: PartnershipAccess, **extra) -> dict:
    return tool_context(access, TOOL, intensities=Intensity.choices, **extra)


def _wants_detail(request: HttpRequest) -> bool:
    return request.GET.get("detail") == "1"


def _matrix_url(access: PartnershipAccess, detail: bool) -> str:
    url = reverse("coverage:matrix", kwargs={"slug": access.partnership.slug})
    return f"{url}?detail=1" if detail else url


@partnership_view()
def matrix(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    detail = _wants_detail(request)
    view = system_view(request.GET, keep=("detail",))
    tables, rows = selectors.matrix(access, detail=detail, system=view.chosen)
    context = matrix_page(
        access,
        tables=tables,
        rows=rows,
        detail=detail,
        system_view=view,
        projector=view.projector,
        filled_count=sum(row.is_filled for row in rows),
        action_kinds=kind_legend(),
    )
    return render(request, "coverage/matrix.html", context)


@partnership_view(methods=FORM)
def row_edit(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, can_edit = access_organization_row(access, organization_pk)
    if not can_edit:
        raise PermissionDenied
    detail = _wants_detail(request)
    groups = selectors.system_groups(access.partnership, detail=detail)
    columns = [column for group in groups for column in group.columns]
    saved = selectors.organization_interventions(organization)
    initial = {"fingerprint": services.row_fingerprint(saved.values(), detail=detail)}
    form = RowForm(
        request.POST or None, columns=columns, saved=saved, suggested=suggestions(organization), initial=initial
    )
    context = matrix_page(access, organization=organization, groups=groups, form=form, detail=detail)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.row_save(
                organization=organization,
                cells=form.cells(),
                expected_fingerprint=form.cleaned_data["fingerprint"],
                detail=detail,
            )
        except SetChanged as conflict:
            context["set_conflict"] = set_conflict(
                form,
                conflict,
                alert=_(
                    "Quelqu'un a enregistré cette ligne pendant que vous la remplissiez : votre saisie n'a pas été "
                    "enregistrée."
                ),
                caption=_("Cases où la version enregistrée diffère de votre saisie"),
                label_heading=_("Facteur"),
                differences=_row_differences(form, conflict.saved),
            )
            return render(request, "coverage/row_form.html", context, status=409)
        message = ngettext(
            "Ligne %(de_name)s enregistrée : %(count)s case modifiée.",
            "Ligne %(de_name)s enregistrée : %(count)s cases modifiées.",
            changed,
        )
        messages.success(request, message % {"de_name": de_name(organization.name), "count": changed})
        return redirect(_matrix_url(access, detail))
    return render(request, "coverage/row_form.html", context)


def _row_differences(form: RowForm, saved: dict) -> list[ConflictRow]:
    """The cells where the row as saved now differs from what the person typed."""
    typed = {cell.key: cell for cell in form.cells()}
    differences = []
    for column in form.columns:
        was, mine = saved.get(column.key), typed.get(column.key)
        saved_text = _cell_text(was.intensity, was.kinds, was.note) if was else _("Non renseignée")
        answered = mine is not None and mine.intensity is not None
        mine_text = _cell_text(mine.intensity, mine.ordered_kinds, mine.note) if answered else _("Non renseignée")
        if saved_text != mine_text:
            differences.append(ConflictRow(label=column.label, saved=saved_text, yours=mine_text))
    return differences


def _cell_text(intensity: int, kinds: list[str], note: str) -> str:
    labels = dict(ActionKind.choices)
    parts = [str(Intensity(intensity).label), *(str(labels[k]) for k in kinds if k in labels)]
    if note:
        parts.append(note)
    return " · ".join(parts)


@partnership_view()
def history(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    """Every change of every cell of the organization's row, each entry naming its cell."""
    organization, _can_edit = access_organization_row(access, organization_pk)
    cell_label = selectors.cell_labels(access.partnership)
    entries = child_history(
        FactorIntervention,
        subject=lambda record: cell_label(record.factor_id, record.element_id),
        fields=("intensity", "kinds", "note"),
        organization_id=organization.pk,
    )
    return render_history(
        request,
        title=_("Ligne %(de_name)s") % {"de_name": de_name(organization.name)},
        back_url=_matrix_url(access, detail=False),
        entries=entries,
        context=matrix_page(access),
    )
