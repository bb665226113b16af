"""A browser behind the TLS proxy, for the load scripts: it sends the proxy's header and keeps the Secure cookies
of the production settings over plain HTTP on loopback (TLS ends at the proxy these scripts play).

requests never sends a Secure cookie over plain HTTP (it copies the jar into a fresh one with the default policy
for each request), so the cookies are kept here and sent as a header.
"""

import ipaddress
import re
import secrets
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlsplit

import requests

PEOPLE = ipaddress.IPv4Network("10.0.0.0/8")  # the simulated people's addresses, as the proxy saw them
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoJar(DefaultCookiePolicy):
    """The session's own jar stays empty: `Cookies` holds them."""

    def set_ok(self, cookie, request) -> bool:
        return False


class Cookies:
    """A person's cookies, and the address the proxy says it served them from (each person has their own, as
    the sign-in limits count per address)."""

    def __init__(self, session: requests.Session) -> None:
        session.cookies.set_policy(NoJar())
        self.values: dict[str, str] = {}
        self.address = str(ipaddress.IPv4Address(PEOPLE.network_address + secrets.randbelow(PEOPLE.num_addresses)))

    def header(self) -> dict[str, str]:
        forwarded = {"X-Forwarded-For": self.address}
        if not self.values:
            return forwarded
        return {**forwarded, "Cookie": "; ".join(f"{name}={value}" for name, value in self.values.items())}

    def keep(self, response: requests.Response) -> None:
        self.values.update(response.cookies.get_dict())


@dataclass
class Browser:
    """A browser behind the TLS proxy that sends each request to the given process."""

    session: requests.Session
    cookies: Cookies

    @classmethod
    def new(cls) -> "Browser":
        session = requests.Session()
        return cls(session, Cookies(session))

    def get(self, base: str, path: str) -> requests.Response:
        response = self.session.get(base + path, headers=headers(base, path, self.cookies), allow_redirects=False)
        self.cookies.keep(response)
        return response

    def post(self, base: str, path: str, data, files=None) -> requests.Response:
        response = self.session.post(
            base + path, data=data, files=files, headers=headers(base, path, self.cookies), allow_redirects=False
        )
        self.cookies.keep(response)
        return response

    def sign_in(self, base: str, path: str, email: str, password: str) -> requests.Response:
        page = self.get(base, path)
        token = CSRF.search(page.text).group(1)
        return self.post(base, path, {"csrfmiddlewaretoken": token, "login": email, "password": password})


def headers(base: str, path: str, cookies: Cookies) -> dict[str, str]:
    """What the TLS proxy sends to whichever process it picks: the public host name (the same for both, as the
    sign-in rate limit keys on it), its TLS header and the person's address, and what a browser on the https page
    sends."""
    host = urlsplit(base).hostname
    return {"Host": host, "X-Forwarded-Proto": "https", "Referer": f"https://{host}{path}", **cookies.header()}
