"""Real hostile workbooks for the import guard's tests, written part by part (openpyxl would refuse to write them).

A workbook here is the smallest set of parts Excel and openpyxl read: content types, relationships, the workbook,
one sheet and, if given, the shared strings. Big parts are streamed into the archive, so building a 1 GiB bomb
needs no gibibyte of memory.
"""

import io
import zipfile
from collections.abc import Iterable

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def inline_cell(column: int, row: int, text: str) -> str:
    return f'<c r="{column_letter(column)}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: list[list[str]], dimension: str | None = None) -> str:
    body = "".join(
        f'<row r="{r}">' + "".join(inline_cell(c, r, text) for c, text in enumerate(cells, start=1) if text) + "</row>"
        for r, cells in enumerate(rows, start=1)
    )
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{declared}'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def workbook(
    sheet: str,
    shared_strings: Iterable[bytes] = (),
    extra_parts: dict[str, bytes] | None = None,
    raw_shared_strings: bytes | None = None,
) -> bytes:
    """An XLSX archive; `shared_strings` is streamed (chunks of the <sst> part's content); `raw_shared_strings`
    replaces the whole part. Level 6 compresses the 1 GiB bomb to 2.8 MB (under the upload limit) twice as fast as 9."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            if raw_shared_strings is not None:
                part.write(raw_shared_strings)
            else:
                part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode())
                for chunk in shared_strings:
                    part.write(chunk)
                part.write(b"</sst>")
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def shared_strings_bomb(gibibytes: float = 1.0) -> bytes:
    """Shared strings that expand to about `gibibytes` GiB: a million strings of a thousand characters each."""
    chunk = ("<si><t>" + "a" * 1000 + "</t></si>").encode() * 1000
    count = int(gibibytes * 1024**3 / len(chunk)) + 1
    return workbook(sheet_xml([["indicateur"]]), shared_strings=(chunk for _ in range(count)))


def many_entries(count: int) -> bytes:
    return workbook(sheet_xml([["indicateur"]]), extra_parts={f"xl/media/image{n}.png": b"" for n in range(count)})
