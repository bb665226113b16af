"""The CI dependency audit (.ci/audit_dependencies.py) fails on a known vulnerability unless it is listed with its
reason. pip-audit runs for real against a vulnerability service on the loopback address that speaks OSV's API and
knows one vulnerability of Django 5.2.19."""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

pytestmark = pytest.mark.database_independent

VULNERABILITY = {
    "id": "PYSEC-0000-TEST",
    "summary": "A vulnerability made up for the test",
    "affected": [
        {
            "package": {"name": "django", "ecosystem": "PyPI"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "5.2.20"}]}],
        }
    ],
}


class FakeOsv(BaseHTTPRequestHandler):
    def do_POST(self):
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        known = query["package"]["name"] == "django" and query["version"] == "5.2.19"
        body = json.dumps({"vulns": [VULNERABILITY]} if known else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def osv_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOsv)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    server.shutdown()


def audit(tmp_path, osv_url, ignore_lines: list[str]) -> subprocess.CompletedProcess:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.19\nnh3==0.3.7\n")
    ignore = tmp_path / "ignore.txt"
    ignore.write_text("# comment\n" + "\n".join(ignore_lines) + "\n")
    env = {**os.environ, "AUDIT_SERVICE": "osv", "AUDIT_OSV_URL": osv_url, "AUDIT_IGNORE_FILE": str(ignore)}
    script = settings.BASE_DIR / ".ci" / "audit_dependencies.py"
    command = [sys.executable, str(script), "-r", str(requirements), "--no-deps"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_a_known_vulnerability_fails_the_audit(tmp_path, osv_url):
    result = audit(tmp_path, osv_url, [])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "VULNERABLE django 5.2.19: PYSEC-0000-TEST (fixed in 5.2.20)" in result.stdout


def test_a_vulnerability_listed_with_its_reason_passes(tmp_path, osv_url):
    result = audit(tmp_path, osv_url, ["PYSEC-0000-TEST  # test only: the affected feature is not used"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dependencies, 0 known vulnerabilities, 0 not audited." in result.stdout


def test_a_listed_vulnerability_needs_its_reason(tmp_path, osv_url):
    result = audit(tmp_path, osv_url, ["PYSEC-0000-TEST"])
    assert result.returncode == 1 and "without its reason" in result.stderr
