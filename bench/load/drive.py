"""Driving the stack with Locust and reading its figures back."""

import csv
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import stack
from .run import Stack

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


@dataclass
class Step:
    users: int
    seconds: int
    rows: list[dict]  # one per page kind, then "Aggregated"
    failures: list[dict]

    @property
    def total(self) -> dict:
        return next(row for row in self.rows if row["name"] == "Aggregated")


def _environment(stack_: Stack) -> dict[str, str]:
    return {
        **stack_.env,
        "LOAD_HOSTS": ",".join(stack_.bases),
        "LOAD_CAST": str(stack_.cast),
        "LOAD_LEDGER": str(stack_.ledger),
        "PYTHONPATH": str(stack.ROOT),
    }


def _command(users: int, spawn_rate: float, prefix: Path, seconds: int | None) -> list[str]:
    command = [
        str(Path(stack.PYTHON).with_name("locust")), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
        "-u", str(users), "-r", str(spawn_rate), "--stop-timeout", "15", "--csv", str(prefix),
        "--loglevel", "WARNING",
    ]  # fmt: skip
    return command + (["--run-time", f"{seconds}s"] if seconds else [])


def locust(stack_: Stack, *, users: int, spawn_rate: float, seconds: int, prefix: Path) -> Step:
    """A bounded run, waited for; its figures."""
    with Path(f"{prefix}.log").open("w") as log:
        subprocess.run(_command(users, spawn_rate, prefix, seconds), cwd=stack.ROOT, env=_environment(stack_),
                       check=False, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    return Step(users, seconds, stats(Path(f"{prefix}_stats.csv")), _failures(Path(f"{prefix}_failures.csv")))


def start_locust(stack_: Stack, *, users: int, spawn_rate: float, prefix: Path, writes: int = 1) -> subprocess.Popen:
    """A run in the background, until it is terminated (the fault drills); `writes` in 13 of people's turns save
    a record (one by default, as in `make load`)."""
    env = {**_environment(stack_), "LOAD_WRITES": str(writes)}
    with Path(f"{prefix}.log").open("w") as log:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(_command(users, spawn_rate, prefix, None), cwd=stack.ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT)  # fmt: skip


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def stats(path: Path) -> list[dict]:
    with path.open() as handle:
        return [
            {
                "name": row["Name"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(_number(row["Requests/s"]), 2),
                "p50": _number(row["50%"]),
                "p95": _number(row["95%"]),
                "p99": _number(row["99%"]),
                "max": round(_number(row["Max Response Time"])),
            }
            for row in csv.DictReader(handle)
        ]


def _failures(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open() as handle:
        return [
            {"name": row["Name"], "error": row["Error"], "occurrences": int(row["Occurrences"])}
            for row in csv.DictReader(handle)
        ]


def ledger_check(stack_: Stack) -> dict:
    answer = subprocess.run(
        [stack.PYTHON, "-m", "bench.load.ledger", str(stack_.ledger), stack_.run],
        cwd=stack.ROOT, env={**stack_.env, "PYTHONPATH": str(stack.ROOT)}, capture_output=True, text=True,
    )  # fmt: skip
    if answer.returncode != 0:
        raise RuntimeError(f"The ledger check failed:\n{answer.stderr}")
    return json.loads(answer.stdout.strip().splitlines()[-1])


def cast(stack_: Stack) -> list[dict]:
    return json.loads(stack_.cast.read_text())
