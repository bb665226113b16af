from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.spreadsheets import XLSX_CONTENT_TYPE
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import services, spreadsheets
from ..forms import StatisticImportForm
from ..importing import MAX_ROWS, read_statistics
from .common import page_context

SHOWN_PROBLEMS = 200


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def statistic_import(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = StatisticImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = read_statistics(upload)
        if result.ok:
            outcome = services.statistics_import(
                partnership=access.partnership,
                rows=result.rows,
                user=request.user,
                reason=_("Importation du fichier %(name)s") % {"name": upload.name},
            )
            messages.success(
                request,
                _(
                    "Importation réussie : %(created)s données ajoutées, %(updated)s mises à jour, %(unchanged)s "
                    "inchangées."
                )
                % {"created": outcome.created, "updated": outcome.updated, "unchanged": outcome.unchanged},
            )
            return redirect("analysis:statistics", slug=access.partnership.slug)
        problems = result.problems
    context = page_context(
        access,
        form=form,
        problems=problems[:SHOWN_PROBLEMS],
        hidden_problems=max(len(problems) - SHOWN_PROBLEMS, 0),
        problem_count=len(problems),
        columns=spreadsheets.column_help(),
        max_rows=MAX_ROWS,
    )
    return render(request, "analysis/statistic_import.html", context)


@partnership_view(methods=("GET", "HEAD"))
def statistic_template(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    if request.GET.get("format") == "xlsx":
        return _attachment(spreadsheets.template_xlsx(), XLSX_CONTENT_TYPE, "modele-donnees.xlsx")
    return _attachment(spreadsheets.template_csv(), "text/csv; charset=utf-8", "modele-donnees.csv")


@partnership_view(methods=("GET", "HEAD"))
def statistic_example(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    return _attachment(spreadsheets.example_csv(), "text/csv; charset=utf-8", spreadsheets.EXAMPLE_FILENAME)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
