"""PDF: the document's HTML template printed by WeasyPrint with the print stylesheet, tagged for accessibility
(PDF/UA-1: headings, tables and their header cells, the language and the title reach screen readers)."""

from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import get_language

PRINT_CSS = Path(__file__).resolve().parent / "static" / "documents" / "print.css"


@cache
def _stylesheet():
    from weasyprint import CSS  # heavy: only a download needs it

    return CSS(string=PRINT_CSS.read_text(encoding="utf-8"))


def _fetcher():
    """Nothing is fetched: the stylesheet is given, charts are inline SVG, and a document never reaches out to a
    network or to the server's files whatever its text holds."""
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, {**context, "language": get_language() or "fr"})
    document = HTML(string=html, base_url="data:,", url_fetcher=_fetcher())
    return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant="pdf/ua-1")
