"""Real processes for integration tests: web servers and Celery workers on free ports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
DRAFT = (REPO / "tests" / "data" / "kirby-draft.txt").read_text(encoding="utf-8")
SEED = next((REPO / "seeds").glob("*.txt"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Processes:
    """Starts child processes and stops every one of them at teardown."""

    def __init__(self, env: dict[str, str], log_dir: Path):
        self.env, self.log_dir, self.procs = env, log_dir, []

    def start(self, name: str, *cmd: str) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "wb")
        proc = subprocess.Popen(cmd, env=self.env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        self.procs.append((name, proc, log))
        return proc

    def logs(self) -> str:
        return "\n".join(f"--- {n} ---\n{(self.log_dir / f'{n}.log').read_text()[-3000:]}"
                         for n, _, _ in self.procs)

    def stop(self) -> None:
        for _, proc, _ in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for _, proc, log in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()


@pytest.fixture
def processes(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_DATA_DIR"] = str(tmp_path / "data")
    procs = Processes(env, tmp_path)
    yield procs
    procs.stop()


def wait_healthy(base: str, procs: Processes, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            r = requests.get(f"{base}/health", timeout=2)
            if r.status_code == 200:
                return r.json()
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    pytest.fail(f"server at {base} did not become healthy\n{procs.logs()}")


def wait_done(base: str, location: str, procs: Processes, headers: dict | None = None,
              timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.get(base + location, headers=headers, timeout=5).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    pytest.fail(f"job {location} not finished in {timeout}s: {job}\n{procs.logs()}")


def celery_worker(procs: Processes, name: str) -> subprocess.Popen:
    return procs.start(name, sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker",
                       "--loglevel", "INFO", "--concurrency", "1", "--hostname", f"{name}@%h")
