"""What the two app processes must share, checked by alternating between them: the session, the rate limits
(kept in the shared cache), uploaded files, and the task queue (the worker runs what a command queued)."""

import re
import secrets
import subprocess
import time
from urllib.parse import urlsplit

from . import forms, ledger, stack
from .browser import Browser

# allauth's refusal once the limit is passed, in the interface's two languages.
TOO_MANY = re.compile(r"Trop de tentatives de connexion|Too many failed login attempts")
DOCUMENT_LINK = re.compile(r'href="([^"]+/engagements/\d+/document/)"')
# The smallest PDF the upload check accepts as one (the header and an end-of-file marker).
TINY_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def session_is_shared(bases: list[str], person: dict) -> bool:
    browser = Browser.new()
    signed_in = browser.sign_in(bases[0], person["sign_in"], person["email"], ledger.PASSWORD).status_code == 302
    return signed_in and browser.get(bases[1], person["pages"][0][1]).status_code == 200


def rate_limit_is_shared(bases: list[str], sign_in: str) -> bool:
    """Failed sign-ins for one address, alternating processes, are refused once the shared count passes the limit
    (5 per 5 minutes per address by default); with a count per process, each would have seen only half."""
    email = f"nobody-{secrets.token_hex(4)}@load.concerto.test"
    refused = []
    for attempt in range(8):
        answer = Browser.new().sign_in(bases[attempt % 2], sign_in, email, "wrong-password")
        refused.append(answer.status_code == 429 or TOO_MANY.search(answer.text) is not None)
    return not any(refused[:5]) and all(refused[5:])


def upload(browser: Browser, base: str, coordinator: dict, content: bytes):
    """The coordinator attaches a signed commitment document through the given process."""
    form = forms.main_form(browser.get(base, coordinator["commitment"]).text)
    return browser.post(
        base,
        form["action"] or coordinator["commitment"],
        forms.filled(form, "upload"),
        files={"signed_document": ("engagement.pdf", content, "application/pdf")},
    )


def download(browser: Browser, base: str, coordinator: dict) -> bytes | None:
    link = DOCUMENT_LINK.search(browser.get(base, coordinator["step"]).text)
    return browser.get(base, urlsplit(link.group(1)).path).content if link else None


def signed_in(coordinator: dict, base: str) -> Browser:
    browser = Browser.new()
    browser.sign_in(base, coordinator["sign_in"], coordinator["email"], ledger.PASSWORD)
    return browser


def a_document() -> bytes:
    return TINY_PDF + secrets.token_hex(8).encode()


def upload_is_shared(bases: list[str], coordinator: dict) -> bool:
    """A document uploaded through one process is downloaded through the other, byte for byte."""
    browser = signed_in(coordinator, bases[0])
    content = a_document()
    return upload(browser, bases[0], coordinator, content).status_code == 302 and (
        download(browser, bases[1], coordinator) == content
    )


TASK_STATUS = (
    "from django_tasks_db.models import DBTaskResult; "
    "print(DBTaskResult.objects.filter(id={id!r}).values_list('status', flat=True).first())"
)


def task_runs_on_the_worker(env: dict[str, str], timeout: float = 180) -> bool:
    """The daily cron command queues the reminder digests; the worker process, not the command, runs them. At
    province scale the run gathers 150 partnerships' due reports and writes thousands of digests: about a minute
    of one core, more while the load runs."""
    queued = subprocess.run(
        [stack.PYTHON, "manage.py", "send_reminders"], cwd=stack.ROOT, env=env, capture_output=True, text=True
    )
    words = queued.stdout.split()
    if queued.returncode != 0 or len(words) < 2:
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = subprocess.run(
            [stack.PYTHON, "manage.py", "shell", "-c", TASK_STATUS.format(id=words[1])],
            cwd=stack.ROOT, env=env, capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        if status and status[-1] in {"SUCCESSFUL", "FAILED"}:
            return status[-1] == "SUCCESSFUL"
        time.sleep(1)
    return False
