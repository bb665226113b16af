"""Word: the one writer every document's `word(writer, data)` uses, so that each file has the same structure —
real heading styles (Word's navigation pane and table of contents read them), tables whose header row repeats on
every page and whose rows do not break, a running header, page numbers, and the reader's language."""

import io
import re

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .cover import Cover


def _flag(parent, tag: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    parent.append(element)


NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML cannot hold, which text may carry


def _row(values: list[str], numeric: frozenset, *, header: bool = False):
    """<w:tr>: a header row marked to repeat on each page, or a row that does not split across pages."""
    row = OxmlElement("w:tr")
    properties = OxmlElement("w:trPr")
    _flag(properties, "w:tblHeader" if header else "w:cantSplit")
    row.append(properties)
    for index, value in enumerate(values):
        cell = OxmlElement("w:tc")
        cell.append(OxmlElement("w:tcPr"))
        paragraph = OxmlElement("w:p")
        if index in numeric:
            paragraph_properties = OxmlElement("w:pPr")
            justification = OxmlElement("w:jc")
            justification.set(qn("w:val"), "right")
            paragraph_properties.append(justification)
            paragraph.append(paragraph_properties)
        run = OxmlElement("w:r")
        if header:
            run_properties = OxmlElement("w:rPr")
            run_properties.append(OxmlElement("w:b"))
            run.append(run_properties)
        text = OxmlElement("w:t")
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text.text = NOT_IN_XML.sub("", value)
        run.append(text)
        paragraph.append(run)
        cell.append(paragraph)
        row.append(cell)
    return row


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A field Word computes (the page number, the number of pages, the table of contents)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _styled(paragraph, style_id: str):
    """Names the paragraph's style by its id: python-docx looks a style up by scanning every style of the
    document, which made a 200-action plan take most of a minute."""
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


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
        header = section.header.paragraphs[0]
        header.text = self.cover.running_header
        header.style = self.doc.styles["Header"]
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.add_run(_("Page") + " ")
        _field(footer, "PAGE", "1")
        footer.add_run(" / ")
        _field(footer, "NUMPAGES", "1")

    # --- Content ----------------------------------------------------------------------------------------------

    def cover_page(self) -> None:
        cover = self.cover
        self.doc.add_paragraph(cover.tool_label)
        _styled(self.doc.add_paragraph(cover.title), "Title")
        for label, value in self.cover_facts():
            if value:
                paragraph = self.doc.add_paragraph()
                paragraph.add_run(f"{label} : " if self.language == "fr-CA" else f"{label}: ").bold = True
                paragraph.add_run(value)
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
            self.doc.add_paragraph(),
            r'TOC \o "1-3" \h \z \u',
            _("La table des matières se met à jour à l'ouverture du document (ou avec la touche F9)."),
        )
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
        self.page_break()

    def heading(self, text: str, level: int) -> None:
        _styled(self.doc.add_paragraph(text), f"Heading{level}")

    def paragraph(self, text: str, *, bold_label: str = "") -> None:
        paragraph = self.doc.add_paragraph()
        if bold_label:
            paragraph.add_run(bold_label).bold = True
            paragraph.add_run(" ")
        paragraph.add_run(text)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        """Label and value lines (an action's lead, dates, status…), the empty ones left out."""
        separator = " : " if self.language == "fr-CA" else ": "
        for label, value in rows:
            if value:
                self.paragraph(value, bold_label=f"{label}{separator}".rstrip())

    def bullets(self, items: list[str]) -> None:
        for item in items:
            _styled(self.doc.add_paragraph(item), "ListBullet")

    def table(self, caption: str, headers: list[str], rows: list[list[str]], *, numeric: frozenset = frozenset()):
        """A table with its caption, its header row repeated on each page and rows that do not break; columns
        named in `numeric` (their index) aligned right. Rows are written as XML directly: python-docx's cell by
        cell interface costs a few milliseconds a cell."""
        _styled(self.doc.add_paragraph(caption), "Caption")
        table = self.doc.add_table(rows=0, cols=len(headers))
        table._tbl.tblPr.style = "TableGrid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table._tbl.append(_row(headers, numeric, header=True))
        for values in rows:
            table._tbl.append(_row([str(v) for v in values], numeric))
        self.doc.add_paragraph()
        return table

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def landscape(self) -> None:
        """The pages that follow are in landscape (a wide table)."""
        section = self.doc.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(27.94), Cm(21.59)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_word(write, cover: Cover, data: dict) -> bytes:
    writer = WordWriter(cover)
    write(writer, data)
    return writer.bytes()
