"""``factcheck serve``: the web server (gunicorn) with a Celery worker process beside it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from factcheck.ingest import find_files, ingest_files
from factcheck.store import Store, open_store

log = logging.getLogger("factcheck.serve")


def load_seeds(store: Store, seeds_dir: str | Path) -> int:
    """Load the seed references into ``store`` if it holds none; return how many were added."""
    if store.list_references(limit=1)[1]:
        return 0
    folder = Path(seeds_dir)
    if not folder.is_dir():
        log.warning("event=no_seeds dir=%s", folder)
        return 0
    summary = ingest_files(store, find_files([folder]))
    log.info("event=seeded dir=%s %s", folder, summary.line())
    return summary.added


def choose_auth(settings: dict[str, Any], *, host: str, explicit: str | None) -> str:
    """"open" only on a loopback address with no API key yet; otherwise keys are required.

    Raises ValueError when keys are required and none exists, or "open" is asked off loopback.
    """
    from factcheck.auth import any_keys

    loopback = _is_loopback(host)
    store = open_store(settings["STORE_URL"])
    try:
        has_keys = any_keys(store)
    finally:
        store.close()
    mode = explicit or ("open" if loopback and not has_keys else "required")
    if mode == "open" and not loopback:
        raise ValueError(f"Refusing to run without API keys on {host}: "
                         "only a loopback address may run open.")
    if mode == "required" and not has_keys:
        raise ValueError(f"Binding to {host} requires API keys and none exists: create one with "
                         "`factcheck keys create --name NAME --scope admin`.")
    return mode


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def worker_command(settings: dict[str, Any]) -> list[str]:
    """The command line of the worker process started next to the web server."""
    return [sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker",
            "--loglevel", "INFO", "--concurrency", str(settings["WORKER_CONCURRENCY"]),
            "--hostname", "embedded@%h"]


def settings_environ(settings: dict[str, Any]) -> dict[str, str]:
    """The environment that makes a child process resolve the same settings."""
    env = dict(os.environ)
    for name in ("DATA_DIR", "STORE_URL", "BROKER_URL", "JOB_TIMEOUT", "JOB_MAX_ATTEMPTS"):
        env[f"FACTCHECK_{name}"] = str(settings[name])
    return env


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict[str, Any], settings: dict[str, Any]):
        self.options, self.settings = options, settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from factcheck.api import create_app

        return create_app(self.settings)


def run_server(settings: dict[str, Any], *, host: str, port: int, threads: int = 4,
               with_worker: bool = True) -> None:
    """Seed an empty store, start a worker process and serve HTTP until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    store = open_store(settings["STORE_URL"])
    load_seeds(store, settings["SEEDS_DIR"])
    store.close()
    worker = None
    if with_worker:
        worker = subprocess.Popen(worker_command(settings), env=settings_environ(settings))
        log.info("event=worker_started pid=%d", worker.pid)
    log.info("event=serving url=http://%s:%d store=%s broker=%s", host, port,
             settings["STORE_URL"], settings["BROKER_URL"])
    try:
        _Gunicorn({"bind": f"{host}:{port}", "workers": 1, "threads": threads,
                   "worker_class": "gthread", "accesslog": "-", "timeout": 60}, settings).run()
    finally:
        if worker is not None and worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
