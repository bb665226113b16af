"""A document job is the person's own: only the member who asked for it sees its page and its file, and only while
they may still read the document (the same right as its download). Anyone else gets 404, as for any object of
another partnership."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from cycles.tools import Scope
from partnerships.access import PartnershipAccess

from .models import DocumentJob
from .registry import Document, documents


def access_job(access: PartnershipAccess, pk: int) -> tuple[DocumentJob, bool]:
    """The job (404 unless the person asked for it in this partnership and may read its document), and whether
    they may download its file (always, once it is ready)."""
    job = get_object_or_404(
        DocumentJob.objects.for_partnership(access.partnership).select_related("cycle"),
        pk=pk,
        requested_by_id=access.membership.user_id,
    )
    document = job_document(job)
    if not access.can(document.perm):
        raise Http404
    return job, True


def job_document(job: DocumentJob) -> Document:
    document = documents().get(job.key)
    if document is None or (document.scope is Scope.CYCLE) != (job.cycle_id is not None):
        raise Http404
    return document
