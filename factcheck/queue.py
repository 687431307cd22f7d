"""The Celery app, configured from the factcheck settings and bound to the Flask app.

Delivery guarantees (see docs/operations.md): a job record exists before its message; tasks
are acknowledged late and re-delivered when a worker dies (Redis broker); every job also holds a
lease, so a job whose worker vanished is re-queued or failed once ``JOB_TIMEOUT`` has passed,
whatever the broker did with the message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from celery import Celery, Task
from flask import Flask

from factcheck.config import broker_folder, is_embedded_broker

RUN_CHECK = "factcheck.run_check"
DELIVER_CALLBACK = "factcheck.deliver_callback"
NOOP = "factcheck.noop"  # measures the queue's round trip (bench/e2e_load.py)


def celery_config(settings: dict[str, Any]) -> dict[str, Any]:
    """Celery settings derived from the factcheck settings."""
    timeout = settings["JOB_TIMEOUT"]
    config: dict[str, Any] = {
        "broker_url": settings["BROKER_URL"],
        "task_ignore_result": True,  # results live in the store's job records
        "task_acks_late": True,  # run_check is idempotent: a done job is skipped
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": max(timeout - 10, 1),
        "task_time_limit": timeout,
        "broker_connection_retry_on_startup": True,
        "broker_connection_timeout": 3,
        # Publishing must fail fast when the broker is down, so the API can answer 503.
        "task_publish_retry_policy": {"max_retries": 2, "interval_start": 0,
                                      "interval_step": 0.2, "interval_max": 0.5},
        "worker_hijack_root_logger": False,
    }
    if is_embedded_broker(settings):
        folder = broker_folder(settings)
        for sub in ("queue", "processed", "control"):
            Path(folder, sub).mkdir(parents=True, exist_ok=True)
        config["broker_transport_options"] = {
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "processed_folder": str(folder / "processed"),
            # (else kombu keeps its exchange table in ./control, wherever the process runs)
            "control_folder": str(folder / "control"),
            "store_processed": False,
        }
    else:
        # Redis re-delivers an unacknowledged message after the visibility timeout: keep it
        # above the hard time limit so a slow task is never run twice while still alive.
        config["broker_transport_options"] = {"visibility_timeout": timeout * 2}
    return config


def celery_init_app(app: Flask) -> Celery:
    """Create the Celery app for ``app``; its tasks run inside the Flask app context."""

    class FlaskTask(Task):
        def __call__(self, *args: object, **kwargs: object) -> object:
            with app.app_context():
                return self.run(*args, **kwargs)

    celery_app = Celery(app.name, task_cls=FlaskTask)
    celery_app.config_from_object(celery_config(app.config["FACTCHECK"]))
    celery_app.set_default()
    app.extensions["celery"] = celery_app
    return celery_app


def enqueue_check(celery_app: Celery, job_id: str) -> None:
    """Queue the check of one job (by id: the worker re-reads the job from the store)."""
    celery_app.send_task(RUN_CHECK, args=[job_id], retry=True)


def enqueue_callback(celery_app: Celery, job_id: str, *, attempt: int = 1,
                     countdown: float | None = None) -> None:
    """Queue a delivery attempt of a finished job's callback, after ``countdown`` seconds."""
    celery_app.send_task(DELIVER_CALLBACK, args=[job_id, attempt], countdown=countdown, retry=True)
