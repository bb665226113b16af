"""The simulated people of `make load`: coordinators, committee members, partners and observers of the sampled
partnerships sign in, browse their cycle's pages and fill in forms, one request every few seconds each.

Requests alternate between the two app processes (LOAD_HOSTS): a person signed in on one is served by the other,
so the run proves that sessions, cache and rate limits are shared. The stack serves production settings behind
a TLS proxy; the simulated browser sends the proxy's header and keeps its Secure cookies over loopback.
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

from bench.load import forms, ledger
from bench.load.browser import CSRF, Cookies, headers

HOSTS = os.environ["LOAD_HOSTS"].split(",")
CAST = json.loads(Path(os.environ["LOAD_CAST"]).read_text())
LEDGER = Path(os.environ["LOAD_LEDGER"])
RUN = os.environ["LOAD_RUN"]
WRITES = int(os.environ.get("LOAD_WRITES", "1"))  # of 13 turns: the fault drills want many writes under way
_people = itertools.cycle(random.Random(RUN).sample(CAST, len(CAST)))
_markers = itertools.count(1)


class Member(HttpUser):
    wait_time = between(2, 8)
    host = HOSTS[0]

    def on_start(self) -> None:
        self.person = next(_people)
        self.cookies = Cookies(self.client)
        self._hosts = itertools.cycle(HOSTS)
        self.sign_in()

    # Requests -------------------------------------------------------------------------------------------------

    def _url(self, path: str) -> tuple[str, dict[str, str]]:
        base = next(self._hosts)
        return base + path, headers(base, path, self.cookies)

    def get(self, path: str, name: str):
        url, headers = self._url(path)
        with self.client.get(url, headers=headers, name=name, catch_response=True, allow_redirects=False) as answer:
            self.cookies.keep(answer)
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code} on {path}")
            return answer

    def post(self, path: str, data, name: str):
        url, headers = self._url(path)
        with self.client.post(url, data=data, headers=headers, name=name, catch_response=True,
                              allow_redirects=False) as answer:  # fmt: skip
            self.cookies.keep(answer)
            if answer.status_code != 302:
                answer.failure(f"{answer.status_code} on POST {path}" + _form_errors(answer.text))
            return answer

    # What people do -------------------------------------------------------------------------------------------

    def sign_in(self) -> None:
        page = self.get(self.person["sign_in"], name="sign-in form")
        token = CSRF.search(page.text)
        data = {"csrfmiddlewaretoken": token.group(1) if token else "", "login": self.person["email"],
                "password": ledger.PASSWORD}  # fmt: skip
        self.post(self.person["sign_in"], data, name="sign in")

    @task(13 - WRITES)
    def browse(self) -> None:
        label, path = random.choice(self.person["pages"])
        self.get(path, name=label)

    @task(WRITES)
    def write(self) -> None:
        writes = self.person["writes"]
        if not writes:
            return self.browse()
        kind, path = random.choice(writes)
        page = self.get(path, name=f"{kind} (form)")
        form = forms.main_form(page.text) if page.status_code == 200 else None
        if form is None:
            return
        marker = f"load-{RUN}-{next(_markers)}"
        answer = self.post(form["action"] or path, forms.filled(form, marker), name=f"{kind} (save)")
        if answer.status_code == 302:
            ledger.acknowledge(LEDGER, marker=marker, kind=kind, location=answer.headers.get("Location", ""))


def _form_errors(html: str) -> str:
    found = re.findall(r'class="[^"]*errorlist[^"]*"[^>]*>\s*<li>([^<]+)', html)
    return (": " + "; ".join(found[:3])) if found else ""
