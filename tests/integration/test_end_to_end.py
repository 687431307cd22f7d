"""A draft checked end to end over HTTP: embedded mode, and distributed on Redis."""

from __future__ import annotations

import sys
import time

import pytest
import requests

from tests.integration.conftest import (
    DRAFT,
    SEED,
    celery_worker,
    free_port,
    wait_done,
    wait_healthy,
)

pytestmark = pytest.mark.integration


def assert_kirby_report(job: dict) -> None:
    assert job["status"] == "done", job
    report = job["report"]
    kinds = {(f["kind"], DRAFT[f["start"]:f["end"]]) for f in report["flags"]}
    altered = [t for k, t in kinds if k == "quote_altered"]
    assert any("month's worth of training" in t for t in altered), report["flags"]
    assert ("number_mismatch", "200,000") in {(k, t.strip()) for k, t in kinds}, report["flags"]
    verified = [c for c in report["claims"] if c["verdict"] == "verified" and c["claim"] == "quote"]
    assert any("not agree to fight in Ukraine" in c["text"] for c in verified), report["claims"]
    for flag in report["flags"]:
        assert flag["source"]["reference_id"].startswith("kirby")


def admin_headers(store_url: str) -> dict[str, str]:
    """An admin key created in the store, as the Authorization header a client would send."""
    from factcheck.auth import create_key
    from factcheck.store import open_store

    store = open_store(store_url)
    _, token = create_key(store, name="tests", scope="admin")
    store.close()
    return {"Authorization": f"Bearer {token}"}


def submit(base: str, text: str, headers: dict | None = None) -> requests.Response:
    r = requests.post(f"{base}/v1/checks", json={"text": text, "title": "Kirby draft"},
                      headers=headers, timeout=10)
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "queued"
    return r


def test_embedded_serve_checks_a_draft(processes):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start("serve", sys.executable, "-m", "factcheck.cli", "serve", "--port", str(port))
    health = wait_healthy(base, processes)
    assert health["store"]["backend"] == "sqlite" and health["broker"]["transport"] == "filesystem"
    assert health["store"]["references"] == 1  # the seed article, loaded on first start
    location = submit(base, DRAFT).headers["Location"]
    assert_kirby_report(wait_done(base, location, processes))


def test_distributed_on_redis_two_web_processes_two_workers(processes, redis_url):
    processes.env["FACTCHECK_STORE_URL"] = redis_url
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start("web", sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
                    "--workers", "2", "factcheck.api:create_app()")
    celery_worker(processes, "w1")
    celery_worker(processes, "w2")
    health = wait_healthy(base, processes)
    assert health["store"]["backend"] == "redis" and health["broker"]["ok"]
    headers = admin_headers(redis_url)
    assert requests.get(f"{base}/v1/references", timeout=5).status_code == 401
    seed_title, _, seed_text = SEED.read_text(encoding="utf-8").partition("\n")
    r = requests.post(f"{base}/v1/references", timeout=10, headers=headers, json={
        "id": SEED.stem, "title": seed_title, "text": seed_text.strip()})
    assert r.status_code == 201, r.text
    locations = [submit(base, DRAFT, headers).headers["Location"] for _ in range(6)]
    for location in locations:
        assert_kirby_report(wait_done(base, location, processes, headers))


def test_lost_worker_job_is_run_again(processes, redis_url):
    """A job left running by a dead worker is re-queued once its lease expires, and finishes."""
    from factcheck.store import open_store

    processes.env["FACTCHECK_STORE_URL"] = redis_url
    processes.env["FACTCHECK_JOB_TIMEOUT"] = "2"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start("web", sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
                    "factcheck.api:create_app()")
    wait_healthy(base, processes)
    store = open_store(redis_url)
    store.add_reference(id=SEED.stem, title="seed", text=SEED.read_text(encoding="utf-8"))
    # What a worker killed mid-check leaves behind: running, one attempt, lease soon over.
    job = store.create_job(text=DRAFT)
    store.update_job(job, status="running", attempts=1, lease_until=time.time() + 1)
    celery_worker(processes, "w1")
    time.sleep(1.5)
    done = wait_done(base, f"/v1/checks/{job.id}", processes, admin_headers(redis_url))
    assert done["attempts"] == 2
    assert_kirby_report(done)
