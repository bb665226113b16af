"""PDF: the document's HTML template printed by WeasyPrint with the print stylesheet, tagged for accessibility
(PDF/UA-1: headings, tables and their header cells, the language and the title reach screen readers).

A build in the background reports how far it has gone: WeasyPrint announces its steps and each page it lays out
on its `weasyprint.progress` logger, which `render_pdf` listens to (only for the thread that builds)."""

import gc
import logging
import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import get_language

PRINT_CSS = Path(__file__).resolve().parent / "static" / "documents" / "print.css"
# WeasyPrint's own user agent stylesheet reduced to the elements documents use (a fifth of a long PDF's build went
# to cascading its rules for every element's pseudo-elements, [dir] and form fields).
USER_AGENT_CSS = PRINT_CSS.with_name("user-agent.css")
STEP = re.compile(r"^Step (\d)")
# WeasyPrint's steps (3 the styles, 4 the boxes, 5 the layout, page by page, 6 the PDF, 7 its metadata), as the
# share of the build they start at: the layout of the pages is most of the work.
STEP_PROGRESS = {3: 15, 4: 25, 5: 30, 6: 80, 7: 95}
Progress = Callable[[int, int], None]  # (percent, pages laid out so far)


@cache
def _stylesheet():
    from weasyprint import CSS  # heavy: only a download needs it

    return CSS(string=PRINT_CSS.read_text(encoding="utf-8"))


@cache
def _html_class():
    """WeasyPrint's HTML with the documents' user agent stylesheet (user-agent.css) in place of its own."""
    from weasyprint import CSS, HTML

    user_agent = CSS(string=USER_AGENT_CSS.read_text(encoding="utf-8"))

    class DocumentHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            return [user_agent]

    return DocumentHTML


def _fetcher():
    """Nothing is fetched: the stylesheet is given, charts are inline SVG, and a document never reaches out to a
    network or to the server's files whatever its text holds."""
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


class _ProgressHandler(logging.Handler):
    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.INFO)
        self.progress = progress
        self.thread = threading.get_ident()
        self.pages = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        found = STEP.match(str(record.msg))
        if not found or int(found.group(1)) not in STEP_PROGRESS:
            return
        step = int(found.group(1))
        if step == 5 and record.args:
            self.pages = int(record.args[0])
        # The layout advances towards the PDF step as pages come, without knowing how many there will be.
        layout_share = 50 * self.pages / (self.pages + 40) if step == 5 else 0
        self.progress(STEP_PROGRESS[step] + int(layout_share), self.pages)


@contextmanager
def _listening(progress: Progress | None):
    if progress is None:
        yield
        return
    logger = logging.getLogger("weasyprint.progress")
    handler, level = _ProgressHandler(progress), logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def _collecting_after():
    """The cyclic garbage collector waits until the PDF is written: WeasyPrint makes millions of objects that live
    until the end, and each full collection during the build went through all of them again (a tenth of the
    build)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_pdf(template: str, context: dict, *, progress: Progress | None = None) -> bytes:
    html = render_to_string(template, {**context, "language": get_language() or "fr"})
    document = _html_class()(string=html, base_url="data:,", url_fetcher=_fetcher())
    with _listening(progress), _collecting_after():
        return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant="pdf/ua-1")
