"""Thin Celery tasks: take an id, let the core do the work, keep the result in the store."""

from __future__ import annotations

import logging
import time

from celery import shared_task
from celery.signals import worker_ready
from flask import current_app

from factcheck.errors import StoreUnavailable
from factcheck.integrations.callbacks import deliver
from factcheck.jobs import recover_lost_jobs, run_job
from factcheck.queue import (
    DELIVER_CALLBACK,
    NOOP,
    RUN_CHECK,
    enqueue_callback,
    enqueue_check,
)

log = logging.getLogger("factcheck.worker")


@shared_task(name=RUN_CHECK, ignore_result=True, autoretry_for=(StoreUnavailable,),
             retry_backoff=True, retry_backoff_max=60, max_retries=5)
def run_check(job_id: str) -> str:
    """Run the check of job ``job_id`` and store its report (idempotent); then call back."""
    store = current_app.extensions["factcheck.store"]
    finished_before = store.get_job(job_id).status in ("done", "failed")
    job = run_job(store, job_id, settings=current_app.config["FACTCHECK"])
    if job.callback_url and not finished_before and job.status in ("done", "failed"):
        enqueue_callback(current_app.extensions["celery"], job.id)
    return job.status


@shared_task(name=DELIVER_CALLBACK, ignore_result=True, autoretry_for=(StoreUnavailable,),
             retry_backoff=True, retry_backoff_max=60, max_retries=5)
def deliver_callback(job_id: str, attempt: int = 1) -> str:
    """POST the finished job's report to its callback URL; schedule the next try if needed."""
    store = current_app.extensions["factcheck.store"]
    settings = current_app.config["FACTCHECK"]
    result = deliver(store, store.get_job(job_id), attempt=attempt, settings=settings)
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
