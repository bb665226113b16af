"""The one interface of every printable document and spreadsheet: each app declares its own in `<app>/documents.py`
(`DOCUMENTS = (Document(...), ...)`, found by `core.hooks.app_modules("documents")`), and this app serves them.

A document names its key (its address: `…/documents/<key>.<format>`), its title, its tool, who may read it (a
permission, checked by the download view after the same membership check as every page), the function that
gathers its data through the app's access functions and selectors, and what each format needs: an HTML template
for the PDF, a function that writes the Word file, a function that lists the spreadsheet's tables. The formats it
offers are those it gives the means of. Adding a document, or a format to a document, is one file: the app's.
A format named in `background` is built by a task and served from the job's page once ready.

A document of one record (a meeting, a round of the diagnostic) names the access function that fetches the record
from its address (`record`); its address carries the record's number, and its `gather` receives the record."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.http import Http404
from django.utils.functional import Promise

from core.hooks import app_modules
from cycles.tools import Scope
from partnerships.permissions import Perm

PDF, WORD, XLSX = "pdf", "docx", "xlsx"
FORMATS = (PDF, WORD, XLSX)


@dataclass(frozen=True)
class Document:
    key: str
    title: Promise
    tool: int
    gather: Callable  # (access, cycle) -> dict: the document's data, read through access functions and selectors
    pdf: str | None = None  # the HTML template the PDF is printed from (extends documents/print.html)
    word: Callable | None = None  # (writer: documents.word.WordWriter, data: dict) -> None
    sheets: Callable | None = None  # (data: dict) -> list[documents.sheets.Sheet]
    perm: Perm = Perm.VIEW
    scope: Scope = Scope.CYCLE  # a cycle's document, or the partnership's (Outils 6, 7, 13)
    # The formats that take more than a couple of seconds to build at a partnership's full size: built by a task
    # in the background (documents/jobs.py), the person following its progress, instead of in the request.
    background: tuple[str, ...] = ()
    # A document of one record rather than of the whole cycle or partnership: (access, cycle, pk) -> the record,
    # through the app's access functions (404 for anyone else's). Its gather is then (access, cycle, record).
    record: Callable | None = None

    def __post_init__(self) -> None:
        if self.record and self.background:  # a job names its document by key and cycle, not by record
            raise ValueError(f"{self.key}: a document of one record is built in the request")

    @property
    def formats(self) -> tuple[str, ...]:
        offered = {PDF: self.pdf, WORD: self.word, XLSX: self.sheets}
        return tuple(name for name in FORMATS if offered[name])


@cache
def documents() -> dict[str, Document]:
    """Every app's documents by key, in the order of the cycle."""
    found: dict[str, Document] = {}
    for app, module in app_modules("documents"):
        for document in getattr(module, "DOCUMENTS", ()):
            if document.key in found:
                raise ValueError(f"{app}.documents: the key {document.key!r} is taken")
            found[document.key] = document
    return found


def find(key: str, *, scope: Scope, file_format: str, of_record: bool = False) -> Document:
    """The document an address names, 404 unless it exists in that scope, is of one record when the address names
    one (and only then), and offers that format."""
    document = documents().get(key)
    if (
        document is None
        or document.scope is not scope
        or bool(document.record) is not of_record
        or file_format not in document.formats
    ):
        raise Http404
    return document


def of_tool(number: int) -> list[Document]:
    return [document for document in documents().values() if document.tool == number]
