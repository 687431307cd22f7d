"""Where references, their index and check jobs live: SQLite (embedded) or Redis (shared)."""

from __future__ import annotations

from factcheck.store.base import Store
from factcheck.store.records import Job, Reference

__all__ = ["Job", "Reference", "Store", "open_store"]


def open_store(url: str) -> Store:
    """Open the store named by a ``sqlite:///path`` or ``redis://host:port/db`` URL."""
    if url.startswith("sqlite:///"):
        from factcheck.store.sqlite import SQLiteStore

        return SQLiteStore(url)
    if url.startswith(("redis://", "rediss://", "unix://")):
        from factcheck.store.redis import RedisStore

        return RedisStore(url)
    raise ValueError(f"Unsupported store URL {url!r}: use sqlite:///path/to/file.db or redis://host:port/db")
