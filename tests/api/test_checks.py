"""/v1/checks through the test client; the job is run in-process as a worker would run it."""

from __future__ import annotations

import time
from pathlib import Path

from factcheck.jobs import recover_if_lost, run_job
from factcheck.serve import load_seeds
from tests.conftest import REPO

DRAFT = (REPO / "tests" / "data" / "kirby-draft.txt").read_text(encoding="utf-8")


def test_submit_then_poll_until_done(app, client, store):
    load_seeds(store, REPO / "seeds")
    r = client.post("/v1/checks", json={"text": DRAFT, "title": "Kirby", "metadata": {"cms": 7}})
    assert r.status_code == 202
    body = r.get_json()
    assert body["status"] == "queued" and r.headers["Location"] == f"/v1/checks/{body['id']}"
    queued = client.get(r.headers["Location"]).get_json()
    assert queued["status"] == "queued" and queued["report"] is None
    assert queued["metadata"] == {"cms": 7}
    # The message really is in the embedded broker's folder.
    folder = app.config["FACTCHECK"]["DATA_DIR"] + "/broker/queue"
    assert len(list(Path(folder).iterdir())) == 1
    run_job(store, body["id"], settings=app.config["FACTCHECK"])
    done = client.get(r.headers["Location"]).get_json()
    assert done["status"] == "done" and done["attempts"] == 1
    assert {f["kind"] for f in done["report"]["flags"]} >= {"quote_altered", "number_mismatch"}


def test_run_job_is_idempotent(app, store):
    job = store.create_job(text="No quotes, no figures.")
    settings = app.config["FACTCHECK"]
    run_job(store, job.id, settings=settings)
    first = store.get_job(job.id)
    run_job(store, job.id, settings=settings)
    assert store.get_job(job.id).finished_at == first.finished_at
    assert first.status == "done" and first.report["flags"] == []


def test_failed_check_is_recorded(app, store, monkeypatch):
    import factcheck.jobs

    def broken(*a, **k):
        raise ValueError("bad input")

    monkeypatch.setattr(factcheck.jobs, "check_document", broken)
    job = store.create_job(text="x")
    run_job(store, job.id, settings=app.config["FACTCHECK"])
    failed = store.get_job(job.id)
    assert failed.status == "failed" and "ValueError: bad input" in failed.error


def test_expired_lease_requeues_then_fails_after_max_attempts(app, store):
    settings = {**app.config["FACTCHECK"], "JOB_MAX_ATTEMPTS": 2}
    queued: list[str] = []
    job = store.create_job(text="x")
    store.update_job(job, status="running", attempts=1, lease_until=time.time() - 1)
    recover_if_lost(store, store.get_job(job.id), queued.append, settings=settings)
    assert store.get_job(job.id).status == "queued" and queued == [job.id]
    store.update_job(job, status="running", attempts=2, lease_until=time.time() - 1)
    recover_if_lost(store, store.get_job(job.id), queued.append, settings=settings)
    lost = store.get_job(job.id)
    assert lost.status == "failed" and "lost" in lost.error and queued == [job.id]


def test_live_lease_is_left_alone(app, store):
    job = store.create_job(text="x")
    store.update_job(job, status="running", attempts=1, lease_until=time.time() + 60)
    recover_if_lost(store, store.get_job(job.id), lambda _: None, settings=app.config["FACTCHECK"])
    assert store.get_job(job.id).status == "running"
