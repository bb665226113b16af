"""`make load`: the production stack on this machine under a realistic load, measured (see bench/README.md).

.venv/bin/python -m bench.load                         # 100 users for 5 minutes, province scale
.venv/bin/python -m bench.load --knee 50,100,150,200   # one minute per step: where p95 passes 300 ms
.venv/bin/python -m bench.load --users 10 --minutes 0.5 --partnerships 5 --sample 2   # a quick look
"""

import argparse
import sys
import tempfile
from pathlib import Path

from . import drive, report, shared
from .run import RESULTS, Options, Sampler, Stack, timestamp

TARGET_P95_MS = 300


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100, help="simulated users (default 100)")
    parser.add_argument("--minutes", type=float, default=5, help="duration once every user is signed in (5)")
    parser.add_argument("--spawn-rate", type=float, default=2, help="users starting per second (default 2)")
    parser.add_argument("--knee", help="comma-separated user counts, one step each, instead of one run")
    parser.add_argument("--step-minutes", type=float, default=1, help="duration of each knee step (default 1)")
    parser.add_argument("--partnerships", type=int, default=150, help="partnerships generated (default 150)")
    parser.add_argument("--sample", type=int, default=10, help="partnerships whose members are played (10)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app process (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    options = Options(args.partnerships, args.sample, args.workers, args.threads)
    with tempfile.TemporaryDirectory(prefix="concerto-load-") as folder:
        stack = Stack(Path(folder), options)
        try:
            stack.up(say)
            result = _drive(stack, args)
        finally:
            stack.down()
    md_path = report.write(result, RESULTS / f"load-{timestamp()}")
    print(report.markdown(result))
    say(f"Written: {md_path} and its .json")
    return 0 if report.passed(result) else 1


def _drive(stack: Stack, args: argparse.Namespace) -> dict:
    sampler = Sampler(stack)
    sampler.start()
    steps = []
    user_counts = [int(count) for count in args.knee.split(",")] if args.knee else [args.users]
    minutes = args.step_minutes if args.knee else args.minutes
    for users in user_counts:
        ramp = users / args.spawn_rate
        say(f"{users} users: {ramp:.0f} s to sign everybody in, then {minutes:g} min…")
        prefix = stack.folder / f"locust-{users}"
        steps.append(drive.locust(stack, users=users, spawn_rate=args.spawn_rate, seconds=int(ramp + minutes * 60),
                                  prefix=prefix))  # fmt: skip
    sampler.stop()
    say("Checking the ledger and what the two processes share…")
    cast = drive.cast(stack)
    coordinator = next(person for person in cast if person["role"] == "coordinator")
    return report.result(
        stack=stack,
        steps=steps,
        resources=sampler.summary(),
        ledger=drive.ledger_check(stack),
        shared={
            "session": shared.session_is_shared(stack.bases, coordinator),
            "uploaded file": shared.upload_is_shared(stack.bases, coordinator),
            "rate limit": shared.rate_limit_is_shared(stack.bases, coordinator["sign_in"]),
            "task queue": shared.task_runs_on_the_worker(stack.env),
        },
        target_ms=TARGET_P95_MS,
    )


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
