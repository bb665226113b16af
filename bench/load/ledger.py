"""The ledger of acknowledged writes: every form the app answered with success, checked against the database.

Each simulated write puts a unique marker (`load-<run>-<n>`) in the record's text; when the app answers with its
redirect, the locustfile appends the marker to the ledger. After the run (and after any fault), `check` looks for
every marker in every text column of the project's tables: a marker that was acknowledged and is not found is a
lost write.
"""

import json
import re
import sys
import threading
from pathlib import Path

PASSWORD = "load-password-concerto"  # the known password of the people the simulated users play
MARKER = re.compile(r"load-[0-9a-f]{8}-\d+")
_lock = threading.Lock()


def acknowledge(path: Path, *, marker: str, kind: str, location: str) -> None:
    line = json.dumps({"marker": marker, "kind": kind, "location": location})
    with _lock, path.open("a") as ledger:
        ledger.write(line + "\n")


def acknowledged(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def markers_in_database(run: str) -> set[str]:
    """Every marker of this run found in a text column of a project table (one query per column)."""
    from django.apps import apps
    from django.db import models

    found: set[str] = set()
    prefix = f"load-{run}-"
    for model in apps.get_models():
        if model.__module__.split(".")[0] in {"django", "allauth", "simple_history"} or model._meta.proxy:
            continue
        if model.__name__.startswith("Historical"):
            continue  # a write lives in its table, not only in its history
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                values = model._default_manager.filter(**{f"{field.name}__contains": prefix}).values_list(
                    field.name, flat=True
                )
                for value in values:
                    found.update(MARKER.findall(value))
    return found


def check(path: Path, run: str) -> dict:
    import django

    django.setup()
    written = {entry["marker"] for entry in acknowledged(path)}
    found = markers_in_database(run)
    return {"acknowledged": len(written), "found": len(written & found), "lost": sorted(written - found)}


if __name__ == "__main__":
    print(json.dumps(check(Path(sys.argv[1]), sys.argv[2])))
