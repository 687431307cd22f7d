"""Thin Celery tasks: take an id, let the core do the work, keep the result in the store."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.signals import worker_ready
from flask import current_app

from factcheck.errors import StoreUnavailable
from factcheck.jobs import recover_lost_jobs, run_job
from factcheck.queue import RUN_CHECK, enqueue_check

log = logging.getLogger("factcheck.worker")


@shared_task(name=RUN_CHECK, ignore_result=True, autoretry_for=(StoreUnavailable,),
             retry_backoff=True, retry_backoff_max=60, max_retries=5)
def run_check(job_id: str) -> str:
    """Run the check of job ``job_id`` and store its report (idempotent)."""
    store = current_app.extensions["factcheck.store"]
    job = run_job(store, job_id, settings=current_app.config["FACTCHECK"])
    return job.status


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
