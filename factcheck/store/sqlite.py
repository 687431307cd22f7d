"""The embedded store: one SQLite file, safe for a web process and worker processes at once."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from factcheck.core.index import INDEX_VERSION, text_id
from factcheck.core.types import Passage, ReferenceInfo
from factcheck.errors import StoreUnavailable
from factcheck.store.base import (
    MAX_KEY_TEXTS,
    MAX_OCCURRENCES,
    DuplicateReference,
    Generation,
    Store,
)
from factcheck.store.records import Job, Reference
from factcheck.store.sqlite_texts import (
    KINDS,
    chunks,
    copies_json,
    drop_copies,
    known_texts,
    new_texts,
    refresh_copies,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    data TEXT NOT NULL
);
-- Each distinct passage text (kind and exact words) once: the index points to texts, so a
-- sentence stored in many articles costs one entry per key, and look-ups count it once.
-- A text also keeps its oldest copies (MAX_OCCURRENCES passages, as a JSON list of [pid,
-- reference id, start, end, speaker]): a look-up reads them with the text, from one row,
-- rather than from passages and refs rows spread over the file. "more" tells that passages
-- hold it beyond those copies.
CREATE TABLE IF NOT EXISTS texts (
    tid INTEGER PRIMARY KEY,
    fp INTEGER NOT NULL UNIQUE,
    text TEXT NOT NULL,
    kind INTEGER NOT NULL DEFAULT 0,
    copies TEXT NOT NULL DEFAULT '[]',
    more INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS passages (
    pid INTEGER PRIMARY KEY,
    ref_seq INTEGER NOT NULL,
    tid INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    speaker TEXT
);
CREATE INDEX IF NOT EXISTS passages_ref ON passages (ref_seq);
-- The inverted index, in segments: one row per key per segment, holding the text ids of that
-- key as an array of 32-bit integers. A batch of references writes one segment; small
-- segments are merged (see _compact). Ids of texts no passage holds any more stay until a
-- merge drops them.
CREATE TABLE IF NOT EXISTS postings (
    key INTEGER NOT NULL,
    seg INTEGER NOT NULL,
    n INTEGER NOT NULL,
    tids BLOB NOT NULL,
    PRIMARY KEY (key, seg)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS segments (seg INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
-- Texts no passage holds any more, whose ids may still be in postings: a merge leaves them out.
CREATE TABLE IF NOT EXISTS dead_texts (tid INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
-- Finished jobs in the order they finished, for forgetting them after JOB_RETENTION.
CREATE TABLE IF NOT EXISTS job_ends (
    finished_at REAL NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (finished_at, id)
) WITHOUT ROWID;
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
INSERT OR IGNORE INTO meta VALUES ('schema', '4');
INSERT OR IGNORE INTO meta VALUES ('removals', '0');
INSERT OR IGNORE INTO meta VALUES ('job_ends', '0');
"""

SCHEMA_VERSION = "4"
_MAX_SEGMENTS = 12  # more than this and the smallest are merged into one


def _pack(pids: list[int]) -> bytes:
    return array("I", pids).tobytes()


def _unpack(blob: bytes) -> array:
    out = array("I")
    out.frombytes(blob)
    return out


#: How much of the store file each connection maps (SQLite lowers it to its compiled maximum).
MMAP_BYTES = 1 << 40


class SQLiteStore(Store):
    """Store in a SQLite file (WAL mode); each thread gets its own connection."""

    def __init__(self, url: str):
        self.url = url
        self.path = Path(url.removeprefix("sqlite:///"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._init_cache()
        db = self._db()
        db.executescript(_SCHEMA)  # runs its own transaction
        db.execute("INSERT OR IGNORE INTO meta VALUES ('index', ?)", (str(INDEX_VERSION),))
        found = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()[0]
        if found == "3":
            found = self._upgrade_from_3()
        if found != SCHEMA_VERSION:
            raise StoreUnavailable(
                f"The store at {self.path} has layout {found}; this version needs "
                f"{SCHEMA_VERSION}. Ingest the references into a new store.")
        if not db.execute("SELECT 1 FROM meta WHERE name = 'dead_listed'").fetchone():
            self._list_dead_texts()

    def _list_dead_texts(self) -> None:
        """Note the texts that removals took out before dead texts were noted (once).

        Text ids are handed out in turn and never again, so the ids missing from the texts
        table, from its first to the last handed out, are those of texts no passage holds any
        more (ids below the first are from before a re-index, which emptied the postings). They are
        read before the write lock is taken, so other processes opening the store wait little.
        """
        db = self._db()
        gaps: list[int] = []
        if db.execute("SELECT 1 FROM meta WHERE name = 'deleted'").fetchone():
            previous = None
            for (tid,) in db.execute("SELECT tid FROM texts ORDER BY tid"):
                if previous is not None and tid > previous + 1:
                    gaps.extend(range(previous + 1, tid))
                previous = tid
            row = db.execute("SELECT value FROM meta WHERE name = 'tids'").fetchone()
            if previous is not None and row:  # the newest texts, removed since
                gaps.extend(range(previous + 1, int(row[0]) + 1))
        with self._tx() as db:
            if db.execute("SELECT 1 FROM meta WHERE name = 'dead_listed'").fetchone():
                return
            db.executemany("INSERT OR IGNORE INTO dead_texts VALUES (?)", ((t,) for t in gaps))
            db.execute("INSERT INTO meta VALUES ('dead_listed', '1')")

    def _order_finished_jobs(self, *, rows: int = 2000) -> None:
        """List the jobs finished before the store kept their order, ``rows`` jobs per call.

        ``meta.job_ends`` holds how far (a rowid of jobs) the listing has gone, or "done".
        """
        db = self._db()
        cursor = db.execute("SELECT value FROM meta WHERE name = 'job_ends'").fetchone()[0]
        if cursor == "done":
            return
        found = db.execute(
            "SELECT rowid, id, status, json_extract(data, '$.finished_at') FROM jobs"
            " WHERE rowid > ? ORDER BY rowid LIMIT ?", (int(cursor), rows)).fetchall()
        with self._tx() as db:
            db.executemany("INSERT OR IGNORE INTO job_ends VALUES (?, ?)",
                           [(at, id) for _, id, status, at in found
                            if status in ("done", "failed") and at is not None])
            db.execute("UPDATE meta SET value = ? WHERE name = 'job_ends'",
                       (str(found[-1][0]) if len(found) == rows else "done",))

    def _upgrade_from_3(self) -> str:
        """Give every text of a layout-3 store its copies (once, whichever process is first)."""
        with self._tx() as db:
            found = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()[0]
            if found == "3":
                db.execute("ALTER TABLE texts ADD COLUMN kind INTEGER NOT NULL DEFAULT 0")
                db.execute("ALTER TABLE texts ADD COLUMN copies TEXT NOT NULL DEFAULT '[]'")
                db.execute("ALTER TABLE texts ADD COLUMN more INTEGER NOT NULL DEFAULT 0")
                refresh_copies(db)
                # (look-ups no longer read passages by text: that index only slowed writes)
                db.execute("DROP INDEX IF EXISTS passages_tid")
                db.execute("UPDATE meta SET value = ? WHERE name = 'schema'", (SCHEMA_VERSION,))
            return SCHEMA_VERSION

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():  # never share a connection across fork
            try:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"Cannot open the store at {self.path}: {exc}") from exc
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # Read the file through a memory map (as much as SQLite allows, 2 GB by default):
            # no system call per page, and every process maps the same page-cache pages.
            db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def _tx(self):
        return _Transaction(self._db())

    # -- references ---------------------------------------------------------------------------

    def _reference_id_by_hash(self, digest: str) -> str | None:
        row = self._db().execute("SELECT id FROM refs WHERE content_hash = ?", (digest,)).fetchone()
        return row[0] if row else None

    def _load_reference(self, id: str) -> Reference | None:
        row = self._db().execute("SELECT text, data FROM refs WHERE id = ?", (id,)).fetchone()
        return Reference(text=row[0], **json.loads(row[1])) if row else None

    def _insert_reference(self, ref: Reference, passages: list[Passage]) -> None:
        self._insert_references([(ref, passages)])

    def _insert_references(self, items: list[tuple[Reference, list[Passage]]]) -> None:
        """Insert references, their passages and one new index segment, in one transaction."""
        postings: dict[int, list[int]] = defaultdict(list)
        with self._tx() as db:
            seqs = []
            for ref, passages in items:
                data = ref.to_dict(with_text=False)
                try:
                    seq = db.execute(
                        "INSERT INTO refs (id, content_hash, text, data) VALUES (?, ?, ?, ?)",
                        (ref.id, ref.content_hash, ref.text, json.dumps(data))).lastrowid
                except sqlite3.IntegrityError as exc:
                    raise DuplicateReference(ref.id) from exc
                seqs.append((seq, passages))
            self._insert_passages(db, seqs, postings)
            self._write_segment(db, postings)
            db.execute("UPDATE meta SET value = value + ? WHERE name = 'version'", (len(items),))
        self._compact()

    @staticmethod
    def _insert_passages(db: sqlite3.Connection, items: list[tuple[int, list[Passage]]],
                         postings: dict[int, list[int]]) -> None:
        """Insert passages; a text not indexed yet gets an id and its keys in ``postings``.

        The keys of a text are computed once, however many references hold it. Passages whose
        text has no key (nothing but stopwords) are left out: no look-up could find them. A
        text keeps its oldest copies (``texts.copies``): new texts get theirs, texts with
        fewer than ``MAX_OCCURRENCES`` take the new ones.
        """
        ids = [[text_id(p) for p in passages] for _, passages in items]
        fps = {fp: p for (_, passages), row in zip(items, ids) for fp, p in zip(row, passages)}
        tids, copies, more = known_texts(db, list(fps))
        new = new_texts(db, fps, tids, postings)
        pid = db.execute("SELECT COALESCE(MAX(pid), 0) FROM passages").fetchone()[0]
        rows, grown = [], set()  # grown: texts whose copies this call adds to
        beyond = set()  # texts given a passage beyond their copies by this call
        for (seq, passages), row in zip(items, ids):
            for p, fp in zip(passages, row):
                tid = tids[fp]
                if tid is not None:
                    pid += 1
                    rows.append((pid, seq, tid, p.start, p.end, KINDS.index(p.kind), p.speaker))
                    held = copies.setdefault(tid, []) if tid in new else copies.get(tid)
                    if held is not None and len(held) < MAX_OCCURRENCES:
                        held.append([pid, p.reference_id, p.start, p.end, p.speaker])
                        grown.add(tid)
                    elif tid not in more:
                        beyond.add(tid)
        db.executemany(
            "INSERT INTO texts (tid, fp, text, kind, copies, more) VALUES (?, ?, ?, ?, ?, ?)",
            [(tid, fp, text, kind, copies_json(copies[tid]), tid in beyond)
             for tid, (fp, text, kind) in new.items()])
        db.executemany("UPDATE texts SET copies = ? WHERE tid = ?",
                       [(copies_json(copies[tid]), tid) for tid in grown if tid not in new])
        db.executemany("UPDATE texts SET more = 1 WHERE tid = ?",
                       [(tid,) for tid in beyond if tid not in new])
        db.executemany("INSERT INTO passages (pid, ref_seq, tid, start, end, kind, speaker)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def index_version(self) -> int:
        row = self._db().execute("SELECT value FROM meta WHERE name = 'index'").fetchone()
        return int(row[0])

    def _clear_index(self) -> None:
        with self._tx() as db:
            for table in ("postings", "segments", "passages", "texts", "dead_texts"):
                db.execute(f"DELETE FROM {table}")
            db.execute("DELETE FROM meta WHERE name = 'deleted'")
            db.execute("UPDATE meta SET value = value + 1 WHERE name = 'removals'")
            db.execute("UPDATE meta SET value = '0' WHERE name = 'index'")

    def _reindex_batch(self, items: list[tuple[Reference, list[Passage]]],
                       *, version: int | None) -> None:
        postings: dict[int, list[int]] = defaultdict(list)
        with self._tx() as db:
            seqs = []
            for ref, passages in items:
                seq = db.execute("SELECT seq FROM refs WHERE id = ?", (ref.id,)).fetchone()[0]
                seqs.append((seq, passages))
            self._insert_passages(db, seqs, postings)
            self._write_segment(db, postings)
            if version is not None:
                db.execute("UPDATE meta SET value = ? WHERE name = 'index'", (str(version),))
        self._compact()

    def _write_segment(self, db: sqlite3.Connection, postings: dict[int, list[int]]) -> None:
        seg = db.execute("INSERT INTO segments (rows) VALUES (?)", (len(postings),)).lastrowid
        db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)", (
            (key, seg, len(pids), _pack(pids)) for key, pids in postings.items()))

    def _compact(self, *, rows_at_once: int = 20_000) -> None:
        """Merge the smallest segments into one when there are too many (a tiered merge).

        The merged segments are read in key order, ``rows_at_once`` rows at a time, so a merge
        never holds more than that in memory however large the segments. Ids of texts no passage
        holds any more (``dead_texts``) are left out, and then forgotten: no other segment
        holds them.
        """
        with self._tx() as db:
            segs = db.execute("SELECT seg FROM segments ORDER BY rows, seg").fetchall()
            if len(segs) <= _MAX_SEGMENTS:
                return
            merging = [seg for (seg,) in segs[: len(segs) - _MAX_SEGMENTS // 2]]
            marks = ",".join("?" * len(merging))
            dead = {tid for (tid,) in db.execute("SELECT tid FROM dead_texts")}
            dropped: set[int] = set()
            seg = db.execute("INSERT INTO segments (rows) VALUES (0)").lastrowid
            written, after = 0, -1  # (keys are non-negative)
            while True:
                rows = db.execute(
                    f"SELECT key, tids FROM postings WHERE seg IN ({marks}) AND key > ?"
                    " ORDER BY key LIMIT ?", [*merging, after, rows_at_once]).fetchall()
                if not rows:
                    break
                last = rows[-1][0]
                if len(rows) == rows_at_once:  # the last key's rows may go on: read them next
                    whole = [row for row in rows if row[0] != last]
                    if whole:
                        rows, last = whole, whole[-1][0]
                    else:  # one key filled the read (a key has one row per segment)
                        rows = db.execute(f"SELECT key, tids FROM postings WHERE seg IN ({marks})"
                                          " AND key = ?", [*merging, last]).fetchall()
                merged: dict[int, list[int]] = defaultdict(list)
                for key, blob in rows:
                    merged[key].extend(_unpack(blob))
                if dead:
                    for tids in merged.values():
                        dropped.update(t for t in tids if t in dead)
                    merged = {k: [t for t in v if t not in dead] for k, v in merged.items()}
                out = [(k, seg, len(v), _pack(sorted(v))) for k, v in merged.items() if v]
                # The rows read make room for the merged ones, where those will go in the file.
                db.execute(f"DELETE FROM postings WHERE seg IN ({marks}) AND key > ?"
                           " AND key <= ?", [*merging, after, last])
                db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)", out)
                written += len(out)
                after = last
            db.execute(f"DELETE FROM segments WHERE seg IN ({marks})", merging)
            db.execute("UPDATE segments SET rows = ? WHERE seg = ?", (written, seg))
            # A text's postings are all in the segment of the batch that added it, and merges
            # move whole segments: the dead ids met here are in no posting any more.
            db.executemany("DELETE FROM dead_texts WHERE tid = ?", ((t,) for t in dropped))

    def _remove_reference(self, ref: Reference) -> None:
        # The index keeps the ids of texts no passage holds any more until a merge: look-ups
        # skip them.
        with self._tx() as db:
            seq = db.execute("SELECT seq FROM refs WHERE id = ?", (ref.id,)).fetchone()[0]
            removed = dict(db.execute("SELECT pid, tid FROM passages WHERE ref_seq = ?", (seq,)))
            db.execute("DELETE FROM passages WHERE ref_seq = ?", (seq,))
            drop_copies(db, removed)
            db.execute("DELETE FROM refs WHERE id = ?", (ref.id,))
            db.execute("UPDATE meta SET value = value + 1 WHERE name = 'version'")
            db.execute("INSERT OR IGNORE INTO meta VALUES ('deleted', '1')")
            db.execute("UPDATE meta SET value = value + 1 WHERE name = 'removals'")

    def list_references(self, *, offset: int = 0, limit: int = 50) -> tuple[list[Reference], int]:
        db = self._db()
        total = db.execute("SELECT COUNT(*) FROM refs").fetchone()[0]
        rows = db.execute(
            "SELECT text, data FROM refs ORDER BY seq LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return [Reference(text=r[0], **json.loads(r[1])) for r in rows], total

    def version(self) -> int:
        row = self._db().execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        return int(row[0])

    def _reference_infos(self, ids: list[str]) -> dict[str, ReferenceInfo]:
        out = {}
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            for rid, data in self._db().execute(
                    f"SELECT id, data FROM refs WHERE id IN ({marks})", chunk):
                info = json.loads(data)
                out[rid] = ReferenceInfo(rid, info["title"], info.get("url"))
        return out

    def postings(self, keys: Collection[int]) -> dict[int, array | None]:
        db = self._db()
        rows: dict[int, list[tuple[int, bytes]]] = defaultdict(list)
        keys = list(keys)
        for chunk in chunks(keys):
            marks = ",".join("?" * len(chunk))
            for key, n, blob in db.execute(
                    f"SELECT key, n, tids FROM postings WHERE key IN ({marks})", chunk):
                rows[key].append((n, blob))
        out: dict[int, array | None] = dict.fromkeys(keys)
        for key, segments in rows.items():
            if sum(n for n, _ in segments) <= MAX_KEY_TEXTS:
                tids = _unpack(segments[0][1])
                for _, blob in segments[1:]:
                    tids.frombytes(blob)
                out[key] = tids
        return out

    def _generation(self) -> Generation:
        values = dict(self._db().execute(
            "SELECT name, value FROM meta WHERE name IN ('removals', 'version', 'index')"))
        return Generation(values["removals"], int(values["version"]), int(values["index"]))

    def same_text(self, text: str, kind: str) -> list[Passage]:
        return self.same_texts([(text, kind)])[text, kind]

    def same_texts(self, items: Iterable[tuple[str, str]]
                   ) -> dict[tuple[str, str], list[Passage]]:
        db = self._db()
        items = list(dict.fromkeys(items))
        with self.pinned():  # (the cache is checked once for the text ids and their copies)
            seen = self._fresh_cache()
            with self._seen_lock:
                tids = {item: tid for item in items
                        if (tid := seen.texts.get((item[1], item[0]))) is not None}
            asked = {text_id(Passage("", 0, 0, text, kind)): (text, kind)
                     for text, kind in items if (text, kind) not in tids}
            for chunk in chunks(list(asked)):
                marks = ",".join("?" * len(chunk))
                for fp, tid, text in db.execute(
                        f"SELECT fp, tid, text FROM texts WHERE fp IN ({marks})", chunk):
                    if asked[fp][0] == text:
                        tids[asked[fp]] = tid
            found = self._occurrences(list(set(tids.values())))
        out: dict[tuple[str, str], list[Passage]] = {}
        for (text, kind) in items:
            tid = tids.get((text, kind))
            out[text, kind] = found.get(tid, []) if tid is not None else []
            if out[text, kind]:
                with self._seen_lock:
                    seen.texts[kind, text] = tid
        return out

    def _fetch_occurrences(self, tids: list[int]) -> dict[int, list[Passage]]:
        fetched: dict[int, list[Passage]] = {}
        for chunk in chunks(tids):
            marks = ",".join("?" * len(chunk))
            rows = self._db().execute(
                f"SELECT tid, text, kind, copies FROM texts WHERE tid IN ({marks})", chunk
            ).fetchall()
            # (every row's copies decoded in one call)
            held = json.loads("[" + ",".join(row[3] for row in rows) + "]")
            for (tid, text, kind, _), copies in zip(rows, held):
                if copies:
                    kind = KINDS[kind]
                    fetched[tid] = [Passage(rid, start, end, text, kind, speaker)
                                    for _, rid, start, end, speaker in sorted(copies)]
        return fetched

    def index_stats(self) -> dict[str, int]:
        """Rows and bytes of the index, for benchmarks."""
        db = self._db()
        segments, rows, postings, size = db.execute(
            "SELECT COUNT(DISTINCT seg), COUNT(*), SUM(n), SUM(length(tids)) FROM postings"
        ).fetchone()
        return {"segments": segments, "rows": rows, "postings": postings or 0,
                "bytes": size or 0}

    # -- jobs ---------------------------------------------------------------------------------

    def _save_job(self, job: Job) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO jobs (id, status, data) VALUES (?, ?, ?)",
                (job.id, job.status, json.dumps(job.to_dict())),
            )
            if job.status in ("done", "failed") and job.finished_at is not None:
                db.execute("INSERT OR IGNORE INTO job_ends VALUES (?, ?)",
                           (job.finished_at, job.id))

    def _load_job(self, id: str) -> Job | None:
        row = self._db().execute("SELECT data FROM jobs WHERE id = ?", (id,)).fetchone()
        return Job.from_dict(json.loads(row[0])) if row else None

    def delete_job(self, id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM jobs WHERE id = ?", (id,))

    def running_jobs(self) -> list[Job]:
        rows = self._db().execute("SELECT data FROM jobs WHERE status = 'running'").fetchall()
        return [Job.from_dict(json.loads(r[0])) for r in rows]

    def finished_before(self, before: float, *, limit: int) -> list[Job]:
        self._order_finished_jobs()
        rows = self._db().execute(
            "SELECT e.finished_at, e.id, j.data FROM job_ends e LEFT JOIN jobs j ON j.id = e.id"
            " WHERE e.finished_at < ? ORDER BY e.finished_at LIMIT ?", (before, limit)).fetchall()
        stale = [(at, id) for at, id, data in rows if data is None]
        if stale:  # (a job deleted another way)
            with self._tx() as db:
                db.executemany("DELETE FROM job_ends WHERE finished_at = ? AND id = ?", stale)
        return [Job.from_dict(json.loads(data)) for _, _, data in rows if data is not None]

    def forget_finished_job(self, job: Job) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM jobs WHERE id = ?", (job.id,))
            db.execute("DELETE FROM job_ends WHERE finished_at = ? AND id = ?",
                       (job.finished_at, job.id))

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

    def kv_delete(self, namespace: str, key: str, *, value: Any = None) -> None:
        with self._tx() as db:
            if value is None:
                db.execute("DELETE FROM kv WHERE ns = ? AND key = ?", (namespace, key))
            else:
                db.execute("DELETE FROM kv WHERE ns = ? AND key = ? AND value = ?",
                           (namespace, key, json.dumps(value)))

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

    def log_delete(self, namespace: str, key: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM logs WHERE ns = ? AND key = ?", (namespace, key))

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
