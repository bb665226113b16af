"""`python -m bench.archive`: times the export and the import of a whole partnership's archive (with its history)
and reports each one's peak memory. The partnership is demo partnership A (`manage.py load_demo`), or with
`--generated` one partnership of the bench's size (bench/generate.py and each app's bench.py, as for `make bench`;
bulk inserts, so without history). It runs in its own database, bench/archive.sqlite3 or BENCH_DATABASE_URL,
which it may empty: never point it at a database whose content matters.

Targets: export and import of the demo partnership each under 10 s and 200 MB of Python memory."""

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import django

DEFAULT_DATABASE = Path(__file__).resolve().parent / "archive.sqlite3"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.archive", description=__doc__.splitlines()[0])
    parser.add_argument("--generated", action="store_true", help="a bench-sized generated partnership, not the demo")
    args = parser.parse_args(argv)
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-archive-media-"))
    django.setup()

    from django.core.management import call_command

    from archive.export import export_partnership
    from archive.importer import import_partnership
    from partnerships.models import Partnership

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    call_command("load_factor_catalogue", verbosity=0)
    call_command("load_diagnostic_questionnaire", verbosity=0)
    if args.generated:
        from . import generate, measure

        generate.generate(generate.Size(partnerships=1))
        partnership = measure.sample_partnerships(1)[0]
    else:
        call_command("load_demo", verbosity=0)
        partnership = Partnership.objects.get(slug="riviere-aux-erables")

    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "archive.zip"
        seconds, peak, manifest = _measured(
            lambda: _export(export_partnership, partnership=partnership, path=path, history=not args.generated)
        )
        records = sum(described["count"] for described in manifest["models"].values())
        print(f"{partnership.name}: {records} records ({len(manifest['models'])} models), {manifest['files']} files")
        print("| Step | Time (s) | Peak Python memory (MB) | Archive (kB) |")
        print("|---|---|---|---|")
        print(f"| export | {seconds:.2f} | {peak:.1f} | {path.stat().st_size / 1000:.0f} |")
        seconds, peak, result = _measured(lambda: import_partnership(source=path))
        print(f"| import | {seconds:.2f} | {peak:.1f} | {result.records} records written |")
    # ru_maxrss is in kilobytes on Linux: the whole process, Django and the data included.
    print(f"Peak resident memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000:.0f} MB")
    return 0


def _export(export_partnership, *, partnership, path: Path, history: bool) -> dict:
    with path.open("wb") as destination:
        return export_partnership(partnership=partnership, destination=destination, history=history)


def _measured(step):
    """Time one run of `step`, then take its peak memory from one more run (tracing slows it down)."""
    started = time.perf_counter()
    value = step()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, value


if __name__ == "__main__":
    sys.exit(main())
