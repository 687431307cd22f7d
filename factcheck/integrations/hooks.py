"""Hook sources: one per CMS that sends drafts, each with its kind, secrets and callback URL."""

from __future__ import annotations

from typing import Any

from factcheck.errors import InvalidInput, NotFound
from factcheck.store import Store

HOOKS = "hooks"
KINDS = ("ghost", "wordpress", "generic")


def set_hook(store: Store, name: str, *, kind: str | None = None, secrets: list[str] | None = None,
             callback_url: str | None = None) -> dict[str, Any]:
    """Create or update the hook source ``name``; unspecified (None) fields keep their value.

    The kind defaults to the name when the name is a kind (``ghost``, ``wordpress``).
    """
    current = store.kv_get(HOOKS, name) or {}
    kind = kind or current.get("kind") or (name if name in KINDS else None)
    if kind not in KINDS:
        raise InvalidInput(f"Say which kind of CMS {name!r} is: one of {', '.join(KINDS)}.")
    secrets = secrets or current.get("secrets")
    if not secrets:
        raise InvalidInput(f"Hook {name!r} needs the webhook secret its CMS signs with.")
    if callback_url is None:  # not given: keep it; given empty: no callback
        callback_url = current.get("callback_url")
    config = {"kind": kind, "secrets": secrets, "callback_url": callback_url or None}
    store.kv_put(HOOKS, name, config)
    return config


def list_hooks(store: Store) -> dict[str, dict[str, Any]]:
    """Every hook source, secrets hidden."""
    return {name: {**c, "secrets": f"{len(c['secrets'])} secret(s)"}
            for name, c in sorted(store.kv_items(HOOKS).items())}


def delete_hook(store: Store, name: str) -> None:
    """Remove a hook source; its deliveries are refused from then on."""
    if store.kv_get(HOOKS, name) is None:
        raise NotFound(f"No hook source named {name!r}.")
    store.kv_delete(HOOKS, name)
