"""The life of a check job: accepted, queued, run by a worker, recovered if its worker is lost.

The functions here take the store and an ``enqueue`` callable, so the web views, the Celery task
and the tests share one implementation without importing Flask or Celery.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import Any

from factcheck.errors import BrokerUnavailable, NotFound, StoreUnavailable
from factcheck.integrations.callbacks import DELIVERIES
from factcheck.service import check_document
from factcheck.store import Job, Store

log = logging.getLogger("factcheck.jobs")

Enqueue = Callable[[str], None]


_IDEMPOTENCY = "idempotency"  # Idempotency-Key -> job id
_REPORTS = "reports"  # hash of (title, text) and store version -> id of the job that has its report


def report_key(text: str, title: str | None, store_version: int) -> str:
    """What a finished report can be reused for: the same title and text, the same store."""
    digest = hashlib.sha256(f"{title or ''}\0{text}".encode()).hexdigest()
    return f"{digest}:{store_version}"


def submit_check(
    store: Store, enqueue: Enqueue, *, text: str, retry_after: int = 5,
    idempotency_key: str | None = None, **fields: Any,
) -> tuple[Job, bool]:
    """Accept a check; return its job and whether it is new.

    A repeated ``idempotency_key`` returns the first job. A draft already checked against the
    same store version gets a job that is done at once with that report. Otherwise the job is
    recorded, then queued; if the queue is down the record is removed and BrokerUnavailable
    raised, so a worker never receives an unknown id and nothing unqueued is "accepted".
    """
    job_id = uuid.uuid4().hex
    if idempotency_key:
        first = _job_or_none(store, store.kv_get(_IDEMPOTENCY, idempotency_key))
        if first is not None:
            log.info("event=idempotent_repeat job=%s", first.id)
            return first, False
        fields["idempotency_key"] = idempotency_key
    previous = store.kv_get(_REPORTS, report_key(text, fields.get("title"), store.version()))
    done = _job_or_none(store, previous)
    if done is not None and done.status == "done":
        fields.update(status="done", report=done.report, reused_from=done.id,
                      finished_at=time.time())
    job = store.create_job(id=job_id, text=text, **fields)
    try:
        holder = _claim(store, idempotency_key, job)
    except StoreUnavailable:
        with suppress(StoreUnavailable):  # (a record no one was told of; the client retries)
            store.delete_job(job.id)
        raise
    if holder is not job:
        return holder, False
    if job.reused_from:
        log.info("event=report_reused job=%s from=%s", job.id, job.reused_from)
        return job, True
    try:
        enqueue(job.id)
    except Exception as exc:  # the broker client raises many kinds; all mean "not queued"
        store.delete_job(job.id)
        if idempotency_key:
            store.kv_delete(_IDEMPOTENCY, idempotency_key, value=job.id)
        log.warning("event=enqueue_failed job=%s error=%r", job.id, exc)
        raise BrokerUnavailable(
            "The job queue is unreachable; nothing was recorded. Retry later.",
            headers={"Retry-After": str(retry_after)},
        ) from exc
    log.info("event=accepted job=%s chars=%d", job.id, len(text))
    return job, True


def _claim(store: Store, idempotency_key: str | None, job: Job) -> Job:
    """Tie ``idempotency_key`` to the just recorded ``job``; return the job the key is tied to.

    The job is recorded before its key, so a key always names a job that exists. When another
    request with the same key won, its job is returned and this one, never announced, is
    removed. A key whose job is gone (forgotten after JOB_RETENTION, or never queued) is taken
    over, unless another request takes it over first.
    """
    if not idempotency_key:
        return job
    for _ in range(3):
        if store.kv_put(_IDEMPOTENCY, idempotency_key, job.id, only_new=True):
            return job
        held = store.kv_get(_IDEMPOTENCY, idempotency_key)
        holder = _job_or_none(store, held)
        if holder is not None:
            store.delete_job(job.id)
            log.info("event=idempotent_repeat job=%s", holder.id)
            return holder
        if held is not None:
            store.kv_delete(_IDEMPOTENCY, idempotency_key, value=held)
    return job  # (the key changed hands three times meanwhile: this check goes ahead)


def _job_or_none(store: Store, job_id: str | None) -> Job | None:
    """The job with this id, or None when there is no id or the job has been forgotten."""
    if not job_id:
        return None
    try:
        return store.get_job(job_id)
    except NotFound:
        return None


def expire_jobs(store: Store, *, retention: float, now: float | None = None,
                limit: int = 500) -> list[str]:
    """Forget up to ``limit`` jobs that finished more than ``retention`` seconds ago.

    With each go its callback delivery log, its Idempotency-Key (repeating the key then starts
    a new check) and the entry that let a later identical draft reuse its report. Returns the
    ids forgotten, oldest first. Jobs still queued or running are never touched.
    """
    before = (time.time() if now is None else now) - retention
    forgotten = []
    for job in store.finished_before(before, limit=limit):
        if job.idempotency_key:
            store.kv_delete(_IDEMPOTENCY, job.idempotency_key, value=job.id)
        if job.report and not job.reused_from:
            key = report_key(job.text, job.title, job.report["store_version"])
            store.kv_delete(_REPORTS, key, value=job.id)
        store.log_delete(DELIVERIES, job.id)
        store.forget_finished_job(job)
        forgotten.append(job.id)
    if forgotten:
        log.info("event=expired jobs=%d oldest=%s", len(forgotten), forgotten[0])
    return forgotten


def run_job(store: Store, job_id: str, *, settings: Mapping[str, Any],
            job: Job | None = None) -> Job:
    """Run one job to completion in this process; safe to call again for the same job.

    ``job``: the job as the caller has just read it (else it is read here).
    """
    job = job if job is not None and job.id == job_id else store.get_job(job_id)
    if job.status in ("done", "failed"):
        log.info("event=skip job=%s status=%s", job.id, job.status)
        return job
    if job.attempts >= settings["JOB_MAX_ATTEMPTS"]:
        return _fail(store, job, f"gave up after {job.attempts} attempts")
    now = time.time()
    store.update_job(
        job, status="running", attempts=job.attempts + 1, started_at=now,
        lease_until=now + settings["JOB_TIMEOUT"], error=None,
    )
    log.info("event=running job=%s attempt=%d", job.id, job.attempts)
    try:
        report = check_document(store, job.text, title=job.title, html=job.html)
    except StoreUnavailable:
        raise  # infrastructure, not the draft: the task retries with backoff
    except Exception as exc:
        log.exception("event=error job=%s", job.id)
        return _fail(store, job, f"the check raised {type(exc).__name__}: {exc}")
    store.update_job(job, status="done", report=report, finished_at=time.time(), lease_until=None)
    store.kv_put(_REPORTS, report_key(job.text, job.title, report["store_version"]), job.id)
    log.info("event=done job=%s flags=%d", job.id, len(report["flags"]))
    return job


def recover_if_lost(
    store: Store, job: Job, enqueue: Enqueue, *, settings: Mapping[str, Any], now: float | None = None
) -> Job:
    """Re-queue a running job whose lease has expired (its worker died), or fail it for good."""
    now = time.time() if now is None else now
    if job.status != "running" or job.lease_until is None or job.lease_until > now:
        return job
    if job.attempts >= settings["JOB_MAX_ATTEMPTS"]:
        return _fail(store, job, f"the worker was lost {job.attempts} times; giving up")
    log.warning("event=requeue job=%s attempts=%d", job.id, job.attempts)
    store.update_job(job, status="queued", lease_until=None)
    try:
        enqueue(job.id)
    except Exception as exc:  # noqa: BLE001  (leave it running and expired: the next look retries)
        store.update_job(job, status="running", lease_until=now)
        log.warning("event=requeue_failed job=%s error=%r", job.id, exc)
    return job


def recover_lost_jobs(store: Store, enqueue: Enqueue, *, settings: Mapping[str, Any]) -> int:
    """Recover every running job whose lease has expired; return how many were touched."""
    now = time.time()
    lost = [j for j in store.running_jobs() if j.lease_until is not None and j.lease_until <= now]
    for job in lost:
        recover_if_lost(store, job, enqueue, settings=settings, now=now)
    return len(lost)


def _fail(store: Store, job: Job, reason: str) -> Job:
    log.error("event=failed job=%s reason=%r", job.id, reason)
    return store.update_job(job, status="failed", error=reason, finished_at=time.time(),
                            lease_until=None)
