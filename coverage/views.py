from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offer.links import finding_create_url
from organizations.models import Organization
from partnerships.access import PartnershipAccess, partnership_view

from . import selectors, services
from .access import access_organization_row
from .forms import RowForm
from .heatmap import coverage_by_system
from .history import row_history
from .models import ActionKind, Intensity, kind_legend

SECTION = "factors"


def _page(access: PartnershipAccess, **context) -> dict:
    return {"access": access, "section": SECTION, "intensities": Intensity.choices, **context}


def _wants_detail(request: HttpRequest) -> bool:
    return request.GET.get("detail") == "1"


@partnership_view()
def matrix(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    detail = _wants_detail(request)
    groups, rows = selectors.matrix(access, detail=detail)
    column_count = sum(len(g.columns) for g in groups)
    context = _page(
        access, groups=groups, rows=rows, detail=detail, column_count=column_count, action_kinds=kind_legend()
    )
    return render(request, "coverage/matrix.html", context)


@partnership_view()
def row_edit(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, can_edit = access_organization_row(access, organization_pk)
    if not can_edit:
        raise PermissionDenied
    detail = _wants_detail(request)
    groups = selectors.system_groups(access.partnership, detail=detail)
    columns = [column for group in groups for column in group.columns]
    saved = selectors.organization_interventions(organization)
    initial = {"fingerprint": services.row_fingerprint(saved.values(), detail=detail)}
    form = RowForm(request.POST or None, columns=columns, saved=saved, initial=initial)
    context = _page(access, organization=organization, groups=groups, form=form, detail=detail)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.row_save(
                organization=organization,
                cells=form.cells(),
                expected_fingerprint=form.cleaned_data["fingerprint"],
                detail=detail,
            )
        except services.RowChanged as conflict:
            return _render_row_conflict(request, context, conflict)
        message = ngettext(
            "Ligne de « %(name)s » enregistrée : %(count)s case modifiée.",
            "Ligne de « %(name)s » enregistrée : %(count)s cases modifiées.",
            changed,
        )
        messages.success(request, message % {"name": organization.name, "count": changed})
        return redirect(_matrix_url(access, detail))
    return render(request, "coverage/row_form.html", context)


def _render_row_conflict(request: HttpRequest, context: dict, conflict: services.RowChanged) -> HttpResponse:
    """Keep everything typed, show where the saved row now differs from it, and carry the new fingerprint so
    that saving again is a deliberate choice to replace the other person's values."""
    form: RowForm = context["form"]
    data = form.data.copy()
    data["fingerprint"] = conflict.fingerprint
    form.data = data
    typed = {cell.key: cell for cell in form.cells()}
    differences = []
    for column in form.columns:
        saved = conflict.saved.get(column.key)
        mine = typed.get(column.key)
        saved_text = _cell_text(saved.intensity, saved.kinds, saved.note) if saved else _("Non renseignée")
        answered = mine is not None and mine.intensity is not None
        mine_text = _cell_text(mine.intensity, mine.ordered_kinds, mine.note) if answered else _("Non renseignée")
        if saved_text != mine_text:
            differences.append({"label": column.label, "saved": saved_text, "yours": mine_text})
    context.update(conflict=True, differences=differences)
    return render(request, "coverage/row_form.html", context, status=409)


def _cell_text(intensity: int, kinds: list[str], note: str) -> str:
    labels = dict(ActionKind.choices)
    parts = [str(Intensity(intensity).label), *(str(labels[k]) for k in kinds if k in labels)]
    if note:
        parts.append(note)
    return " · ".join(parts)


@partnership_view()
def history(request: HttpRequest, access: PartnershipAccess, organization_pk: int) -> HttpResponse:
    organization, _can_edit = access_organization_row(access, organization_pk)
    context = _page(access, organization=organization, entries=row_history(organization))
    return render(request, "coverage/history.html", context)


@partnership_view()
def heatmap(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    organizations = Organization.objects.filter(partnership=access.partnership).count()
    systems = coverage_by_system(access.partnership, organizations=organizations)
    every_factor = [coverage for system in systems for coverage in system.items]
    context = _page(
        access,
        systems=systems,
        uncovered=[coverage for coverage in every_factor if coverage.status == "uncovered"],
        thin=[coverage for coverage in every_factor if coverage.status == "thin"],
        organization_count=organizations,
        finding_url=finding_create_url(access, origin="factors"),
    )
    return render(request, "coverage/heatmap.html", context)


def _matrix_url(access: PartnershipAccess, detail: bool) -> str:
    url = reverse("coverage:matrix", kwargs={"slug": access.partnership.slug})
    return f"{url}?detail=1" if detail else url
