"""The load run's report: printed, and written to bench/results/ as Markdown and JSON."""

import json
import os
import platform
from dataclasses import asdict
from pathlib import Path

from .drive import Step
from .run import Stack


def result(*, stack: Stack, steps: list[Step], resources: dict, ledger: dict, shared: dict, target_ms: int) -> dict:
    knee = next((step.users for step in steps if step.total["p95"] > target_ms), None)
    return {
        "machine": {
            "cores": os.cpu_count(),
            "cpu": platform.processor() or platform.machine(),
            "python": platform.python_version(),
        },  # fmt: skip
        "stack": {
            "app processes": len(stack.bases),
            "workers per process": stack.options.workers,
            "threads per worker": stack.options.threads,
            "partnerships": stack.options.partnerships,
            "people played": len(json.loads(stack.cast.read_text())),
        },  # fmt: skip
        "steps": [asdict(step) for step in steps],
        "resources": resources,
        "ledger": ledger,
        "shared": shared,
        "target_p95_ms": target_ms,
        "knee_users": knee,
    }


def passed(data: dict) -> bool:
    errors = sum(step["rows"][-1]["failures"] for step in data["steps"])
    return errors == 0 and not data["ledger"]["lost"] and all(data["shared"].values())


def markdown(data: dict) -> str:
    lines = ["# Concerto load run", "", _facts(data), ""]
    for step in data["steps"]:
        lines += [f"## {step['users']} users, {step['seconds']} s", "",
                  "| Page kind | Requests | Failures | Req/s | p50 ms | p95 ms | p99 ms | Max ms |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
        for row in sorted(step["rows"], key=lambda row: (row["name"] == "Aggregated", -row["p95"])):
            name = f"**{row['name']}**" if row["name"] == "Aggregated" else row["name"]
            lines.append(f"| {name} | {row['requests']} | {row['failures']} | {row['rps']} | {row['p50']:g} | "
                         f"{row['p95']:g} | {row['p99']:g} | {row['max']} |")  # fmt: skip
        lines += [f"- {failure['occurrences']} × {failure['name']}: {failure['error']}" for failure in step["failures"]]
        lines.append("")
    lines += ["## Processes", "", "| Process | CPU mean % | CPU max % | Memory max MB |", "|---|---:|---:|---:|"]
    for name, figures in data["resources"].items():
        lines.append(f"| {name} | {figures['cpu_mean_percent']} | {figures['cpu_max_percent']} | "
                     f"{figures['rss_max_mb']} |")  # fmt: skip
    ledger = data["ledger"]
    lines += ["", "## Checks", "",
              f"- Writes acknowledged: {ledger['acknowledged']}; found in the database: {ledger['found']}; "
              f"lost: {len(ledger['lost'])}"]  # fmt: skip
    shared = data["shared"].items()
    lines += [f"- Shared between the two processes — {name}: {'yes' if ok else 'NO'}" for name, ok in shared]
    knee = data["knee_users"]
    lines.append(f"- Knee (first step whose p95 passes {data['target_p95_ms']} ms): "
                 + (f"{knee} users" if knee else "not reached"))  # fmt: skip
    return "\n".join(lines) + "\n"


def _facts(data: dict) -> str:
    machine, stack = data["machine"], data["stack"]
    return (f"{machine['cores']} cores ({machine['cpu']}), Python {machine['python']}; "
            + ", ".join(f"{key}: {value}" for key, value in stack.items()))  # fmt: skip


def write(data: dict, stem: Path) -> Path:
    stem.parent.mkdir(parents=True, exist_ok=True)
    md_path = stem.with_suffix(".md")
    md_path.write_text(markdown(data))
    stem.with_suffix(".json").write_text(json.dumps(data, indent=1))
    return md_path
