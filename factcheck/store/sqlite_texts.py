"""The texts table of the SQLite store: each distinct passage text once, with its oldest copies."""

from __future__ import annotations

import json
import sqlite3

from factcheck.core.index import passage_keys
from factcheck.core.types import Passage
from factcheck.store.base import MAX_OCCURRENCES

KINDS = ("sentence", "quote")  # passages.kind and texts.kind
_BATCH = 500  # SQLite's limit on bound parameters is well above this


def chunks(items: list, size: int = _BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def known_texts(db: sqlite3.Connection, fps: list[int]
                ) -> tuple[dict[int, int | None], dict[int, list], set[int]]:
    """The ids of the texts already stored, the copies of those that may take more, and the
    texts that passages hold beyond their copies."""
    tids: dict[int, int | None] = {}
    copies: dict[int, list] = {}
    more: set[int] = set()
    for chunk in chunks(fps, _BATCH - 1):
        marks = ",".join("?" * len(chunk))
        for fp, tid, held, beyond in db.execute(
                "SELECT fp, tid, CASE WHEN json_array_length(copies) < ? THEN copies END, more"
                f" FROM texts WHERE fp IN ({marks})", [MAX_OCCURRENCES, *chunk]):
            tids[fp] = tid
            if held is not None:  # (a text with all its copies takes no more)
                copies[tid] = json.loads(held)
            if beyond:
                more.add(tid)
    return tids, copies, more


def new_texts(db: sqlite3.Connection, fps: dict[int, Passage], tids: dict[int, int | None],
              postings: dict[int, list[int]]) -> dict[int, tuple[int, str, int]]:
    """Ids and keys for the texts of ``fps`` not in ``tids`` (filled in): tid -> (fp, text, kind).

    Ids are never reused (a dead text's id may linger in postings not yet compacted), and no
    other writer can take these: this runs inside an immediate transaction.
    """
    db.execute("INSERT OR IGNORE INTO meta SELECT 'tids', COALESCE(MAX(tid), 0) FROM texts")
    tid = int(db.execute("SELECT value FROM meta WHERE name = 'tids'").fetchone()[0])
    new = {}
    for fp, passage in fps.items():
        if fp in tids:
            continue
        keys = passage_keys(passage)
        if not keys:
            tids[fp] = None
            continue
        tid += 1
        tids[fp] = tid
        new[tid] = (fp, passage.text, KINDS.index(passage.kind))
        for key in keys:
            postings[key].append(tid)
    db.execute("UPDATE meta SET value = ? WHERE name = 'tids'", (str(tid),))
    return new


_json_string = json.encoder.encode_basestring_ascii  # (the C encoder of one string)


def copies_json(copies: list[list]) -> str:
    """``json.dumps`` of a text's copies, a few times faster (an ingest writes one per text)."""
    return "[" + ",".join(
        f"[{pid},{_json_string(rid)},{start},{end},"
        f"{'null' if speaker is None else _json_string(speaker)}]"
        for pid, rid, start, end, speaker in copies) + "]"


def refresh_copies(db: sqlite3.Connection) -> None:
    """Take every text's copies (and whether there are more) from the passages table.

    For a store of layout 3, whose passages are indexed by text (``passages_tid``); texts no
    passage holds any more leave the table.
    """
    db.execute(
        "UPDATE texts SET (kind, copies, more) = (SELECT COALESCE(MAX(p.kind), texts.kind),"
        " json_group_array(json_array(p.pid, r.id, p.start, p.end, p.speaker))"
        " FILTER (WHERE p.pid IS NOT NULL), (SELECT COUNT(*) > ? FROM passages"
        " WHERE tid = texts.tid) FROM (SELECT * FROM passages WHERE tid = texts.tid"
        " ORDER BY pid LIMIT ?) p JOIN refs r ON r.seq = p.ref_seq)",
        [MAX_OCCURRENCES, MAX_OCCURRENCES])
    db.execute("DELETE FROM texts WHERE copies = '[]'")


def drop_copies(db: sqlite3.Connection, removed: dict[int, int]) -> None:
    """Take the removed passages (pid -> tid) out of their texts' copies.

    A text left with fewer copies than it may keep takes the next-oldest passages holding it,
    if it has more (read on through the passages after its copies, in order); a text no
    passage holds any more leaves the table.
    """
    tids = sorted(set(removed.values()))
    refill: dict[int, tuple[list, int]] = {}  # tid -> (copies kept, pid after which to read on)
    for chunk in chunks(tids):
        marks = ",".join("?" * len(chunk))
        for tid, held, more in db.execute(
                f"SELECT tid, copies, more FROM texts WHERE tid IN ({marks})", chunk).fetchall():
            held = json.loads(held)
            kept = [c for c in held if c[0] not in removed]
            if len(kept) == len(held):
                continue  # (only passages beyond its copies were removed)
            if more:
                refill[tid] = (kept, max(c[0] for c in held))
            else:
                _set_copies(db, tid, kept, more=False)
    if refill:
        for tid, (kept, found, beyond) in _read_on(db, refill).items():
            _set_copies(db, tid, kept + found, more=beyond)


def _read_on(db: sqlite3.Connection, refill: dict[int, tuple[list, int]]
             ) -> dict[int, tuple[list, list, bool]]:
    """For each text, the passages after its copies that may join them, and whether any is left."""
    wanted = {tid: MAX_OCCURRENCES - len(kept) for tid, (kept, _) in refill.items()}
    found: dict[int, list] = {tid: [] for tid in refill}
    beyond: set[int] = set()
    marks = ",".join("?" * len(refill))
    rows = db.execute(  # (in passage order: the first ones found are the oldest)
        "SELECT p.pid, p.tid, r.id, p.start, p.end, p.speaker FROM passages p"
        f" JOIN refs r ON r.seq = p.ref_seq WHERE p.pid > ? AND p.tid IN ({marks})"
        " ORDER BY p.pid", [min(after for _, after in refill.values()), *refill])
    for pid, tid, rid, start, end, speaker in rows:
        if pid <= refill[tid][1] or tid in beyond:
            continue
        if len(found[tid]) < wanted[tid]:
            found[tid].append([pid, rid, start, end, speaker])
        else:
            beyond.add(tid)
            if len(beyond) == len(refill):
                break  # every text has its copies, and more beyond them
    return {tid: (refill[tid][0], found[tid], tid in beyond) for tid in refill}


def _set_copies(db: sqlite3.Connection, tid: int, copies: list, *, more: bool) -> None:
    if copies:
        db.execute("UPDATE texts SET copies = ?, more = ? WHERE tid = ?",
                   (copies_json(copies), more, tid))
    else:  # no passage holds it any more: its id leaves the postings at the next merges
        db.execute("DELETE FROM texts WHERE tid = ?", (tid,))
        db.execute("INSERT OR IGNORE INTO dead_texts VALUES (?)", (tid,))
