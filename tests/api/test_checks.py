"""/v1/checks through the test client; the job is run in-process as a worker would run it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factcheck.errors import NotFound
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


def test_jobs_past_their_retention_are_forgotten_with_what_points_to_them(app, client, store):
    from factcheck.integrations.callbacks import DELIVERIES
    from factcheck.jobs import expire_jobs

    settings = app.config["FACTCHECK"]
    headers = {"Idempotency-Key": "draft-41"}
    first = client.post("/v1/checks", json={"text": DRAFT}, headers=headers).get_json()
    run_job(store, first["id"], settings=settings)
    store.log_append(DELIVERIES, first["id"], {"attempt": 1})
    waiting = client.post("/v1/checks", json={"text": "Another draft, still queued."}).get_json()
    # Before its time: kept, its key repeats the job, an identical draft reuses its report.
    assert expire_jobs(store, retention=3600) == []
    assert client.post("/v1/checks", json={"text": DRAFT}, headers=headers).status_code == 200
    reused = client.get(client.post("/v1/checks", json={"text": DRAFT}).headers["Location"])
    reused = reused.get_json()
    assert reused["status"] == "done" and reused["reused_from"] == first["id"]
    # An hour later: the finished jobs go (the one that reused the report too), the queued stays.
    gone = expire_jobs(store, retention=3600, now=time.time() + 3601)
    assert set(gone) == {first["id"], reused["id"]}
    gone_page = client.get(f"/v1/checks/{first['id']}")
    assert gone_page.status_code == 404 and "kept for 30 days" in gone_page.get_json()["detail"]
    assert store.log_read(DELIVERIES, first["id"]) == []
    assert client.get(f"/v1/checks/{waiting['id']}").get_json()["status"] == "queued"
    again = client.post("/v1/checks", json={"text": DRAFT}, headers=headers)
    assert again.status_code == 202 and again.get_json()["id"] != first["id"]
    assert again.get_json()["status"] == "queued"  # checked anew: no report left to reuse


def test_workers_sweep_expired_jobs_at_most_every_few_minutes(app, store, monkeypatch):
    from workers import tasks

    settings = {**app.config["FACTCHECK"], "JOB_RETENTION": 60}
    monkeypatch.setattr(tasks, "_next_sweep", 0.0)
    now = time.time()
    for text in ("one", "two"):
        store.update_job(store.create_job(text=text), status="done", finished_at=now - 120)
    assert tasks.sweep_expired_jobs(store, settings, now=now) == 2
    store.update_job(store.create_job(text="three"), status="done", finished_at=now - 120)
    assert tasks.sweep_expired_jobs(store, settings, now=now + 1) == 0  # too soon
    assert tasks.sweep_expired_jobs(store, settings, now=now + tasks.SWEEP_EVERY) == 1
    monkeypatch.setattr(tasks, "_next_sweep", 0.0)
    kept = {**settings, "JOB_RETENTION": 0}  # 0: keep jobs forever
    store.update_job(store.create_job(text="four"), status="done", finished_at=now - 1e6)
    assert tasks.sweep_expired_jobs(store, kept, now=now + 1e6) == 0


def test_a_repeat_racing_the_first_request_gets_the_first_job(app, store, monkeypatch):
    """Two requests with one Idempotency-Key: the one that ties the key first wins."""
    from factcheck.jobs import submit_check

    queued: list[str] = []
    winner = store.create_job(text="The same draft.")
    create = store.create_job

    losers: list[str] = []

    def create_then_lose(**fields):  # the other request ties the key while this one records
        job = create(**fields)
        losers.append(job.id)
        store.kv_put("idempotency", "k-1", winner.id, only_new=True)
        return job

    monkeypatch.setattr(store, "create_job", create_then_lose)
    job, new = submit_check(store, queued.append, text="The same draft.", idempotency_key="k-1")
    assert (job.id, new, queued) == (winner.id, False, [])  # nothing queued for the loser
    with pytest.raises(NotFound):
        store.get_job(losers[0])  # and its record, never announced, is gone
    monkeypatch.undo()
    store.kv_put("idempotency", "k-2", "a-job-forgotten-long-ago")
    job, new = submit_check(store, queued.append, text="Another draft.", idempotency_key="k-2")
    assert new and queued == [job.id] and store.kv_get("idempotency", "k-2") == job.id
