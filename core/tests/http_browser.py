"""A minimal browser over real HTTP for live-server tests: cookies, sign-in, and forms read as a browser posts them.

Used where the test client's in-process requests would hide what matters (several connections to the database at
once, as gunicorn's workers or threads open them).
"""

import http.cookiejar
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urlencode


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class FormReader(HTMLParser):
    """The fields of the page's forms with the values a browser would post (checked boxes, selected options)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "form":
            self.forms.append([])
        elif not self.forms or not name:
            return
        elif tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            if kind not in ("submit", "button", "file", "reset"):
                self.forms[-1].append((name, attributes.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            self.forms[-1].append((self._select, attributes.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.forms[-1].append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def form_fields(page: str, index: int = -1) -> dict[str, str | list[str]]:
    """The fields of one form of the page (the last by default: the header's forms come first)."""
    reader = FormReader()
    reader.feed(page)
    fields: dict[str, str | list[str]] = {}
    for name, value in reader.forms[index]:
        if name in fields:
            previous = fields[name]
            fields[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            fields[name] = value
    return fields


class HttpBrowser:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(self.base_url + path, data=body, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path: str) -> tuple[int, str]:
        return self.request(path)

    def post_form(self, path: str, changes: dict, page: str | None = None) -> tuple[int, str]:
        """Post the form of `page` (GET `path` first if not given) with `changes` applied, as a person would."""
        if page is None:
            status, page = self.get(path)
            assert status == 200, (path, status)
        return self.request(path, {**form_fields(page), **changes})

    def sign_in(self, email: str, password: str) -> None:
        status, _page = self.post_form("/comptes/login/", {"login": email, "password": password})
        assert status == 302, f"sign-in of {email} answered {status}"
