from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from cycles.tools import Scope

from ..registry import PDF, WORD, XLSX, of_tool

register = template.Library()


def format_labels() -> dict[str, str]:
    return {PDF: _("PDF"), WORD: _("Word"), XLSX: _("Excel")}


@register.inclusion_tag("documents/_links.html", takes_context=True)
def document_links(context: template.Context, record=None) -> dict:
    """{% document_links %}: on a tool's page, a link to each of its documents in each format it offers, in the
    reader's language (the tool is the page's, from tool_context). On a record's page, `{% document_links
    record=meeting %}` links the tool's documents of one record instead, that record's."""
    tool, access, cycle = context.get("tool"), context.get("access"), context.get("cycle")
    if tool is None or access is None:
        return {"documents": []}
    labels = format_labels()
    found = []
    for document in of_tool(tool.number):
        if not access.can(document.perm) or (document.scope is Scope.CYCLE and cycle is None):
            continue
        if bool(document.record) is not (record is not None):
            continue
        found.append(
            {
                "title": document.title,
                # A format built in the background leads to its job's page, not straight to a file.
                "links": [
                    (labels[f], document_url(document, f, access, cycle, record), f in document.background)
                    for f in document.formats
                ],
            }
        )
    return {"documents": found}


def document_url(document, file_format: str, access, cycle, record=None) -> str:
    """The document's address in a format: the file itself, or, for a format built in the background, the request
    of a job (which leads to the job's page)."""
    slug = access.partnership.slug
    if record is not None and document.scope is Scope.CYCLE:
        kwargs = {"slug": slug, "cycle_pk": cycle.pk, "record_key": document.key, "record_pk": record.pk}
        return reverse("documents:cycle_record", kwargs={**kwargs, "file_format": file_format})
    if record is not None:
        kwargs = {"slug": slug, "record_document": document.key, "partnership_record_pk": record.pk}
        return reverse("documents:partnership_record", kwargs={**kwargs, "file_format": file_format})
    if document.scope is Scope.CYCLE:
        kwargs = {"slug": access.partnership.slug, "cycle_pk": cycle.pk, "key": document.key}
        return reverse("documents:cycle", kwargs={**kwargs, "file_format": file_format})
    kwargs = {"slug": access.partnership.slug, "document": document.key, "file_format": file_format}
    return reverse("documents:partnership", kwargs=kwargs)
