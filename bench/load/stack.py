"""The production stack of docs/dev/deploy-postgresql.md, started on this machine for `make load` and `make faults`.

Everything runs from one work folder: a private PostgreSQL cluster and a private Redis on free loopback ports (so
a drill that stops them never touches the machine's own servers), two gunicorn processes with production settings,
and the task worker when the project has one. Each process is started by this module and stopped by its pid.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_BIN_CANDIDATES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root: under root the cluster belongs to the `postgres` system user."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@dataclass
class Postgres:
    folder: Path
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/concerto_load"

    def _bin(self, name: str) -> str:
        for folder in PG_BIN_CANDIDATES:
            if (folder / name).exists():
                return str(folder / name)
        found = shutil.which(name)
        if not found:
            raise RuntimeError(f"{name} not found: install PostgreSQL's server package")
        return found

    def create(self) -> None:
        self.folder.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(
            [*_as_postgres_user(), self._bin("initdb"), "-D", str(self.folder / "data"), "-U", "postgres",
             "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        self.start()
        subprocess.run(
            [self._bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "concerto_load"],
            check=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        subprocess.run(
            [*_as_postgres_user(), self._bin("pg_ctl"), "-D", str(self.folder / "data"), "-o", options,
             "-l", str(self.folder / "postgres.log"), "-w", "start"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            [*_as_postgres_user(), self._bin("pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop"],
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def pid(self) -> int | None:
        pid_file = self.folder / "data" / "postmaster.pid"
        return int(pid_file.read_text().split()[0]) if pid_file.exists() else None


@dataclass
class Process:
    """A child process of the stack, with its log; stopped by pid (SIGTERM, then SIGKILL)."""

    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen | None = None

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        handle = self.log.open("ab")
        self.popen = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL, as a crash or the out-of-memory killer would: no clean-up runs in the process."""
        if self.alive():
            os.killpg(self.pid, signal.SIGKILL)
            self.popen.wait()

    def stop(self, timeout: float = 20) -> None:
        if not self.alive():
            return
        os.killpg(self.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()


def redis(folder: Path, env: dict[str, str]) -> tuple[Process, int]:
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    return Process("redis", command, env, folder / "redis.log"), port


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def gunicorn(name: str, port: int, env: dict[str, str], folder: Path, *, workers: int, threads: int) -> Process:
    command = [
        PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
        "--timeout", "60", "--graceful-timeout", "10", "--log-level", "warning",
    ]  # fmt: skip
    return Process(name, command, env, folder / f"{name}.log")


def task_worker(env: dict[str, str], folder: Path) -> Process:
    """The task queue's worker (django-tasks' database backend), as the deployment guide runs it."""
    command = [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "1"]
    return Process("worker", command, env, folder / "worker.log")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)
