"""The download of a document: the same membership check as every page (an outsider gets 404), then the
document's own right, then the file, built at once in the reader's language — or, for a format the document
builds in the background, the person's job for it (documents/jobs.py) and a redirect to the job's page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from cycles.access import access_cycle
from cycles.tools import Scope
from partnerships.access import PartnershipAccess, partnership_view

from ..build import download
from ..jobs import job_request
from ..registry import Document, find


@partnership_view()
def cycle_document(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, key: str, file_format: str
) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    document = find(key, scope=Scope.CYCLE, file_format=file_format)
    access.require(document.perm)
    return _serve(document, file_format, access=access, cycle=cycle)


@partnership_view()
def partnership_document(
    request: HttpRequest, access: PartnershipAccess, document: str, file_format: str
) -> HttpResponse:
    found = find(document, scope=Scope.PARTNERSHIP, file_format=file_format)
    access.require(found.perm)
    return _serve(found, file_format, access=access, cycle=None)


@partnership_view()
def cycle_record_document(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, record_key: str, record_pk: int, file_format: str
) -> HttpResponse:
    """A document of one of the cycle's records (a meeting): the record through its app's access function."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    document = find(record_key, scope=Scope.CYCLE, file_format=file_format, of_record=True)
    record = document.record(access, cycle, record_pk)
    access.require(document.perm)
    return download(document, file_format, access=access, cycle=cycle, record=record)


@partnership_view()
def partnership_record_document(
    request: HttpRequest, access: PartnershipAccess, record_document: str, partnership_record_pk: int, file_format: str
) -> HttpResponse:
    """A document of one of the partnership's records (a round of the diagnostic)."""
    document = find(record_document, scope=Scope.PARTNERSHIP, file_format=file_format, of_record=True)
    record = document.record(access, None, partnership_record_pk)
    access.require(document.perm)
    return download(document, file_format, access=access, cycle=None, record=record)


def _serve(document: Document, file_format: str, *, access: PartnershipAccess, cycle) -> HttpResponse:
    if file_format in document.background:
        job = job_request(document=document, file_format=file_format, access=access, cycle=cycle)
        return redirect("documents:job", slug=access.partnership.slug, job_pk=job.pk)
    return download(document, file_format, access=access, cycle=cycle)
