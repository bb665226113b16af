"""`make faults`: the fault drills, on the stack of `make load`, while simulated people keep working.

Each drill breaks one part of the stack, watches what people would see, repairs it and checks that the app
recovered by itself. At the end, every write the app acknowledged (the ledger) must be in the database.

    .venv/bin/python -m bench.load.faults                    # every drill, 20 partnerships, 20 users
    .venv/bin/python -m bench.load.faults --drills database  # one drill
"""

import argparse
import html
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import drive, shared, stack
from .run import RESULTS, Options, Stack, timestamp

UNAVAILABLE = ("Concerto est momentanément indisponible", "Concerto is temporarily unavailable")
NOT_STORED = ("n'a pas pu enregistrer le document", "could not store the document")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load.faults", description=__doc__.splitlines()[0])
    parser.add_argument("--drills", default=",".join(DRILLS), help=f"comma-separated, among {', '.join(DRILLS)}")
    parser.add_argument("--partnerships", type=int, default=20, help="partnerships generated (default 20)")
    parser.add_argument("--users", type=int, default=20, help="simulated users during the drills (default 20)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="concerto-faults-") as folder:
        stack_ = Stack(Path(folder), Options(partnerships=args.partnerships, sample=4))
        try:
            stack_.up(say)
            results = _drills(stack_, args)
        finally:
            stack_.down()
    stem = RESULTS / f"faults-{timestamp()}"
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(results, indent=1))
    stem.with_suffix(".md").write_text(markdown(results))
    print(markdown(results))
    say(f"Written: {stem.with_suffix('.md')} and its .json")
    survived = all(drill["ok"] for drill in results["drills"])
    return 0 if survived and results["ledger"]["acknowledged"] and not results["ledger"]["lost"] else 1


def _drills(stack_: Stack, args: argparse.Namespace) -> dict:
    coordinator = next(person for person in drive.cast(stack_) if person["role"] == "coordinator")
    load = drive.start_locust(stack_, users=args.users, spawn_rate=5, prefix=stack_.folder / "locust-faults", writes=6)
    try:
        time.sleep(20)  # everybody signed in and working
        drills = []
        for name in args.drills.split(","):
            say(f"Drill: {name}…")
            drills.append({"name": name, **DRILLS[name](stack_, coordinator)})
            time.sleep(10)
    finally:
        load.terminate()
        load.wait(30)
    return {
        "drills": drills,
        "load": _load_figures(stack_.folder / "locust-faults"),
        "ledger": drive.ledger_check(stack_),
        "users": args.users,
    }


def _load_figures(prefix: Path) -> dict:
    """What the simulated people did meanwhile: a drill without writes under way would prove nothing."""
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        return {"requests": 0, "writes": 0, "log": Path(f"{prefix}.log").read_text()[-2000:]}
    rows = drive.stats(stats)
    total = next(row for row in rows if row["name"] == "Aggregated")
    writes = sum(row["requests"] for row in rows if row["name"].endswith("(save)"))
    kinds = {row["name"]: row["requests"] for row in rows if row["name"] != "Aggregated"}
    return {"requests": total["requests"], "failures": total["failures"], "writes": writes, "kinds": kinds}


# The drills ---------------------------------------------------------------------------------------------------


def database_restart(stack_: Stack, coordinator: dict) -> dict:
    """PostgreSQL stops for ten seconds: pages answer 503 with the outage page, then recover by themselves."""
    browser = shared.signed_in(coordinator, stack_.bases[0])
    page = coordinator["step"]
    pids = [process.pid for process in stack_.apps]
    stack_.postgres.stop("fast")
    down = _watch(10, lambda: [_status(browser, base, page) for base in stack_.bases])
    health = [stack.healthy(base) for base in stack_.bases]
    stack_.postgres.start()
    recovered = _until_ok(lambda: all(_status(browser, base, page) == "200" for base in stack_.bases))
    same_processes = pids == [process.pid for process in stack_.apps] and all(p.alive() for p in stack_.apps)
    answers = sorted({status for statuses in down for status in statuses})
    return {
        "while down": answers,
        "healthz while down": "503" if not any(health) else "200",
        "recovered after s": recovered,
        "app processes restarted": not same_processes,
        "ok": answers == ["503 outage page"] and not any(health) and recovered is not None and same_processes,
    }


def redis_down(stack_: Stack, coordinator: dict) -> dict:
    """Redis stops: people stay signed in (sessions from the database) and pages answer; when Redis is back, the
    sign-in rate limit is shared again."""
    browser = shared.signed_in(coordinator, stack_.bases[0])
    page = coordinator["step"]
    stack_.redis.stop()
    during = _watch(10, lambda: [_status(browser, base, page) for base in stack_.bases])
    fresh = shared.signed_in(coordinator, stack_.bases[1])
    new_sign_in = _status(fresh, stack_.bases[0], page)
    stack_.redis.start()
    time.sleep(2)
    answers = sorted({status for statuses in during for status in statuses})
    limit_back = shared.rate_limit_is_shared(stack_.bases, coordinator["sign_in"])
    return {
        "while down (signed in before)": answers,
        "sign-in while down": new_sign_in,
        "rate limit shared once back": limit_back,
        "ok": answers == ["200"] and new_sign_in == "200" and limit_back,
    }


def app_killed(stack_: Stack, coordinator: dict) -> dict:
    """One app process and its workers get SIGKILL in the middle of the load; the other goes on serving."""
    victim, survivor = stack_.apps[0], stack_.bases[1]
    browser = shared.signed_in(coordinator, survivor)
    victim.kill()
    during = _watch(10, lambda: [_status(browser, survivor, coordinator["step"])])
    victim.start()
    back = _until_ok(lambda: stack.healthy(stack_.bases[0]))
    answers = sorted({status for statuses in during for status in statuses})
    return {"other process while one is dead": answers, "restarted one healthy after s": back,
            "ok": answers == ["200"] and back is not None}  # fmt: skip


def media_unwritable(stack_: Stack, coordinator: dict) -> dict:
    """The media folder cannot be written: the upload is refused with a clear message, the document already
    there stays, nothing is half-saved; once the folder is back, uploads work again."""
    base = stack_.bases[0]
    browser = shared.signed_in(coordinator, base)
    before = shared.a_document()
    stored = shared.upload(browser, base, coordinator, before).status_code == 302
    media = Path(stack_.env["MEDIA_ROOT"])
    media.rename(media.with_name("media.away"))
    media.write_text("not a folder: every write below it fails")  # as a full disk does, even for root
    refused = shared.upload(browser, base, coordinator, shared.a_document())
    media.unlink()
    media.with_name("media.away").rename(media)
    kept = shared.download(browser, stack_.bases[1], coordinator)  # the refused upload replaced nothing
    after = shared.a_document()
    works_again = shared.upload(browser, base, coordinator, after).status_code == 302
    clear_message = refused.status_code == 200 and any(text in html.unescape(refused.text) for text in NOT_STORED)
    return {
        "refused with a clear message": clear_message,
        "document already there kept": kept == before,
        "uploads work again": works_again and shared.download(browser, base, coordinator) == after,
        "ok": stored and clear_message and kept == before and works_again,
    }


DRILLS: dict[str, Callable[[Stack, dict], dict]] = {
    "database": database_restart,
    "redis": redis_down,
    "kill": app_killed,
    "media": media_unwritable,
}


# Watching ----------------------------------------------------------------------------------------------------


def _status(browser: shared.Browser, base: str, path: str) -> str:
    try:
        answer = browser.get(base, path)
    except OSError as error:
        return f"no answer ({type(error).__name__})"
    if answer.status_code == 503 and any(text in answer.text for text in UNAVAILABLE):
        return "503 outage page"
    return str(answer.status_code)


def _watch(seconds: float, probe: Callable[[], list[str]]) -> list[list[str]]:
    seen, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen.append(probe())
        time.sleep(0.5)
    return seen


def _until_ok(check: Callable[[], bool], timeout: float = 60) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return round(time.monotonic() - started, 1)
        time.sleep(0.5)
    return None


def markdown(results: dict) -> str:
    load = results["load"]
    lines = ["# Concerto fault drills", "", f"Under load: {results['users']} simulated users, {load['requests']} "
             f"requests during the drills, {load['writes']} of them saving a record.", ""]  # fmt: skip
    if "log" in load:
        lines += ["The simulated people did not run; the end of their log:", "", "```", load["log"], "```", ""]
    for drill in results["drills"]:
        lines.append(f"## {drill['name']}: {'survived' if drill['ok'] else 'FAILED'}")
        lines += [f"- {key}: {value}" for key, value in drill.items() if key not in {"name", "ok"}]
        lines.append("")
    ledger = results["ledger"]
    lines.append(f"Writes acknowledged during the drills: {ledger['acknowledged']}; in the database: "
                 f"{ledger['found']}; lost: {len(ledger['lost'])} {ledger['lost'] or ''}")  # fmt: skip
    return "\n".join(lines) + "\n"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
