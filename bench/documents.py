"""`python -m bench.documents`: times the complete plan document of a 200-action plan (PDF, Word) and the plan's
spreadsheet, and reports each one's peak memory. One generated partnership (bench/generate.py and each app's
bench.py, as for `make bench`) in its own database, bench/documents.sqlite3 or BENCH_DATABASE_URL, which it may
empty: never point it at a database whose content matters.

Targets: the PDF under 3 s and 300 MB, the Word file under 2 s. A format the plan builds in the background (its
PDF) is timed through its job: the task backend is the immediate one here, so the request that asks for it builds
it, and the file is then read from the job. The CPU column is the process's own time, which other work on the
machine does not inflate."""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import django

DEFAULT_DATABASE = Path(__file__).resolve().parent / "documents.sqlite3"
FORMATS = ("pdf", "docx", "xlsx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.documents", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed builds per format (default 3)")
    args = parser.parse_args(argv)
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "false")
    django.setup()

    from django.core.management import call_command
    from django.urls import reverse

    from plan.models import Action

    from . import generate, measure

    call_command("migrate", verbosity=0, interactive=False)
    size = generate.Size(partnerships=1)
    if not generate.matches(size):
        call_command("flush", verbosity=0, interactive=False)
        generate.generate(size)
    partnership = measure.sample_partnerships(1)[0]
    cycle = partnership.cycles.order_by("-starts_on").first()
    client = measure.coordinator_client(partnership)
    actions = Action.objects.filter(cycle=cycle).count()
    print(f"{partnership.name}: {actions} actions, {args.repeat} builds per format")
    # The queries of each format are pinned by documents/tests (flat with two data sizes).
    print("| Format | Median (s) | Max (s) | Median CPU (s) | Peak Python memory (MB) | Size (kB) |")
    print("|---|---|---|---|---|---|")
    for file_format in FORMATS:
        address = reverse(
            "documents:cycle",
            kwargs={"slug": partnership.slug, "cycle_pk": cycle.pk, "key": "plan", "file_format": file_format},
        )
        timings, cpu = [], []
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(address)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            assert response.status_code in (200, 302), (address, response.status_code)
        timings.sort()
        cpu.sort()
        size = _file_size(client, response)
        # Tracing slows the build down: the peak is taken from one more build, not timed.
        tracemalloc.start()
        client.get(address)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"| {file_format} | {timings[len(timings) // 2]:.2f} | {timings[-1]:.2f} | {cpu[len(cpu) // 2]:.2f} "
            f"| {peak:.0f} | {size / 1000:.0f} |"
        )
    # ru_maxrss is in kilobytes on Linux: the whole process, Django and the data included.
    print(f"Peak resident memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000:.0f} MB")
    return 0


def _file_size(client, response) -> int:
    """The file's size: the response's, or, for a document built in the background, the file of its job."""
    if response.status_code == 200:
        return len(response.content)
    download = client.get(response["Location"] + "fichier")
    assert download.status_code == 200, (response["Location"], download.status_code)
    return sum(len(chunk) for chunk in download.streaming_content)


if __name__ == "__main__":
    sys.exit(main())
