"""Settings: named defaults, overridden by ``FACTCHECK_*`` environment variables, then by code.

One loader serves the Flask app, the Celery worker and the CLI, so the three always agree on
where the store and the broker are. Nothing is read at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: Every setting with its default. Environment variables ``FACTCHECK_<NAME>`` override them.
DEFAULTS: dict[str, Any] = {
    # Where embedded mode keeps its SQLite store and its broker folders.
    "DATA_DIR": ".factcheck",
    # sqlite:///path/to/file.db or redis://host:port/db; empty means DATA_DIR/factcheck.db.
    "STORE_URL": "",
    # Celery broker; empty means the store's Redis, or a filesystem queue in DATA_DIR.
    "BROKER_URL": "",
    # Folder of reference articles loaded into an empty store by `factcheck serve`.
    "SEEDS_DIR": str(Path(__file__).resolve().parent.parent / "seeds"),
    # Largest request body accepted, in bytes (413 above it).
    "MAX_CONTENT_LENGTH": 1_000_000,
    # Most quotation marks a draft may hold (about half as many quotes); 422 above it. A draft
    # with more is not an article: split it.
    "MAX_QUOTE_MARKS": 2_000,
    # A running job whose worker has not finished it after this many seconds is considered
    # lost: it is re-queued (up to JOB_MAX_ATTEMPTS runs in all) or marked failed.
    "JOB_TIMEOUT": 300,
    "JOB_MAX_ATTEMPTS": 2,
    # Seconds a finished job (its draft, report and delivery log) is kept, 30 days by default;
    # then workers forget it, with its Idempotency-Key and the reuse of its report. 0: forever.
    "JOB_RETENTION": 30 * 24 * 3600,
    # Seconds a client is told to wait (Retry-After) when the broker is unreachable.
    "RETRY_AFTER": 5,
    # Worker processes started next to the web server by `factcheck serve`.
    "WORKER_CONCURRENCY": 2,
    # "required": every /v1 call needs an API key; "open": none is checked (only sensible on
    # localhost for a first try; `factcheck serve` chooses it when no key exists yet).
    "AUTH": "required",
    # Callbacks: Standard Webhooks secrets (whsec_..., comma-separated; the first signs, all
    # are sent during a rotation). Empty: one is generated and kept in the store.
    "CALLBACK_SECRETS": "",
    "CALLBACK_MAX_ATTEMPTS": 8,
    "CALLBACK_BACKOFF": 2,  # seconds before the 2nd attempt, doubling after each failure
    "CALLBACK_BACKOFF_MAX": 600,
    "CALLBACK_CONNECT_TIMEOUT": 3,
    "CALLBACK_READ_TIMEOUT": 10,
    # Hosts, addresses or networks outbound requests may reach although they are loopback,
    # private or link-local (comma-separated, e.g. "127.0.0.1,10.0.0.0/8").
    "OUTBOUND_ALLOW": "",
    # Webhook deliveries older or newer than this many seconds are refused as replays.
    "HOOK_TOLERANCE": 300,
    "PAGE_SIZE": 50,
    "MAX_PAGE_SIZE": 500,
}


def _coerce(name: str, raw: str) -> Any:
    default = DEFAULTS.get(name)
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    return raw


def load_settings(
    overrides: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Return the settings: defaults, then ``FACTCHECK_*`` variables, then ``overrides``.

    ``STORE_URL`` and ``BROKER_URL`` are always filled in with their derived values.

    >>> load_settings({"DATA_DIR": "/tmp/fc"}, environ={})["STORE_URL"]
    'sqlite:////tmp/fc/factcheck.db'
    """
    environ = os.environ if environ is None else environ
    settings = dict(DEFAULTS)
    for name in DEFAULTS:
        if f"FACTCHECK_{name}" in environ:
            settings[name] = _coerce(name, environ[f"FACTCHECK_{name}"])
    settings.update(overrides or {})
    data_dir = Path(settings["DATA_DIR"]).absolute()
    settings["DATA_DIR"] = str(data_dir)
    if not settings["STORE_URL"]:
        settings["STORE_URL"] = f"sqlite:///{data_dir / 'factcheck.db'}"
    if not settings["BROKER_URL"]:
        store_url = settings["STORE_URL"]
        settings["BROKER_URL"] = store_url if store_url.startswith("redis") else "filesystem://localhost/"
    return settings


def is_embedded_broker(settings: Mapping[str, Any]) -> bool:
    """True when the broker is the serverless filesystem queue of embedded mode."""
    return settings["BROKER_URL"].startswith("filesystem://")


def broker_folder(settings: Mapping[str, Any]) -> Path:
    """The folder the embedded filesystem broker keeps its messages in."""
    return Path(settings["DATA_DIR"]) / "broker"
