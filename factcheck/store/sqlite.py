"""The embedded store: one SQLite file, safe for a web process and worker processes at once."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

from factcheck.core.types import Passage
from factcheck.errors import StoreUnavailable
from factcheck.store.base import MAX_KEY_PASSAGES, DuplicateReference, Store
from factcheck.store.records import Job, Reference

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    pid INTEGER PRIMARY KEY AUTOINCREMENT,
    ref_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_ref ON passages (ref_id);
CREATE TABLE IF NOT EXISTS postings (
    key INTEGER NOT NULL,
    pid INTEGER NOT NULL,
    PRIMARY KEY (key, pid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
CREATE TABLE IF NOT EXISTS kv (
    ns TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (ns, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS logs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ns TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS logs_key ON logs (ns, key);
INSERT OR IGNORE INTO meta VALUES ('version', '0');
"""

_BATCH = 500  # SQLite's limit on bound parameters is well above this


def _chunks(items: list, size: int = _BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SQLiteStore(Store):
    """Store in a SQLite file (WAL mode); each thread gets its own connection."""

    def __init__(self, url: str):
        self.url = url
        self.path = Path(url.removeprefix("sqlite:///"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._db().executescript(_SCHEMA)  # runs its own transaction

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():  # never share a connection across fork
            try:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"Cannot open the store at {self.path}: {exc}") from exc
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def _tx(self):
        return _Transaction(self._db())

    # -- references ---------------------------------------------------------------------------

    def _reference_id_by_hash(self, digest: str) -> str | None:
        row = self._db().execute("SELECT id FROM refs WHERE content_hash = ?", (digest,)).fetchone()
        return row[0] if row else None

    def _load_reference(self, id: str) -> Reference | None:
        row = self._db().execute("SELECT data FROM refs WHERE id = ?", (id,)).fetchone()
        return Reference(**json.loads(row[0])) if row else None

    def _insert_reference(self, ref: Reference, passages: list[tuple[Passage, set[int]]]) -> None:
        with self._tx() as db:
            try:
                db.execute(
                    "INSERT INTO refs (id, content_hash, data) VALUES (?, ?, ?)",
                    (ref.id, ref.content_hash, json.dumps(ref.to_dict())),
                )
            except sqlite3.IntegrityError as exc:
                raise DuplicateReference(ref.id) from exc
            postings = []
            for passage, keys in passages:
                cur = db.execute(
                    "INSERT INTO passages (ref_id, start, end, kind, speaker, text)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (ref.id, passage.start, passage.end, passage.kind, passage.speaker,
                     passage.text),
                )
                postings.extend((key, cur.lastrowid) for key in keys)
            db.executemany("INSERT OR IGNORE INTO postings VALUES (?, ?)", postings)
            db.execute("UPDATE meta SET value = value + 1 WHERE name = 'version'")

    def _remove_reference(self, ref: Reference, passages: list[tuple[Passage, set[int]]]) -> None:
        with self._tx() as db:
            pids = [r[0] for r in db.execute("SELECT pid FROM passages WHERE ref_id = ?", (ref.id,))]
            keys = sorted({key for _, ks in passages for key in ks})
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                for pid_chunk in _chunks(pids):
                    pmarks = ",".join("?" * len(pid_chunk))
                    db.execute(
                        f"DELETE FROM postings WHERE key IN ({marks}) AND pid IN ({pmarks})",
                        chunk + pid_chunk,
                    )
            db.execute("DELETE FROM passages WHERE ref_id = ?", (ref.id,))
            db.execute("DELETE FROM refs WHERE id = ?", (ref.id,))
            db.execute("UPDATE meta SET value = value + 1 WHERE name = 'version'")

    def list_references(self, *, offset: int = 0, limit: int = 50) -> tuple[list[Reference], int]:
        db = self._db()
        total = db.execute("SELECT COUNT(*) FROM refs").fetchone()[0]
        rows = db.execute(
            "SELECT data FROM refs ORDER BY seq LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return [Reference(**json.loads(r[0])) for r in rows], total

    def version(self) -> int:
        row = self._db().execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        return int(row[0])

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        db = self._db()
        keys = list(keys)
        usable = []
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            usable += [
                key for key, n in db.execute(
                    f"SELECT key, COUNT(*) FROM postings WHERE key IN ({marks}) GROUP BY key", chunk
                )
                if n <= MAX_KEY_PASSAGES
            ]
        hits: Counter[int] = Counter()
        for chunk in _chunks(usable):
            marks = ",".join("?" * len(chunk))
            hits.update(r[0] for r in db.execute(
                f"SELECT pid FROM postings WHERE key IN ({marks})", chunk
            ))
        best = hits.most_common(limit)
        if not best:
            return []
        marks = ",".join("?" * len(best))
        rows = {
            r[0]: Passage(r[1], r[2], r[3], r[6], r[4], r[5])
            for r in db.execute(
                "SELECT pid, ref_id, start, end, kind, speaker, text FROM passages"
                f" WHERE pid IN ({marks})", [pid for pid, _ in best]
            )
        }
        return [(rows[pid], n) for pid, n in best if pid in rows]

    # -- jobs ---------------------------------------------------------------------------------

    def _save_job(self, job: Job) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO jobs (id, status, data) VALUES (?, ?, ?)",
                (job.id, job.status, json.dumps(job.to_dict())),
            )

    def _load_job(self, id: str) -> Job | None:
        row = self._db().execute("SELECT data FROM jobs WHERE id = ?", (id,)).fetchone()
        return Job.from_dict(json.loads(row[0])) if row else None

    def delete_job(self, id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM jobs WHERE id = ?", (id,))

    def running_jobs(self) -> list[Job]:
        rows = self._db().execute("SELECT data FROM jobs WHERE status = 'running'").fetchall()
        return [Job.from_dict(json.loads(r[0])) for r in rows]

    # -- small records ------------------------------------------------------------------------

    def kv_get(self, namespace: str, key: str) -> Any | None:
        row = self._db().execute(
            "SELECT value FROM kv WHERE ns = ? AND key = ?", (namespace, key)).fetchone()
        return json.loads(row[0]) if row else None

    def kv_put(self, namespace: str, key: str, value: Any, *, only_new: bool = False) -> bool:
        verb = "INSERT OR IGNORE" if only_new else "INSERT OR REPLACE"
        with self._tx() as db:
            cur = db.execute(f"{verb} INTO kv VALUES (?, ?, ?)", (namespace, key, json.dumps(value)))
            return cur.rowcount == 1

    def kv_delete(self, namespace: str, key: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM kv WHERE ns = ? AND key = ?", (namespace, key))

    def kv_items(self, namespace: str) -> dict[str, Any]:
        rows = self._db().execute("SELECT key, value FROM kv WHERE ns = ?", (namespace,))
        return {k: json.loads(v) for k, v in rows}

    def log_append(self, namespace: str, key: str, item: Any) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO logs (ns, key, value) VALUES (?, ?, ?)",
                       (namespace, key, json.dumps(item)))

    def log_read(self, namespace: str, key: str) -> list[Any]:
        rows = self._db().execute(
            "SELECT value FROM logs WHERE ns = ? AND key = ? ORDER BY seq", (namespace, key))
        return [json.loads(r[0]) for r in rows]

    # -- health -------------------------------------------------------------------------------

    def ping(self) -> dict[str, Any]:
        db = self._db()
        refs = db.execute("SELECT COUNT(*) FROM refs").fetchone()[0]
        return {"backend": "sqlite", "path": str(self.path), "references": refs,
                "version": self.version()}

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


class _Transaction:
    """``with`` block running one immediate (write-locking) SQLite transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
