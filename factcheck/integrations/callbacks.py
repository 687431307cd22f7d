"""Signed callbacks: POST a finished check's report to the URL a CMS registered.

Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same
webhook-id is sent on every attempt so a receiver can drop repeats. Each attempt is logged.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from factcheck.errors import FactcheckError
from factcheck.integrations.outbound import HostNotFound, post_json
from factcheck.integrations.signatures import new_standard_secret, sign_standard
from factcheck.store import Job, Store

log = logging.getLogger("factcheck.callbacks")

DELIVERIES = "deliveries"
_SECRETS = ("settings", "callback_secrets")  # generated secrets kept in the store


@dataclass(frozen=True, slots=True)
class Attempt:
    """One delivery attempt, as logged and shown at /v1/checks/<id>/deliveries."""

    attempt: int
    at: float
    url: str
    webhook_id: str
    outcome: str  # delivered, retry, gave_up, stopped
    status_code: int | None = None
    error: str | None = None
    retry_in: float | None = None


def callback_secrets(store: Store, settings: dict[str, Any]) -> list[str]:
    """The signing secrets: CALLBACK_SECRETS if set, else ones generated once and kept."""
    configured = [s.strip() for s in settings.get("CALLBACK_SECRETS", "").split(",") if s.strip()]
    if configured:
        return configured
    stored = store.kv_get(*_SECRETS)
    if not stored:
        store.kv_put(*_SECRETS, [new_standard_secret()], only_new=True)
        stored = store.kv_get(*_SECRETS)
    return stored


def rotate_callback_secret(store: Store, *, keep_old: bool = True) -> list[str]:
    """Add a new generated signing secret (first); keep the old ones too unless told not to."""
    old = store.kv_get(*_SECRETS) or []
    secrets = [new_standard_secret(), *(old if keep_old else [])]
    store.kv_put(*_SECRETS, secrets)
    return secrets


def keep_newest_callback_secret(store: Store) -> list[str]:
    """End a rotation: keep only the newest generated secret."""
    secrets = (store.kv_get(*_SECRETS) or [])[:1]
    store.kv_put(*_SECRETS, secrets)
    return secrets


def callback_body(job: Job) -> bytes:
    """The JSON posted to the callback URL."""
    return json.dumps({
        "type": f"check.{job.status}",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(job.finished_at or 0)),
        "data": {"id": job.id, "status": job.status, "title": job.title,
                 "metadata": job.metadata, "error": job.error, "report": job.report},
    }, ensure_ascii=False).encode("utf-8")


def retry_delay(attempt: int, response: requests.Response | None, *, base: float,
                cap: float) -> float:
    """Seconds before the next attempt: the receiver's Retry-After, else exponential backoff."""
    header = response.headers.get("Retry-After") if response is not None else None
    if header:
        try:
            return min(max(float(header), 0.0), cap)
        except ValueError:
            try:
                return min(max(parsedate_to_datetime(header).timestamp() - time.time(), 0.0), cap)
            except (TypeError, ValueError):
                pass
    return min(base * 2 ** (attempt - 1), cap)


def deliver(store: Store, job: Job, *, attempt: int, settings: dict[str, Any]) -> Attempt:
    """Make one delivery attempt of ``job``'s callback; log and return its outcome."""
    url = job.callback_url
    webhook_id = f"msg_{job.id}"
    body = callback_body(job)
    headers = {"Content-Type": "application/json", "User-Agent": "factcheck-callbacks",
               **sign_standard(webhook_id, int(time.time()), body, callback_secrets(store, settings))}
    allow = [a.strip() for a in settings["OUTBOUND_ALLOW"].split(",") if a.strip()]
    response, error = None, None
    try:
        response = post_json(url, body, headers, allow=allow,
                             timeout=(settings["CALLBACK_CONNECT_TIMEOUT"],
                                      settings["CALLBACK_READ_TIMEOUT"]))
    except HostNotFound as exc:  # DNS may be down for a moment: treated as a network error
        error = exc.detail
    except FactcheckError as exc:  # an unsafe URL: retrying will not help
        result = Attempt(attempt, time.time(), url, webhook_id, "stopped", error=exc.detail)
        return _log(store, job, result)
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"
    code = response.status_code if response is not None else None
    if code is not None and 200 <= code < 300:
        outcome, retry_in = "delivered", None
    elif code == 410:
        outcome, retry_in = "stopped", None  # the receiver asked us to stop for good
    elif code is None or code >= 500 or code in (408, 429):
        retry_in = retry_delay(attempt, response, base=settings["CALLBACK_BACKOFF"],
                               cap=settings["CALLBACK_BACKOFF_MAX"])
        outcome = "retry" if attempt < settings["CALLBACK_MAX_ATTEMPTS"] else "gave_up"
        retry_in = retry_in if outcome == "retry" else None
    else:
        outcome, retry_in = "stopped", None  # other 4xx: the receiver refuses this payload
    return _log(store, job, Attempt(attempt, time.time(), url, webhook_id, outcome, code, error,
                                    retry_in))


def _log(store: Store, job: Job, attempt: Attempt) -> Attempt:
    store.log_append(DELIVERIES, job.id, asdict(attempt))
    log.info("event=callback job=%s attempt=%d outcome=%s status=%s error=%r", job.id,
             attempt.attempt, attempt.outcome, attempt.status_code, attempt.error)
    return attempt


def delivery_log(store: Store, job_id: str) -> list[dict[str, Any]]:
    """Every delivery attempt of a job, oldest first."""
    return store.log_read(DELIVERIES, job_id)
