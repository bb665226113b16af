"""The bench report: the machine, the data size and one row per page, as Markdown and JSON."""

import datetime
import json
import os
import platform
from dataclasses import asdict, dataclass
from pathlib import Path

import django
from django.db import connection

from accounts.models import User
from organizations.models import Organization
from partnerships.models import Membership, Partnership

from .generate import Size
from .measure import Measurement

RESULTS_DIR = Path(__file__).resolve().parent / "results"
# A page is within target when its p95 is under 30 ms on this kind of machine, or within 3 times the framework
# floor's p95 where the floor itself is slower (the ratio compares across machines).
P95_TARGET_MS = 30
FLOOR_RATIO_TARGET = 3


@dataclass
class Report:
    started_at: str
    machine: dict
    size: dict
    rows_in_database: dict
    generation_seconds: float | None  # None when the data already matched the requested size
    sample: list[str]
    repeat: int
    pages: list[dict]  # the framework floor first
    skipped: dict[str, str]

    @property
    def floor_p95_ms(self) -> float:
        return self.pages[0]["p95_ms"]


def build(
    *, measurement: Measurement, size: Size, sample: list[str], repeat: int, generation_seconds: float | None
) -> Report:
    floor_p95 = round(measurement.pages[0].p95_ms, 1)  # as the report shows it: its ratios are the shown p95s'
    return Report(
        started_at=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        machine=machine(),
        size=asdict(size),
        rows_in_database={
            "partnerships": Partnership.objects.count(),
            "organizations": Organization.objects.count(),
            "memberships": Membership.objects.count(),
            "users": User.objects.count(),
        },
        generation_seconds=generation_seconds,
        sample=sample,
        repeat=repeat,
        pages=[
            {
                "label": page.label,
                "url": page.url,
                "median_ms": round(page.median_ms, 1),
                "p95_ms": round(page.p95_ms, 1),
                "max_ms": round(page.max_ms, 1),
                "p95_to_floor": round(round(page.p95_ms, 1) / floor_p95, 1) if floor_p95 else None,
                "within_target": within_target(round(page.p95_ms, 1), floor_p95),
                "queries_min": min(page.queries),
                "queries_max": max(page.queries),
                "statuses": sorted(page.statuses),
                "requests": len(page.timings_ms),
            }
            for page in measurement.pages
        ],
        skipped=measurement.skipped,
    )


def within_target(p95_ms: float, floor_p95_ms: float) -> bool:
    return p95_ms <= max(P95_TARGET_MS, FLOOR_RATIO_TARGET * floor_p95_ms)


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "platform": platform.platform(),
        "database": f"{connection.vendor} {_database_version()}",
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _database_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if connection.vendor == "sqlite" else "select version()")
        return str(cursor.fetchone()[0]).split(" on ")[0]


def table(report: Report) -> str:
    target = f"p95 ≤ {P95_TARGET_MS} ms or ≤ {FLOOR_RATIO_TARGET}× floor"
    lines = [
        f"| Page | median ms | p95 ms | max ms | p95 × floor | SQL queries | status | {target} |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in report.pages:
        queries = str(row["queries_min"])
        if row["queries_max"] != row["queries_min"]:
            queries = f"{row['queries_min']}–{row['queries_max']}"
        within = "yes" if row["within_target"] else "**no**"
        statuses = ", ".join(str(s) for s in row["statuses"])
        ratio = "—" if row["p95_to_floor"] is None else f"{row['p95_to_floor']}×"
        lines.append(
            f"| {row['label']} | {row['median_ms']} | {row['p95_ms']} | {row['max_ms']} | {ratio} | {queries} "
            f"| {statuses} | {within} |"
        )
    for label, reason in report.skipped.items():
        lines.append(f"| {label} | — | — | — | — | — | skipped: {reason} | — |")
    return "\n".join(lines)


def markdown(report: Report) -> str:
    m, s, n = report.machine, report.size, report.rows_in_database
    generated = (
        f"generated in {report.generation_seconds:.0f} s"
        if report.generation_seconds is not None
        else "reused (already the requested size)"
    )
    return "\n".join(
        [
            f"# Concerto bench — {report.started_at}",
            "",
            f"- Machine: {m['cores']} cores ({m['cpu']}), Python {m['python']}, Django {m['django']}, {m['platform']}",
            f"- Database: {m['database']}",
            f"- Data: {s['partnerships']} partnerships × {s['organizations']} organizations × {s['members']} members "
            f"({n['organizations']} organizations, {n['memberships']} memberships, {n['users']} users in the "
            f"database); {generated}",
            f"- Sample: {len(report.sample)} partnerships ({', '.join(report.sample)}), {report.repeat} timed "
            f"requests per page each, after 2 warm-ups; signed in as each partnership's coordinator",
            f"- Framework floor (base layout only): p95 {report.floor_p95_ms} ms; target: p95 ≤ {P95_TARGET_MS} ms, "
            f"or ≤ {FLOOR_RATIO_TARGET}× the floor where the floor itself is slower",
            "",
            table(report),
            "",
        ]
    )


def write(report: Report, directory: Path = RESULTS_DIR) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    stem = report.started_at.replace("-", "").replace(":", "")
    md_path, json_path = directory / f"{stem}.md", directory / f"{stem}.json"
    md_path.write_text(markdown(report), encoding="utf-8")
    json_path.write_text(json.dumps(asdict(report), ensure_ascii=False, indent=2), encoding="utf-8")
    return md_path, json_path
