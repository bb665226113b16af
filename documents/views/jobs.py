"""A document built in the background: its page (the progress, HTMX asking every 2 seconds, a refresh link
without JavaScript; the link to the file once ready; what to do when it failed), and the file itself."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse

from core.rendering import render_region
from cycles.pages import tool_context
from partnerships.access import PartnershipAccess, partnership_view

from ..access import access_job, job_document
from ..build import CONTENT_TYPES
from ..models import JobStatus
from ..retention import JOB_RETENTION_DAYS
from ..templatetags.documents import document_url


@partnership_view()
def job_page(request: HttpRequest, access: PartnershipAccess, job_pk: int) -> HttpResponse:
    job, _may_download = access_job(access, job_pk)
    document = job_document(job)
    context = tool_context(
        access,
        document.tool,
        cycle=job.cycle,
        job=job,
        document=document,
        status_url=reverse("documents:job", kwargs={"slug": access.partnership.slug, "job_pk": job.pk}),
        file_url=reverse("documents:job_file", kwargs={"slug": access.partnership.slug, "job_pk": job.pk}),
        retry_url=document_url(document, job.file_format, access, job.cycle),
        retention_days=JOB_RETENTION_DAYS,
    )
    return render_region(request, page="documents/job.html", region="documents/_job_status.html", context=context)


@partnership_view()
def job_file(request: HttpRequest, access: PartnershipAccess, job_pk: int) -> HttpResponse:
    job, _may_download = access_job(access, job_pk)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=job.file_name, content_type=CONTENT_TYPES[job.file_format]
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
