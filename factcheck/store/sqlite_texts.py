"""The texts table of the SQLite store: each distinct passage text once, with its oldest copies."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from factcheck.core.index import passage_keys
from factcheck.core.types import Passage
from factcheck.store.base import MAX_OCCURRENCES

KINDS = ("sentence", "quote")  # passages.kind and texts.kind
_BATCH = 500  # SQLite's limit on bound parameters is well above this


def chunks(items: list, size: int = _BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def known_texts(db: sqlite3.Connection, fps: list[int]
                ) -> tuple[dict[int, int | None], dict[int, list]]:
    """The ids of the texts already stored, and the copies of those that may take more."""
    tids: dict[int, int | None] = {}
    copies: dict[int, list] = {}
    for chunk in chunks(fps, _BATCH - 1):
        marks = ",".join("?" * len(chunk))
        for fp, tid, held in db.execute(
                "SELECT fp, tid, CASE WHEN json_array_length(copies) < ? THEN copies END"
                f" FROM texts WHERE fp IN ({marks})", [MAX_OCCURRENCES, *chunk]):
            tids[fp] = tid
            if held is not None:  # (a text with all its copies takes no more)
                copies[tid] = json.loads(held)
    return tids, copies


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


def refresh_copies(db: sqlite3.Connection, tids_sql: str, params: Iterable = ()) -> None:
    """Take the copies of the texts ``tids_sql`` selects again from the passages table."""
    db.execute(
        "UPDATE texts SET (kind, copies) = (SELECT COALESCE(MAX(p.kind), texts.kind),"
        " json_group_array(json_array(p.pid, r.id, p.start, p.end, p.speaker))"
        " FILTER (WHERE p.pid IS NOT NULL) FROM (SELECT * FROM passages WHERE tid = texts.tid"
        " ORDER BY pid LIMIT ?) p JOIN refs r ON r.seq = p.ref_seq)"
        f" WHERE tid IN ({tids_sql})", [MAX_OCCURRENCES, *params])
