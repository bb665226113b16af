"""What the importers' tests share: a workbook written as a person's spreadsheet would be (formulas included),
and the two steps of an import through HTTP (upload, then confirm)."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile

from core.spreadsheets import sheet_name

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook as Excel saves it: a text beginning with = is a formula there, as a person typed it."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for title, rows in sheets.items():
        sheet = book.create_sheet(sheet_name(title, taken))  # Excel cuts a long title to 31 characters
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, address: str, content: bytes, name: str = "import.xlsx"):
    return client.post(address, {"file": SimpleUploadedFile(name, content)})


def confirm(client, address: str, preview):
    """Post the preview's confirmation form, as the « Importer » button does."""
    html = preview.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    action = re.search(r'<form method="post" action="([^"]+)">(?:(?!</form>).)*name="token"', html, re.S).group(1)
    return client.post(action, {"token": token})


def import_file(client, address: str, content: bytes, name: str = "import.xlsx"):
    preview = upload(client, address, content, name)
    assert preview.status_code == 200, preview.content.decode()[:3000]
    return confirm(client, address, preview)


def problems(response) -> list[tuple[str, str, str, str]]:
    """The table of problems of a refused import: (sheet, line, column, message) per row."""
    html = response.content.decode()
    table = re.search(r'<table class="problems">(.*?)</table>', html, re.S)
    assert table, "no list of problems on the page"
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", table.group(1), re.S)
    return [tuple(cell.strip() for cell in row) for row in rows]


def sheet_rows(content: bytes, title: str | None = None) -> list[tuple]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    sheet = book[title] if title else book.worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]
