"""`make bench` (= `python -m bench`): build a province-scale database, time the main pages, write a report.

See bench/README.md. The bench uses its own database (bench/bench.sqlite3, or BENCH_DATABASE_URL) and may empty
it to regenerate the data: never point BENCH_DATABASE_URL at a database whose content matters.
"""

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

import django

DEFAULT_DATABASE = Path(__file__).resolve().parent / "bench.sqlite3"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=150, help="number of partnerships (default 150)")
    parser.add_argument("--organizations", type=int, default=40, help="organizations per partnership (default 40)")
    parser.add_argument("--members", type=int, default=60, help="members per partnership (default 60)")
    parser.add_argument("--sample", type=int, default=5, help="partnerships whose pages are timed (default 5)")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page and partnership (default 30)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed of the generated data")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the data even if it matches the size")
    args = parser.parse_args(argv)
    if min(args.partnerships, args.organizations, args.members, args.sample, args.repeat) < 1:
        parser.error("every count must be at least 1")
    return args


def configure_environment() -> str:
    """Point the app at the bench database before Django reads its settings."""
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "false")  # as in production: no query log kept in memory, no debug pages
    # WhiteNoise warns that collectstatic has not run; the bench times pages, not static files.
    warnings.filterwarnings("ignore", message="No directory at")
    return url


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = configure_environment()
    django.setup()

    from django.core.management import call_command

    from . import generate, measure, report

    say(f"Database: {url}")
    call_command("migrate", verbosity=0, interactive=False)
    size = generate.Size(args.partnerships, args.organizations, args.members)
    generation_seconds = None
    if args.regenerate or not generate.matches(size):
        say("Emptying the bench database and generating the data…")
        call_command("flush", verbosity=0, interactive=False)
        started = time.perf_counter()
        generate.generate(size, seed=args.seed, progress=_generation_progress(size.partnerships))
        generation_seconds = time.perf_counter() - started
        say(f"Generated in {generation_seconds:.0f} s.")
    else:
        say("The data already matches the requested size: reused.")

    partnerships = measure.sample_partnerships(args.sample)
    say(f"Timing pages for {len(partnerships)} partnerships, {args.repeat} requests each…")
    measurement = measure.measure(partnerships, repeat=args.repeat, progress=lambda p: say(f"  {p.slug}"))
    result = report.build(
        measurement=measurement,
        size=size,
        sample=[p.slug for p in partnerships],
        repeat=args.repeat,
        generation_seconds=generation_seconds,
    )
    md_path, json_path = report.write(result)
    print(report.markdown(result))
    say(f"Written: {md_path} and {json_path.name}")
    failing = [row["label"] for row in result.pages if row["statuses"] != [200]]
    if failing:
        say(f"Pages that did not answer 200: {', '.join(failing)}")
        return 1
    return 0


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _generation_progress(total: int):
    def progress(done: int) -> None:
        if done % 25 == 0 or done == total:
            say(f"  {done}/{total} partnerships")

    return progress


if __name__ == "__main__":
    sys.exit(main())
