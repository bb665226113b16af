"""Requests of the production smoke run (.ci/smoke-production), against a gunicorn serving production settings.

Only the standard library: the script plays a browser behind the TLS proxy (X-Forwarded-Proto: https), keeps the
cookies itself (they are Secure, so an HTTP client library would not send them back over plain HTTP) and signs in
with a real POST carrying the CSRF token of the sign-in form.
"""

import http.client
import json
import os
import re
import sys
import time
from urllib.parse import urlencode, urlsplit

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'",
    "Permissions-Policy": "camera=()",
}


class Browser:
    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[http.client.HTTPResponse, str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Host": self.host, "X-Forwarded-Proto": "https", "Referer": f"https://{self.host}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response, text


def probe(browser: Browser, path: str) -> tuple[int, str]:
    """A request as the proxy's or the supervisor's health probe makes it: plain HTTP, no cookie, no TLS header."""
    connection = http.client.HTTPConnection(browser.host, browser.port, timeout=30)
    connection.request("GET", path, headers={"Host": browser.host})
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, text


def wait_until_up(browser: Browser) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            browser.request("GET", "/comptes/login/")
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def expect(condition: bool, message: str) -> None:
    if not condition:
        print(f"FAIL: {message}")
        sys.exit(1)
    print(f"ok: {message}")


def check_security_headers(response: http.client.HTTPResponse, what: str) -> None:
    for name, expected in SECURITY_HEADERS.items():
        value = response.headers.get(name) or ""
        expect(expected in value, f"{what}: {name} contains {expected!r} (got {value!r})")


def main(base: str) -> None:
    browser = Browser(base)
    wait_until_up(browser)

    response, page = browser.request("GET", "/comptes/login/")
    expect(response.status == 200, f"sign-in page answers 200 (got {response.status})")
    check_security_headers(response, "sign-in page")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    expect(token is not None, "sign-in form carries a CSRF token")

    stylesheet = re.search(r'href="(/static/css/concerto\.[0-9a-f]+\.css)"', page)
    expect(stylesheet is not None, "the page links the hashed stylesheet of the manifest")
    response, _ = browser.request("GET", stylesheet.group(1))
    expect(response.status == 200, f"static file {stylesheet.group(1)} answers 200 (got {response.status})")
    expect("max-age" in (response.headers.get("Cache-Control") or ""), "static file is cached long")

    credentials = {"login": os.environ["SMOKE_EMAIL"], "password": os.environ["SMOKE_PASSWORD"]}
    response, _ = browser.request("POST", "/comptes/login/", {"csrfmiddlewaretoken": token.group(1), **credentials})
    expect(response.status == 302, f"signing in redirects (got {response.status})")
    expect("sessionid" in browser.cookies, "signing in sets the session cookie")

    response, _ = browser.request("GET", "/")
    notice = response.headers.get("Location") or ""
    expect(response.status == 302 and notice.startswith("/confidentialite/"), "the privacy notice comes first")
    response, page = browser.request("GET", notice)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    expect(response.status == 200 and token is not None, "the privacy notice page answers 200 with its form")
    response, _ = browser.request("POST", "/confidentialite/accepter/", {"csrfmiddlewaretoken": token.group(1)})
    expect(response.status == 302, f"accepting the notice redirects (got {response.status})")

    response, page = browser.request("GET", "/")
    expect(response.status == 200, f"signed-in home page answers 200 (got {response.status})")
    expect("Me déconnecter" in page, "the signed-in page shows the sign-out button")
    check_security_headers(response, "signed-in page")

    response, page = browser.request("GET", "/.well-known/security.txt")
    expect(response.status == 200 and "Contact: mailto:" in page, "security.txt answers with a contact")

    status, body = probe(browser, "/healthz")
    health = json.loads(body) if status == 200 else {}
    expect(health.get("status") == "ok", f"/healthz answers a plain-HTTP probe with ok (got {status} {body[:80]})")

    response, page = browser.request("GET", "/page-qui-n-existe-pas/")
    expect(response.status == 404, f"an unknown address answers 404 (got {response.status})")
    expect("Cette page n&#x27;existe pas" in page or "Cette page n'existe pas" in page, "the 404 page is Concerto's")


if __name__ == "__main__":
    main(sys.argv[1])
