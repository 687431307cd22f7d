"""End to end over HTTP and Celery on Redis: sustained drafts/s and submit-to-report latency.

    python bench/e2e_load.py [--references 10000] [--seconds 60] [--rate 20] [--workers 2]
                             [--burst N]

Starts gunicorn and N Celery workers (concurrency 1 each) on a Redis database of its own,
loads a synthetic store of real BBC paragraphs, then for --seconds submits ~1,000-word drafts
at --rate per second and polls each to done. Next to it, in the same run, the round trip of a
no-op Celery task (queued by the same client machinery, observed the same way). Prints a table.
Loopback only; bounded in time and requests.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.endurance import free_port, wait, _healthy  # noqa: E402
from bench.synth import draft_of, load_corpus, store_articles, synthetic_articles  # noqa: E402

POLL = 0.01


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def session_cpu(session_id: int) -> float:
    """CPU seconds used so far by the live processes of a session (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[3]) == session_id:  # fields after the name: state, ppid, pgrp, session
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def cpu_split(procs, redis_conn) -> dict[str, float]:
    """CPU seconds so far of the web server, the workers, Redis and this client."""
    info = redis_conn.info("cpu")
    own = os.times()
    return {"web": session_cpu(procs[0].pid),
            "workers": sum(session_cpu(p.pid) for p in procs[1:]),
            "redis": info["used_cpu_user"] + info["used_cpu_sys"],
            "client": own.user + own.system}


def noop_round_trips(store, celery_app, n: int) -> list[float]:
    """Seconds from queuing a no-op task to seeing its mark in the store, n times."""
    times = []
    for _ in range(n):
        token = uuid.uuid4().hex
        t0 = time.time()
        celery_app.send_task("factcheck.noop", args=[token])
        while store.kv_get("noop", token) is None:
            time.sleep(POLL)
        times.append(time.time() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--references", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--burst", type=int, default=0,
                        help="after the steady load, N drafts at once: the workers' capacity")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    args = parser.parse_args()

    import redis as redis_client
    from celery import Celery

    from factcheck.auth import create_key
    from factcheck.store import open_store

    redis_conn = redis_client.Redis.from_url(args.redis)
    redis_conn.flushdb()
    store = open_store(args.redis)
    articles = list(synthetic_articles(args.references, seed=3, corpus=load_corpus()))
    t0 = time.perf_counter()
    store_articles(store, articles, jobs=2)
    ingest_s = time.perf_counter() - t0
    _, token = create_key(store, name="load", scope="admin")
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(5)
    drafts = [draft_of(articles, rng=rng) for _ in range(200)]

    folder = Path(tempfile.mkdtemp(prefix="fc-load-"))
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")},
           "FACTCHECK_STORE_URL": args.redis, "FACTCHECK_DATA_DIR": str(folder)}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    procs = [subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--threads", "8", "factcheck.api:create_app()"], env=env, cwd=REPO,
        stdout=open(folder / "web.log", "wb"), stderr=subprocess.STDOUT, start_new_session=True)]
    for n in range(args.workers):
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker", "--loglevel",
             "WARNING", "--concurrency", "1", "--hostname", f"load{n}@%h"], env=env, cwd=REPO,
            stdout=open(folder / f"worker{n}.log", "wb"), stderr=subprocess.STDOUT,
            start_new_session=True))
    try:
        wait(lambda: _healthy(base), "web")
        celery_app = Celery(broker=args.redis)
        noop_round_trips(store, celery_app, 20)  # warm the workers up
        noop = noop_round_trips(store, celery_app, 100)
        latencies, waits, computes, errors, counts = run_load(base, headers, drafts,
                                                              args.seconds, args.rate)
        burst = None
        if args.burst:
            before = cpu_split(procs, redis_conn)
            burst = run_burst(base, headers, drafts, args.burst)
            after = cpu_split(procs, redis_conn)
            burst_cpu = {k: (after[k] - before[k]) * 1000 / args.burst for k in after}
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=20)

    rows = [
        ("store", f"{len(articles):,} articles on Redis (ingested at "
                  f"{len(articles) / ingest_s:,.0f}/s)"),
        ("workers", f"{args.workers} x concurrency 1, gunicorn 2 x 8 threads"),
        ("offered load", f"{args.rate}/s for {args.seconds:.0f} s"),
        ("drafts done", f"{counts['done']} ({counts['done'] / args.seconds:,.1f}/s sustained)"),
        ("submitted / accepted / failed / lost",
         f"{counts['submitted']} / {counts['accepted']} / {counts['failed']} / "
         f"{counts['accepted'] - counts['done'] - counts['failed']}; request errors {errors}"),
        ("submit-to-report p50 / p99", f"{pct(latencies, .5) * 1000:,.0f} ms / "
                                        f"{pct(latencies, .99) * 1000:,.0f} ms"),
        ("  of which queued (created -> started) p50", f"{pct(waits, .5) * 1000:,.0f} ms"),
        ("  of which worker (started -> finished) p50 / p99",
         f"{pct(computes, .5) * 1000:,.0f} ms / {pct(computes, .99) * 1000:,.0f} ms"),
        ("no-op task round trip p50 / p99", f"{pct(noop, .5) * 1000:,.1f} ms / "
                                             f"{pct(noop, .99) * 1000:,.1f} ms"),
        ("p50 ratio to no-op", f"{pct(latencies, .5) / pct(noop, .5):,.1f}x"),
    ]
    if burst is not None:
        n, seconds, lost, finished = burst
        rows += [("burst", f"{n} drafts submitted at once, all done in {seconds:,.1f} s: "
                           f"{finished / seconds:,.1f} drafts/s; lost {lost}"),
                 ("  CPU ms per draft in the burst", ", ".join(
                     f"{k} {v:,.1f}" for k, v in burst_cpu.items())
                  + f"; total {sum(burst_cpu.values()):,.1f}")]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def run_burst(base: str, headers: dict, drafts: list[str], n: int) -> tuple[int, float, int, int]:
    """Submit ``n`` new drafts at once (a deadline), then wait for all: the workers' capacity.

    The workers take jobs in the order they were queued, so the client follows them in that
    order: it asks after one job until it is over, then the next (most are over by then). That
    keeps the client's own requests to about one per job, leaving the machine to the server.
    Returns (n, seconds from the first submission to the last report, lost, done).
    """
    session = requests.Session()
    t0 = time.time()
    jobs = []
    for i in range(n):
        r = session.post(f"{base}/v1/checks", json={"text": f"{drafts[i % len(drafts)]}\n\n"
                                                           f"Burst {i}."},
                         headers=headers, timeout=10)
        jobs.append(r.headers["Location"])
    finished: dict[str, float] = {}
    deadline = time.time() + 600
    for location in jobs:
        while time.time() < deadline:
            job = session.get(base + location, headers=headers, timeout=10).json()
            if job["status"] in ("done", "failed"):
                finished[location] = job["finished_at"]
                break
            time.sleep(0.05)
    last = max(finished.values(), default=t0)
    return n, last - t0, n - len(finished), len(finished)


def run_load(base: str, headers: dict, drafts: list[str], seconds: float,
             rate: float) -> tuple[list[float], list[float], list[float], int, Counter]:
    """Submit at ``rate``/s for ``seconds``; each submission is followed to done by a thread."""
    latencies: list[float] = []
    waits: list[float] = []
    computes: list[float] = []
    counts: Counter[str] = Counter()
    errors = 0
    lock = threading.Lock()

    def follow(text: str) -> None:
        nonlocal errors
        session = requests.Session()
        t0 = time.time()
        try:
            r = session.post(f"{base}/v1/checks", json={"text": text}, headers=headers, timeout=10)
            location = r.headers["Location"]
            with lock:
                counts["accepted"] += r.status_code == 202
            deadline = time.time() + 120
            while time.time() < deadline:
                job = session.get(base + location, headers=headers, timeout=10).json()
                if job["status"] in ("done", "failed"):
                    break
                time.sleep(POLL)
            with lock:
                counts[job["status"]] += 1  # done, failed, or still queued/running: lost
                latencies.append(time.time() - t0)
                if job["status"] == "done":
                    waits.append(job["started_at"] - job["created_at"])
                    computes.append(job["finished_at"] - job["started_at"])
        except (requests.RequestException, KeyError):
            with lock:
                errors += 1

    threads = []
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        # A new text each time, so no report is reused: every draft is computed.
        text = drafts[n % len(drafts)] + f"\n\nUpdate {n}."
        thread = threading.Thread(target=follow, args=(text,))
        thread.start()
        threads.append(thread)
        n += 1
        time.sleep(1 / rate)
    for thread in threads:
        thread.join(timeout=120)
    counts["submitted"] = n
    return latencies, waits, computes, errors, counts


if __name__ == "__main__":
    main()
