"""Endurance under faults: no job answered 202 is lost, each ends done exactly once.

    python bench/endurance.py [--seconds 90] [--rate 4] [--references 300]

Starts its own Redis (appendonly on, on a spare port), a gunicorn web server and two Celery
workers, then submits drafts at a steady rate for --seconds while it
  1. kills one worker with SIGKILL in the middle of checks (and starts a new one),
  2. restarts Redis (its append-only file keeps the jobs and the queue),
  3. stops Redis for a few seconds, so submissions meet an unreachable broker.
A client that gets 503 or no answer retries later with the same Idempotency-Key, as a CMS
would. At the end every accepted job must be done; the table counts lost jobs, jobs computed
more than once (from the workers' logs), submit errors and submit-to-done latency.
Loopback only; bounded in time and requests.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synth import draft_of, load_corpus, synthetic_articles  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    """Redis, web and workers as child processes in one temporary folder."""

    def __init__(self, folder: Path, job_timeout: int):
        self.folder = folder
        self.redis_port, self.web_port = free_port(), free_port()
        self.url = f"redis://127.0.0.1:{self.redis_port}/0"
        self.base = f"http://127.0.0.1:{self.web_port}"
        self.env = {**{k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")},
                    "FACTCHECK_STORE_URL": self.url, "FACTCHECK_JOB_TIMEOUT": str(job_timeout),
                    "FACTCHECK_DATA_DIR": str(folder)}
        self.redis = self.web = None
        self.workers: list[subprocess.Popen] = []
        self.logs: list[Path] = []

    def _spawn(self, name: str, *cmd: str) -> subprocess.Popen:
        log = self.folder / f"{name}.log"
        self.logs.append(log)
        return subprocess.Popen(cmd, env=self.env, cwd=REPO, stdout=open(log, "ab"),
                                stderr=subprocess.STDOUT, start_new_session=True)

    def start_redis(self) -> None:
        self.redis = self._spawn("redis", "redis-server", "--port", str(self.redis_port),
                                 "--bind", "127.0.0.1", "--dir", str(self.folder),
                                 "--appendonly", "yes", "--appendfsync", "always", "--save", "")
        wait(lambda: _answers(self.redis_port), "redis")

    def stop_redis(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.redis_port), "shutdown"], capture_output=True)
        self.redis.wait(timeout=20)

    def start_web(self) -> None:
        self.web = self._spawn("web", sys.executable, "-m", "gunicorn", "--bind",
                               f"127.0.0.1:{self.web_port}", "--workers", "2", "--threads", "4",
                               "factcheck.api:create_app()")
        wait(lambda: _healthy(self.base), "web")

    def start_worker(self) -> None:
        n = len(self.workers) + 1
        self.workers.append(self._spawn(
            f"worker{n}", sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker",
            "--loglevel", "INFO", "--concurrency", "1", "--hostname", f"w{n}@%h"))

    def kill_worker_mid_check(self, index: int, timeout: float = 30) -> str | None:
        """SIGKILL worker ``index`` (its whole process group) while it runs a check."""
        log, proc = self.folder / f"worker{index + 1}.log", self.workers[index]
        deadline, busy = time.monotonic() + timeout, None
        while time.monotonic() < deadline and busy is None:
            text = log.read_text(errors="replace")
            started = re.findall(r"event=running job=(\w+)", text)
            if started and f"event=done job={started[-1]}" not in text:
                busy = started[-1]
            else:
                time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return busy

    def stop(self) -> None:
        for proc in [*self.workers, self.web]:
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in [*self.workers, self.web]:
            if proc is not None:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        if self.redis is not None and self.redis.poll() is None:
            self.stop_redis()


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _healthy(base: str) -> bool:
    try:
        return requests.get(f"{base}/health", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def wait(predicate, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise SystemExit(f"{what} did not come up in {timeout}s")


class Client:
    """Submits drafts at a steady rate; retries refused ones with the same Idempotency-Key."""

    def __init__(self, base: str, headers: dict, drafts: list[str]):
        self.base, self.headers, self.drafts = base, headers, drafts
        self.accepted: dict[str, tuple[str, float]] = {}  # key -> (job id, first try time)
        self.pending: list[tuple[str, str, float]] = []
        self.errors: Counter[str] = Counter()
        self.lock = threading.Lock()

    def submit(self, key: str, text: str, first_try: float) -> None:
        try:
            r = requests.post(f"{self.base}/v1/checks", json={"text": text},
                              headers={**self.headers, "Idempotency-Key": key}, timeout=5)
        except requests.RequestException as exc:
            self.errors[type(exc).__name__] += 1
            r = None
        with self.lock:
            if r is not None and r.status_code in (200, 202):
                self.accepted[key] = (r.json()["id"], first_try)
            else:
                if r is not None:
                    self.errors[str(r.status_code)] += 1
                self.pending.append((key, text, first_try))

    def run(self, seconds: float, rate: float) -> None:
        end, n = time.monotonic() + seconds, 0
        while time.monotonic() < end:
            n += 1
            # A new text each time, so no report is reused: every accepted draft is computed.
            text = f"{self.drafts[n % len(self.drafts)]}\n\nUpdate {n}."
            self.submit(f"draft-{n}", text, time.time())
            with self.lock:
                retry, self.pending = self.pending, []
            for key, text, first in retry:
                self.submit(key, text, first)
            time.sleep(1 / rate)
        deadline = time.monotonic() + 60
        while self.pending and time.monotonic() < deadline:
            with self.lock:
                retry, self.pending = self.pending, []
            for key, text, first in retry:
                self.submit(key, text, first)
            time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--rate", type=float, default=4, help="drafts per second")
    parser.add_argument("--references", type=int, default=300)
    parser.add_argument("--job-timeout", type=int, default=20)
    args = parser.parse_args()

    from factcheck.auth import create_key
    from factcheck.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="fc-endurance-"))
    stack = Stack(folder, args.job_timeout)
    stack.start_redis()
    store = open_store(stack.url)
    articles = list(synthetic_articles(args.references, seed=11, corpus=load_corpus()))
    for a in articles:
        store.add_reference(id=a.id, title=a.title, text=a.text)
    _, token = create_key(store, name="endurance", scope="admin")
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(11)
    drafts = [draft_of(articles, rng=rng) for _ in range(50)]  # ~1,000 words each
    try:
        stack.start_web()
        stack.start_worker()
        stack.start_worker()
        client = Client(stack.base, headers, drafts)
        submitter = threading.Thread(target=client.run, args=(args.seconds, args.rate))
        submitter.start()
        faults = []
        time.sleep(args.seconds * 0.2)
        busy = stack.kill_worker_mid_check(0)
        faults.append(f"worker killed with SIGKILL {'during job ' + busy if busy else 'while idle'}")
        stack.killed = busy
        time.sleep(2)
        stack.start_worker()
        time.sleep(args.seconds * 0.25)
        stack.stop_redis()
        stack.start_redis()
        faults.append("redis restarted")
        time.sleep(args.seconds * 0.25)
        stack.stop_redis()
        time.sleep(5)
        stack.start_redis()
        faults.append("redis down 5 s during submissions")
        submitter.join()
        report(stack, client, headers, faults, args)
    finally:
        stack.stop()
        print(f"logs: {folder}")


def report(stack: Stack, client: Client, headers: dict, faults: list[str], args) -> None:
    deadline = time.monotonic() + args.job_timeout * 4 + 60
    final: dict[str, dict] = {}
    while time.monotonic() < deadline:
        for key, (job_id, _) in client.accepted.items():
            if key in final:
                continue
            try:
                job = requests.get(f"{stack.base}/v1/checks/{job_id}", headers=headers,
                                   timeout=5).json()
            except requests.RequestException:
                continue
            if job.get("status") in ("done", "failed"):
                final[key] = job
        if len(final) == len(client.accepted):
            break
        time.sleep(1)
    runs: Counter[str] = Counter()
    for log in stack.logs:
        if log.name.startswith("worker"):
            runs.update(re.findall(r"event=done job=(\w+)", log.read_text(errors="replace")))
    done = [j for j in final.values() if j["status"] == "done"]
    latencies = sorted(j["finished_at"] - client.accepted[k][1] for k, j in final.items()
                       if j["status"] == "done")

    def pct(q: float) -> str:
        return f"{latencies[min(len(latencies) - 1, int(q * len(latencies)))]:.2f} s" \
            if latencies else "-"

    rows = [
        ("duration, rate", f"{args.seconds:.0f} s at {args.rate}/s"),
        ("faults", "; ".join(faults)),
        ("drafts accepted (202/200)", len(client.accepted)),
        ("  done", len(done)),
        ("  failed", sum(1 for j in final.values() if j["status"] == "failed")),
        ("  lost (not finished)", len(client.accepted) - len(final)),
        ("  computed more than once", sum(1 for n in runs.values() if n > 1)),
        ("  the job running when its worker was killed",
         _killed(final, getattr(stack, "killed", None))),
        ("never accepted", len(client.pending)),
        ("submit errors, retried", dict(client.errors)),
        ("submit-to-done p50 / p95 / p99", f"{pct(0.5)} / {pct(0.95)} / {pct(0.99)}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def _killed(final: dict[str, dict], job_id: str | None) -> str:
    """How the job that was running when its worker died ended (attempts 2: it was re-run)."""
    job = next((j for j in final.values() if j.get("id") == job_id), None)
    if job is None:
        return "none was running" if job_id is None else f"{job_id}: not found"
    return f"{job_id}: {job['status']} after {job['attempts']} attempt(s)"


if __name__ == "__main__":
    main()
