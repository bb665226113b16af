"""Word: the one writer every document's `word(writer, data)` uses, so that each file has the same structure —
real heading styles (Word's navigation pane and table of contents read them), tables whose header row repeats on
every page and whose rows do not break, a running header, page numbers, and the reader's language."""

import io
import re

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from .cover import Cover

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML cannot hold, which text may carry
BREAKS = re.compile(r"(\n|\t)")
EMU_PER_TWIP = 635


def _sub(parent, tag: str, val: str | None = None, **attributes: str):
    """A child element written with lxml itself: python-docx's OxmlElement and its add_* methods cost tens of
    microseconds an element, and looking for the place of each new paragraph in the body cost a scan of the
    whole body (a 200-action plan took ten seconds)."""
    element = etree.SubElement(parent, W + tag)
    if val is not None:
        element.set(W + "val", val)
    for name, value in attributes.items():
        element.set(W + name, value)
    return element


def _run(paragraph, text: str, *, bold: bool = False):
    """<w:r> with the text; a line break or a tab in the text is Word's own, as python-docx's run.text does."""
    run = _sub(paragraph, "r")
    if bold:
        _sub(_sub(run, "rPr"), "b")
    for part in BREAKS.split(NOT_IN_XML.sub("", text)):
        if part == "\n":
            _sub(run, "br")
        elif part == "\t":
            _sub(run, "tab")
        elif part:
            _sub(run, "t").set(XML_SPACE, "preserve")
            run[-1].text = part
    return run


def _paragraph_properties(paragraph, *, style_id: str = "", right: bool = False) -> None:
    if style_id or right:
        properties = _sub(paragraph, "pPr")
        if style_id:
            _sub(properties, "pStyle", style_id)
        if right:
            _sub(properties, "jc", "right")


def _row(table, values: list[str], numeric: frozenset, *, header: bool = False) -> None:
    """<w:tr>: a header row marked to repeat on each page, or a row that does not split across pages."""
    row = _sub(table, "tr")
    _sub(_sub(row, "trPr"), "tblHeader" if header else "cantSplit", "true")
    for index, value in enumerate(values):
        cell = _sub(row, "tc")
        _sub(cell, "tcPr")
        paragraph = _sub(cell, "p")
        _paragraph_properties(paragraph, right=index in numeric)
        _run(paragraph, value, bold=header)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A field Word computes (the page number, the number of pages, the table of contents)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph.append(field)


class WordWriter:
    def __init__(self, cover: Cover) -> None:
        self.cover = cover
        self.doc = new_document()
        self.language = "en-CA" if (get_language() or "fr").startswith("en") else "fr-CA"
        self._styles()
        self._page()
        properties = self.doc.core_properties
        properties.title = cover.title
        properties.subject = cover.partnership
        properties.language = self.language
        properties.author = "Concerto"

    def _styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10)
        # The language of the text, for spelling and for screen readers.
        for style in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title", "Caption"):
            properties = self.doc.styles[style].element.get_or_add_rPr()
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), self.language)
            properties.append(language)

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.59), Cm(27.94)
        section.left_margin = section.right_margin = Cm(2)
        section.different_first_page_header_footer = True
        self._text_width = section.page_width - section.left_margin - section.right_margin
        header = section.header.paragraphs[0]
        header.text = self.cover.running_header
        header.style = self.doc.styles["Header"]
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.add_run(_("Page") + " ")
        _field(footer._p, "PAGE", "1")
        footer.add_run(" / ")
        _field(footer._p, "NUMPAGES", "1")

    # --- Content ----------------------------------------------------------------------------------------------

    def _block(self, tag: str):
        """A new paragraph or table at the end of the body, just before its last section's properties."""
        body = self.doc.element.body
        element = etree.SubElement(body, W + tag)
        body.sectPr.addprevious(element)
        return element

    def _paragraph(self, text: str = "", *, style_id: str = "", label: str = ""):
        paragraph = self._block("p")
        _paragraph_properties(paragraph, style_id=style_id)
        if label:
            _run(paragraph, label, bold=True)
        if text:
            _run(paragraph, text)
        return paragraph

    def cover_page(self) -> None:
        cover = self.cover
        self._paragraph(cover.tool_label)
        self._paragraph(cover.title, style_id="Title")
        if cover.subject:
            self._paragraph(cover.subject, style_id="Subtitle")
        for label, value in self.cover_facts():
            if value:
                self._paragraph(value, label=f"{label} : " if self.language == "fr-CA" else f"{label}: ")
        self.page_break()

    def cover_facts(self) -> list[tuple[str, str]]:
        cover = self.cover
        return [
            (_("Regroupement"), cover.partnership),
            (_("Territoire"), ", ".join(cover.territories)),
            (_("Région"), cover.region),
            (_("Cycle"), f"{cover.cycle} ({cover.cycle_dates})" if cover.cycle else ""),
            (_("Imprimé le"), cover.printed_on),
        ]

    def table_of_contents(self) -> None:
        self.heading(_("Table des matières"), 1)
        _field(
            self._paragraph(),
            r'TOC \o "1-3" \h \z \u',
            _("La table des matières se met à jour à l'ouverture du document (ou avec la touche F9)."),
        )
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
        self.page_break()

    def heading(self, text: str, level: int) -> None:
        self._paragraph(text, style_id=f"Heading{level}")

    def paragraph(self, text: str, *, bold_label: str = "") -> None:
        self._paragraph(text, label=f"{bold_label} " if bold_label else "")

    def facts(self, rows: list[tuple[str, str]]) -> None:
        """Label and value lines (an action's lead, dates, status…), the empty ones left out."""
        separator = " : " if self.language == "fr-CA" else ": "
        for label, value in rows:
            if value:
                self.paragraph(value, bold_label=f"{label}{separator}".rstrip())

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self._paragraph(item, style_id="ListBullet")

    def table(
        self,
        caption: str,
        headers: list[str],
        rows: list[list[str]],
        *,
        numeric: frozenset = frozenset(),
        widths: tuple[int, ...] = (),
    ):
        """A table with its caption, its header row repeated on each page and rows that do not break; columns
        named in `numeric` (their index) aligned right; the columns share the width between the margins, equally
        or in the relative `widths` given."""
        self._paragraph(caption, style_id="Caption")
        table = self._block("tbl")
        properties = _sub(table, "tblPr")
        _sub(properties, "tblStyle", "TableGrid")
        _sub(properties, "tblW", type="auto", w="0")
        _sub(properties, "jc", "center")
        _sub(properties, "tblLook", "04A0", firstRow="1", firstColumn="1", lastRow="0", lastColumn="0", noVBand="1")
        grid = _sub(table, "tblGrid")
        weights = widths or (1,) * len(headers)
        for weight in weights:
            _sub(grid, "gridCol", w=str(self._text_width // EMU_PER_TWIP * weight // max(sum(weights), 1)))
        _row(table, [str(h) for h in headers], numeric, header=True)
        for values in rows:
            _row(table, [str(v) for v in values], numeric)
        self._paragraph()

    def figure(self, caption: str, png: bytes, *, description: str) -> None:
        """A chart as a picture across the text's width, its alternative text (`descr`, which Word reads out and
        shows in « Texte de remplacement »), then its caption."""
        paragraph = self.doc.add_paragraph()  # python-docx places it before the last section's properties too
        picture = paragraph.add_run().add_picture(io.BytesIO(png), width=min(Cm(16), self._text_width))
        properties = picture._inline.docPr
        properties.set("descr", description)
        properties.set("title", caption)
        self._paragraph(caption, style_id="Caption")

    def page_break(self) -> None:
        _sub(_sub(self._block("p"), "r"), "br", type="page")

    def landscape(self) -> None:
        """The pages that follow are in landscape (a wide table)."""
        section = self.doc.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(27.94), Cm(21.59)
        self._text_width = section.page_width - section.left_margin - section.right_margin

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_word(write, cover: Cover, data: dict) -> bytes:
    writer = WordWriter(cover)
    write(writer, data)
    return writer.bytes()
