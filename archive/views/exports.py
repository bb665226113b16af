"""The coordinator's page of the partnership's archive: what it holds, and its download."""

import tempfile
import time

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from archive import selectors
from archive.export import export_partnership
from archive.format import ArchiveError
from archive.forms import ExportForm
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm


@partnership_view(Perm.EDIT_PROFILE)
def archive_page(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    context = page_context(
        access, Section.PROFILE, summary=selectors.archive_summary(access.partnership), form=ExportForm()
    )
    return render(request, "archive/page.html", context)


@partnership_view(Perm.EDIT_PROFILE)
def archive_download(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    """Build the archive in a temporary file (never whole in memory) and send it from there."""
    form = ExportForm(request.GET)
    history = form.is_valid() and form.cleaned_data["history"]
    started = time.perf_counter()
    archive = tempfile.TemporaryFile(suffix=".zip")  # noqa: SIM115 — FileResponse closes it once sent
    try:
        export_partnership(partnership=access.partnership, destination=archive, history=history)
    except ArchiveError as error:
        archive.close()
        context = page_context(
            access, Section.PROFILE, summary=selectors.archive_summary(access.partnership), form=form, error=error
        )
        return render(request, "archive/page.html", context, status=409)
    archive.seek(0)
    name = _("Archive — %(partnership)s — %(date)s.zip") % {
        "partnership": access.partnership.name,
        "date": timezone.localdate().isoformat(),
    }
    response = FileResponse(archive, as_attachment=True, filename=name, content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    response["Server-Timing"] = f"build;dur={(time.perf_counter() - started) * 1000:.0f}"
    return response
