"""The ``factcheck`` command: serve | worker | ingest | check | extract."""

from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path

import click

from factcheck.config import load_settings

log = logging.getLogger("factcheck.cli")


@contextmanager
def _usage_errors():
    """Turn factcheck's own errors into click usage errors (exit 2, message, no traceback)."""
    from factcheck.errors import FactcheckError

    try:
        yield
    except FactcheckError as exc:
        raise click.UsageError(exc.detail) from exc


def _store(settings=None):
    from factcheck.store import open_store

    settings = settings or load_settings()
    return open_store(settings["STORE_URL"])


@click.group()
@click.version_option(package_name="factcheck")
def main() -> None:
    """factcheck: checks a draft's quotes and figures against a reference store.

    The store is named by FACTCHECK_STORE_URL (sqlite:///file.db or redis://host:port/db);
    by default a SQLite file in ./.factcheck.
    """


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to bind.")
@click.option("--threads", default=4, show_default=True, type=int, help="Web threads.")
@click.option("--worker/--no-worker", default=True, show_default=True,
              help="Start a Celery worker process next to the web server.")
def serve(host: str, port: int, threads: int, worker: bool) -> None:
    """Start the web server and a worker; load seeds/ into an empty store."""
    from factcheck.serve import choose_auth, run_server

    settings = load_settings()
    try:
        settings["AUTH"] = choose_auth(settings, host=host, explicit=os.environ.get("FACTCHECK_AUTH"))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    run_server(settings, host=host, port=port, threads=threads, with_worker=worker)


@main.group()
def keys() -> None:
    """Create, list and revoke API keys (stored hashed; a token is shown once)."""


@keys.command("create")
@click.option("--name", required=True, help="Who or what uses the key (e.g. ghost-prod).")
@click.option("--scope", type=click.Choice(["read", "check", "admin"]), default="check",
              show_default=True, help="read < check < admin (references, hooks, keys).")
def keys_create(name: str, scope: str) -> None:
    """Create a key and print its token (keep it: it cannot be shown again)."""
    from factcheck.auth import create_key

    key, token = create_key(_store(), name=name, scope=scope)
    click.echo(f"created key {key.id} ({key.name}, scope {key.scope})", err=True)
    click.echo(token)


@keys.command("list")
def keys_list() -> None:
    """List keys: id, scope, name, created, revoked."""
    from datetime import datetime

    from factcheck.auth import list_keys

    def when(ts):
        return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M") if ts else "-"

    for key in list_keys(_store()):
        click.echo(f"{key.id}  {key.scope:<6} {key.name:<24} created {when(key.created_at)}  "
                   f"revoked {when(key.revoked_at)}")


@keys.command("revoke")
@click.argument("key_id")
def keys_revoke(key_id: str) -> None:
    """Revoke a key by id; it stops working at once."""
    from factcheck.auth import revoke_key

    with _usage_errors():
        key = revoke_key(_store(), key_id)
    click.echo(f"revoked key {key.id} ({key.name})", err=True)


@main.group()
def hooks() -> None:
    """Configure CMS hook sources: POST /v1/hooks/NAME, signed with the source's secret."""


@hooks.command("set")
@click.argument("name")
@click.option("--kind", type=click.Choice(["ghost", "wordpress", "generic"]),
              help="The CMS (defaults to NAME when NAME is a kind).")
@click.option("--secret", "secrets", multiple=True,
              help="Webhook secret the CMS signs with; repeat to accept several (rotation).")
@click.option("--callback-url", help="Where to POST each finished report.")
def hooks_set(name: str, kind: str | None, secrets: tuple[str, ...], callback_url: str | None):
    """Create or update a hook source."""
    from factcheck.integrations.hooks import set_hook

    with _usage_errors():
        config = set_hook(_store(), name, kind=kind, secrets=list(secrets) or None,
                          callback_url=callback_url)
    click.echo(f"hook {name}: kind {config['kind']}, {len(config['secrets'])} secret(s), "
               f"callback {config['callback_url'] or '-'}; deliveries go to /v1/hooks/{name}")


@hooks.command("list")
def hooks_list() -> None:
    """List hook sources (secrets hidden)."""
    from factcheck.integrations.hooks import list_hooks

    for name, config in list_hooks(_store()).items():
        click.echo(f"{name}  {config['kind']:<9} {config['secrets']}  "
                   f"callback {config['callback_url'] or '-'}")


@hooks.command("delete")
@click.argument("name")
def hooks_delete(name: str) -> None:
    """Remove a hook source."""
    from factcheck.integrations.hooks import delete_hook

    with _usage_errors():
        delete_hook(_store(), name)


@main.command("callback-secret")
@click.option("--rotate", is_flag=True, help="Add a new secret; both sign until --drop-old.")
@click.option("--drop-old", is_flag=True, help="Keep only the newest secret.")
def callback_secret(rotate: bool, drop_old: bool) -> None:
    """Print the Standard Webhooks secret(s) callbacks are signed with (receivers verify)."""
    from factcheck.integrations.callbacks import (
        callback_secrets,
        keep_newest_callback_secret,
        rotate_callback_secret,
    )

    store, settings = _store(), load_settings()
    if settings["CALLBACK_SECRETS"] and (rotate or drop_old):
        raise click.UsageError("Secrets come from FACTCHECK_CALLBACK_SECRETS: rotate them there.")
    if rotate:
        rotate_callback_secret(store)
    secrets = callback_secrets(store, settings)
    if drop_old:
        secrets = keep_newest_callback_secret(store)
    for secret in secrets:
        click.echo(secret)


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("celery_args", nargs=-1, type=click.UNPROCESSED)
def worker(celery_args: tuple[str, ...]) -> None:
    """Run a Celery worker (extra arguments go to celery)."""
    cmd = [sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker",
           "--loglevel", "INFO", *celery_args]
    os.execv(sys.executable, cmd)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--jobs", type=click.IntRange(min=1), default=lambda: min(os.cpu_count() or 1, 4),
              show_default="the CPU count, at most 4", help="Processes that parse references.")
def ingest(paths: tuple[str, ...], quiet: bool, jobs: int) -> None:
    """Load reference files (.txt: first line is the title; .json) or folders of them."""
    from tqdm import tqdm

    from factcheck.ingest import find_files, ingest_files

    with _usage_errors():
        files = find_files(list(paths))
    store = _store()
    with tqdm(total=len(files), unit="file", disable=quiet, file=sys.stderr) as bar:
        summary = ingest_files(store, files, progress=bar.update, jobs=jobs)
    for line in summary.warnings:
        click.echo(f"warning: {line}", err=True)
    for line in summary.errors:
        click.echo(f"error: {line}", err=True)
    click.echo(f"{summary.line()} (store version {store.version()})", err=True)
    if summary.failed:
        sys.exit(1)


@main.command()
def reindex() -> None:
    """Rebuild the index of every reference (after an upgrade that changed the index)."""
    from tqdm import tqdm

    store = _store()
    total = store.list_references(limit=1)[1]
    with tqdm(total=total, unit="ref", file=sys.stderr) as bar:
        done = store.reindex(progress=bar.update)
    click.echo(f"reindexed {done} references", err=True)


def _each_input(files: tuple[str, ...], work) -> None:
    """Run ``work(text)`` on each file and print JSON (JSON Lines when several)."""
    from factcheck.ingest import decode

    many = len(files) > 1
    for name in files:
        warnings: list[str] = []
        text = decode(Path(name).read_bytes(), name=name, warnings=warnings)
        for line in warnings:
            click.echo(f"warning: {line}", err=True)
        out = {"input": name, **work(text)}
        click.echo(json.dumps(out, ensure_ascii=False, indent=None if many else 2))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def check(files: tuple[str, ...]) -> None:
    """Check drafts against the store; print one JSON report per input."""
    from factcheck.errors import FactcheckError
    from factcheck.service import check_document

    store = _store()
    try:
        _each_input(files, lambda text: check_document(store, text))
    except FactcheckError as exc:
        raise click.ClickException(exc.detail) from exc


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def extract(files: tuple[str, ...]) -> None:
    """Print the quotes (with speakers) and figures found in each input."""
    from factcheck.service import extract_document

    _each_input(files, extract_document)


if __name__ == "__main__":  # pragma: no cover
    main()
