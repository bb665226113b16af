"""One stack, brought up once, for a load run or a fault drill: database, Redis, two app processes, the data."""

import os
import secrets
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from . import stack

RESULTS = stack.ROOT / "bench" / "results"


@dataclass
class Options:
    partnerships: int = 150
    sample: int = 10
    workers: int = 2  # per app process
    threads: int = 4  # per worker


@dataclass
class Stack:
    folder: Path
    options: Options
    run: str = field(default_factory=lambda: secrets.token_hex(4))
    env: dict[str, str] = field(default_factory=dict)
    postgres: stack.Postgres | None = None
    redis: stack.Process | None = None
    worker: stack.Process | None = None
    apps: list[stack.Process] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)

    @property
    def cast(self) -> Path:
        return self.folder / "cast.json"

    @property
    def ledger(self) -> Path:
        return self.folder / "ledger.jsonl"

    def up(self, say) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)  # the cluster's own user must reach its folder inside
        say("Starting PostgreSQL and Redis…")
        self.postgres = stack.Postgres(self.folder / "postgres")
        self.postgres.create()
        self.env = self._environment()
        self.redis, redis_port = stack.redis(self.folder, self.env)
        self.env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        self.redis.start()
        say("Migrating and generating the province-scale data…")
        stack.manage(self.env, "migrate", "--noinput", "-v0")
        stack.manage(self.env, "collectstatic", "--noinput", "-v0")
        subprocess.run(
            [stack.PYTHON, "-m", "bench.load.prepare", str(self.cast), str(self.options.partnerships),
             str(self.options.sample)],
            cwd=stack.ROOT, env=self.env, check=True,
        )  # fmt: skip
        say("Starting the two app processes…")
        for name in ("app-a", "app-b"):
            port = stack.free_port()
            process = stack.gunicorn(
                name, port, self.env, self.folder, workers=self.options.workers, threads=self.options.threads
            )
            process.start()
            self.apps.append(process)
            self.bases.append(f"http://127.0.0.1:{port}")
        for base in self.bases:
            stack.wait_until(lambda base=base: stack.healthy(base), timeout=60, what=base)
        say("Starting the task worker…")
        self.worker = stack.task_worker(self.env, self.folder)
        self.worker.start()

    def down(self) -> None:
        for process in [*self.apps, *([self.worker] if self.worker else [])]:
            process.stop()
        if self.redis:
            self.redis.stop()
        if self.postgres:
            self.postgres.stop()

    def processes(self) -> dict[str, int]:
        """The pid of each part of the stack, for the resource sampler."""
        pids = {process.name: process.pid for process in self.apps if process.alive()}
        if self.worker and self.worker.alive():
            pids["worker"] = self.worker.pid
        if self.redis and self.redis.alive():
            pids["redis"] = self.redis.pid
        if self.postgres and self.postgres.pid():
            pids["postgresql"] = self.postgres.pid()
        return pids

    def _environment(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "EMAIL_HOST", "CI"}}
        env.update(
            CONCERTO_ENV="production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=self.postgres.url,
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_ROOT=str(self.folder / "media"),
            SECURITY_CONTACT="mailto:securite@concerto.test",
            DJANGO_SETTINGS_MODULE="config.settings",
            LOAD_RUN=self.run,
            TASKS_BACKEND="database",
        )
        return env


class Sampler(threading.Thread):
    """CPU and memory of each part of the stack (a process and its children), once a second."""

    def __init__(self, stack_: Stack) -> None:
        super().__init__(daemon=True)
        self.stack = stack_
        self.samples: dict[str, list[tuple[float, float]]] = {}
        self._halt = threading.Event()
        self._known: dict[int, psutil.Process] = {}

    def run(self) -> None:
        while not self._halt.wait(1.0):
            for name, pid in self.stack.processes().items():
                cpu, rss = self._measure(pid)
                self.samples.setdefault(name, []).append((cpu, rss))

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def _measure(self, pid: int) -> tuple[float, float]:
        cpu = rss = 0.0
        try:
            root = psutil.Process(pid)
            for process in [root, *root.children(recursive=True)]:
                known = self._known.setdefault(process.pid, process)
                cpu += known.cpu_percent(None)
                rss += known.memory_info().rss
        except psutil.Error:
            pass
        return cpu, rss / 1024 / 1024

    def summary(self) -> dict[str, dict[str, float]]:
        table = {}
        for name, samples in self.samples.items():
            busy = [cpu for cpu, _ in samples[1:]] or [0.0]  # the first reading of cpu_percent is always 0
            table[name] = {
                "cpu_mean_percent": round(sum(busy) / len(busy), 1),
                "cpu_max_percent": round(max(busy), 1),
                "rss_max_mb": round(max(rss for _, rss in samples), 1),
            }
        return table


def timestamp() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
