"""The download of a document: the same membership check as every page (an outsider gets 404), then the
document's own right, then the file, built at once in the reader's language."""

from django.http import HttpRequest, HttpResponse

from cycles.access import access_cycle
from cycles.tools import Scope
from partnerships.access import PartnershipAccess, partnership_view

from ..build import download
from ..registry import find


@partnership_view()
def cycle_document(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, key: str, file_format: str
) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    document = find(key, scope=Scope.CYCLE, file_format=file_format)
    access.require(document.perm)
    return download(document, file_format, access=access, cycle=cycle)


@partnership_view()
def partnership_document(
    request: HttpRequest, access: PartnershipAccess, document: str, file_format: str
) -> HttpResponse:
    found = find(document, scope=Scope.PARTNERSHIP, file_format=file_format)
    access.require(found.perm)
    return download(found, file_format, access=access, cycle=None)
