"""Dependency audit for CI: pip-audit over requirements.txt; a known vulnerability fails unless it is listed, with
its reason, in .ci/pip-audit-ignore.txt.

    python .ci/audit_dependencies.py [pip-audit arguments]     (default: -r requirements.txt)

The vulnerability service is PyPI's (AUDIT_SERVICE=osv and AUDIT_OSV_URL choose OSV). When the service knows none
of the dependencies (no network to it), nothing could be checked: the audit says so loudly and passes, unless
AUDIT_REQUIRED=true, where it fails.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

IGNORE_FILE = Path(os.environ.get("AUDIT_IGNORE_FILE", Path(__file__).with_name("pip-audit-ignore.txt")))


def ignored_ids() -> list[str]:
    ids = []
    for number, line in enumerate(IGNORE_FILE.read_text().splitlines(), start=1):
        entry, _, reason = line.partition("#")
        if not entry.strip():
            continue
        if not reason.strip():
            sys.exit(f"{IGNORE_FILE}:{number}: {entry.strip()} is listed without its reason (`ID  # reason`).")
        ids.append(entry.strip())
    return ids


def run_pip_audit(arguments: list[str]) -> dict:
    command = [sys.executable, "-m", "pip_audit", *arguments, "--format", "json", "--progress-spinner", "off"]
    command += ["--vulnerability-service", os.environ.get("AUDIT_SERVICE", "pypi")]
    if os.environ.get("AUDIT_OSV_URL"):
        command += ["--osv-url", os.environ["AUDIT_OSV_URL"]]
    for vulnerability in ignored_ids():
        command += ["--ignore-vuln", vulnerability]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        return json.loads(result.stdout)
    except ValueError:
        sys.exit(f"pip-audit did not run:\n{result.stderr}")


def main(arguments: list[str]) -> int:
    report = run_pip_audit(arguments or ["-r", "requirements.txt"])
    dependencies = report["dependencies"]
    found = [(d, v) for d in dependencies for v in d.get("vulns", [])]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    for dependency, vulnerability in found:
        fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed version yet"
        print(f"VULNERABLE {dependency['name']} {dependency['version']}: {vulnerability['id']} (fixed in {fixed})")
        print(f"    {vulnerability.get('description', '')[:300]}")
    print(f"{len(dependencies)} dependencies, {len(found)} known vulnerabilities, {len(skipped)} not audited.")
    if found:
        print(f"Upgrade, or list the identifier with its reason in {IGNORE_FILE}.")
        return 1
    if dependencies and len(skipped) == len(dependencies):
        print("WARNING: no dependency could be audited: the vulnerability service answered for none of them.")
        return 1 if os.environ.get("AUDIT_REQUIRED") == "true" else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
