"""Thin Celery tasks: take an id, let the core do the work, keep the result in the store."""

from __future__ import annotations

import logging
import time

from celery import shared_task
from celery.signals import worker_ready
from flask import current_app

from factcheck.errors import NotFound, StoreUnavailable
from factcheck.integrations.callbacks import deliver
from factcheck.jobs import expire_jobs, recover_lost_jobs, run_job
from factcheck.queue import (
    DELIVER_CALLBACK,
    NOOP,
    RUN_CHECK,
    enqueue_callback,
    enqueue_check,
)

log = logging.getLogger("factcheck.worker")


#: Seconds between two sweeps of expired jobs by one worker process.
SWEEP_EVERY = 600
_next_sweep = 0.0


@shared_task(name=RUN_CHECK, ignore_result=True, autoretry_for=(StoreUnavailable,),
             retry_backoff=True, retry_backoff_max=60, max_retries=5)
def run_check(job_id: str) -> str:
    """Run the check of job ``job_id`` and store its report (idempotent); then call back."""
    store = current_app.extensions["factcheck.store"]
    settings = current_app.config["FACTCHECK"]
    job = store.get_job(job_id)
    finished_before = job.status in ("done", "failed")
    job = run_job(store, job_id, settings=settings, job=job)
    if job.callback_url and not finished_before and job.status in ("done", "failed"):
        enqueue_callback(current_app.extensions["celery"], job.id)
    sweep_expired_jobs(store, settings)
    return job.status


def sweep_expired_jobs(store, settings, *, now: float | None = None) -> int:
    """Forget jobs past JOB_RETENTION, at most every SWEEP_EVERY seconds per worker process.

    Runs after a check, so the work it waits on is never delayed; a sweep forgets at most a few
    hundred jobs, and the next one goes on where it stopped.
    """
    global _next_sweep
    now = time.time() if now is None else now
    if not settings["JOB_RETENTION"] or now < _next_sweep:
        return 0
    _next_sweep = now + SWEEP_EVERY
    try:
        return len(expire_jobs(store, retention=settings["JOB_RETENTION"], now=now))
    except Exception as exc:  # noqa: BLE001  (the check is done: the next sweep tries again)
        log.warning("event=expire_failed error=%r", exc)
        return 0


@shared_task(name=DELIVER_CALLBACK, ignore_result=True, autoretry_for=(StoreUnavailable,),
             retry_backoff=True, retry_backoff_max=60, max_retries=5)
def deliver_callback(job_id: str, attempt: int = 1) -> str:
    """POST the finished job's report to its callback URL; schedule the next try if needed."""
    store = current_app.extensions["factcheck.store"]
    settings = current_app.config["FACTCHECK"]
    try:
        job = store.get_job(job_id)
    except NotFound:  # forgotten after JOB_RETENTION before its callback could be delivered
        log.warning("event=callback_dropped job=%s reason=expired", job_id)
        return "expired"
    result = deliver(store, job, attempt=attempt, settings=settings)
    if result.outcome == "retry":
        enqueue_callback(current_app.extensions["celery"], job_id, attempt=attempt + 1,
                         countdown=result.retry_in)
    return result.outcome


@shared_task(name=NOOP, ignore_result=True)
def noop(token: str) -> None:
    """Do nothing but record that it ran: the queue's own round trip, for benchmarks."""
    current_app.extensions["factcheck.store"].kv_put("noop", token, time.time())


@worker_ready.connect
def recover_on_start(sender=None, **_: object) -> None:
    """When a worker starts, re-queue the jobs a dead worker left running past their lease."""
    from workers.celery_app import celery_app, flask_app

    with flask_app.app_context():
        store = flask_app.extensions["factcheck.store"]
        n = recover_lost_jobs(
            store, lambda jid: enqueue_check(celery_app, jid), settings=flask_app.config["FACTCHECK"]
        )
    log.info("event=worker_ready recovered=%d", n)
