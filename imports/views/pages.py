"""The pages of every import: the upload form, then the problems (nothing written) or the preview ("N to create,
M to update"), then the import (POST, redirect, message); and the template. A cycle's imports live under the
cycle, the partnership's under the partnership; the importer's own permission is checked after membership (an
outsider gets 404 before anything)."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.spreadsheets import XLSX_CONTENT_TYPE
from cycles.access import access_cycle
from cycles.models import Cycle
from cycles.pages import tool_context
from cycles.tools import Scope
from documents.registry import XLSX
from partnerships.access import FORM, PartnershipAccess, partnership_view

from .. import pending
from ..checking import ImportContext, Problem
from ..forms import ConfirmForm, UploadForm
from ..instructions import accepted_values, general_rules, template_bytes
from ..reading import MAX_ROWS, FileProblem, read_upload
from ..registry import Importer, find
from ..running import apply, examine

SHOWN_PROBLEMS = 200


@partnership_view(methods=FORM)
def cycle_import(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, importer: str) -> HttpResponse:
    found, cycle = _cycle_importer(access, cycle_pk, importer)
    return _upload(request, access, found, cycle)


@partnership_view(methods=("POST",))
def cycle_confirm(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, importer: str) -> HttpResponse:
    found, cycle = _cycle_importer(access, cycle_pk, importer)
    return _confirm(request, access, found, cycle)


@partnership_view()
def cycle_template(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, importer: str) -> HttpResponse:
    found, _cycle = _cycle_importer(access, cycle_pk, importer)
    return _template(found)


@partnership_view(methods=FORM)
def partnership_import(request: HttpRequest, access: PartnershipAccess, partnership_importer: str) -> HttpResponse:
    return _upload(request, access, _partnership_importer(access, partnership_importer), None)


@partnership_view(methods=("POST",))
def partnership_confirm(request: HttpRequest, access: PartnershipAccess, partnership_importer: str) -> HttpResponse:
    return _confirm(request, access, _partnership_importer(access, partnership_importer), None)


@partnership_view()
def partnership_template(request: HttpRequest, access: PartnershipAccess, partnership_importer: str) -> HttpResponse:
    return _template(_partnership_importer(access, partnership_importer))


def _cycle_importer(access: PartnershipAccess, cycle_pk: int, key: str) -> tuple[Importer, Cycle]:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    importer = find(key, scope=Scope.CYCLE)
    access.require(importer.perm)
    return importer.for_partnership(access.partnership), cycle


def _partnership_importer(access: PartnershipAccess, key: str) -> Importer:
    importer = find(key, scope=Scope.PARTNERSHIP)
    access.require(importer.perm)
    return importer.for_partnership(access.partnership)


def _upload(request, access: PartnershipAccess, importer: Importer, cycle: Cycle | None) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            upload = read_upload(form.cleaned_data["file"])
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            plan = examine(importer, _context(request, access, cycle, upload), upload)
            if not plan.problems:
                token = pending.keep(
                    request, importer=importer.key, partnership_id=access.partnership.pk, upload=upload
                )
                return _page(request, access, importer, cycle, plan=plan, confirm=ConfirmForm(initial={"token": token}))
            return _page(request, access, importer, cycle, form=form, problems=plan.problems, status=422)
    # A file refused whole (too big, empty, of another type) is refused as a file of problems is.
    status = 422 if request.method == "POST" else 200
    return _page(request, access, importer, cycle, form=form, status=status)


def _context(request, access: PartnershipAccess, cycle: Cycle | None, upload) -> ImportContext:
    return ImportContext(access=access, cycle=cycle, user=request.user, file_name=upload.name)


def _confirm(request, access: PartnershipAccess, importer: Importer, cycle: Cycle | None) -> HttpResponse:
    confirm = ConfirmForm(request.POST)
    upload = None
    if confirm.is_valid():
        upload = pending.take(
            request, token=confirm.cleaned_data["token"], importer=importer.key, partnership_id=access.partnership.pk
        )
    if upload is None:
        messages.error(request, _("Ce fichier n'est plus en attente d'importation : téléversez-le de nouveau."))
        return redirect(_url(importer, access, cycle, "import"))
    # Checked again: someone may have changed the data since the preview.
    plan = examine(importer, _context(request, access, cycle, upload), upload)
    if plan.problems:
        pending.discard(request)
        return _page(request, access, importer, cycle, form=UploadForm(), problems=plan.problems, status=422)
    try:
        apply(plan)
    except (EditConflict, IntegrityError):
        # Someone saved one of these records in the instant between the check and the write: nothing was written.
        message = _(
            "Des données ont changé pendant l'importation : rien n'a été importé. Importez de nouveau le fichier."
        )
        return _page(request, access, importer, cycle, form=UploadForm(), problems=[Problem(message)], status=409)
    pending.discard(request)
    messages.success(
        request,
        _("Importation de %(name)s terminée : %(created)s créés, %(updated)s mis à jour, %(unchanged)s inchangés.")
        % {"name": upload.name, "created": plan.to_create, "updated": plan.to_update, "unchanged": plan.unchanged},
    )
    return redirect(_url(importer, access, cycle, "back"))


def _template(importer: Importer) -> HttpResponse:
    response = HttpResponse(template_bytes(importer), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="modele-{importer.key}.xlsx"'
    return response


def _page(request, access, importer: Importer, cycle, *, problems=(), status=200, **values) -> HttpResponse:
    context = tool_context(
        access,
        importer.tool,
        cycle=cycle,
        importer=importer,
        problems=problems[:SHOWN_PROBLEMS],
        problem_count=len(problems),
        hidden_problems=max(len(problems) - SHOWN_PROBLEMS, 0),
        columns=[(spec, column, accepted_values(column)) for spec in importer.sheets for column in spec.columns],
        rules=general_rules(importer),
        max_rows=MAX_ROWS,
        back_url=_url(importer, access, cycle, "back"),
        template_url=_url(importer, access, cycle, "template"),
        confirm_url=_url(importer, access, cycle, "confirm"),
        export_url=_export_url(importer, access, cycle),
        **values,
    )
    return render(request, "imports/import.html", context, status=status)


def _export_url(importer: Importer, access: PartnershipAccess, cycle: Cycle | None) -> str:
    if not importer.document:
        return ""
    kwargs = {"slug": access.partnership.slug, "file_format": XLSX}
    if importer.scope is Scope.CYCLE:
        return reverse("documents:cycle", kwargs={**kwargs, "cycle_pk": cycle.pk, "key": importer.document})
    return reverse("documents:partnership", kwargs={**kwargs, "document": importer.document})


def _url(importer: Importer, access: PartnershipAccess, cycle: Cycle | None, which: str) -> str:
    kwargs = {"slug": access.partnership.slug}
    if importer.scope is Scope.CYCLE:
        kwargs["cycle_pk"] = cycle.pk
    if which == "back":
        return reverse(importer.back, kwargs=kwargs)
    prefix, key = ("cycle", "importer") if importer.scope is Scope.CYCLE else ("partnership", "partnership_importer")
    name = {"import": prefix, "confirm": f"{prefix}_confirm", "template": f"{prefix}_template"}[which]
    return reverse(f"imports:{name}", kwargs={**kwargs, key: importer.key})
