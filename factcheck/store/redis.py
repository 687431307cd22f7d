"""The shared store: references, passage index and jobs in Redis, for many machines at once."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

import redis

from factcheck.core.index import INDEX_VERSION, passage_keys, text_id
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

# Key layout (prefix "fc:"):
#   ref:<id>        JSON of the reference          refs      zset of ids by insertion sequence
#   hash:<digest>   reference id of that content   seq       counter for refs and passages
#   pas:<pid>       JSON of a passage              refpas:<id> set of the reference's passage ids
#   fp:<fp>         id of a distinct passage text  txt:<tid>  set of the passage ids holding it
#   tt:<tid>        JSON [kind, text] of the text  cp:<tid>   its oldest copies: ",[pid,
#   cn:<tid>        copies claimed for the text      reference id, start, end, speaker]" each,
#                                                  MAX_OCCURRENCES at most, appended in turn
#   post:<key>      set of text ids for an index key
#   job:<id>        JSON of a job                  running   set of running job ids
#   ended           zset of finished job ids by the time they finished (ended:scan: how far
#                   the jobs finished before it existed have been added, "done" at the end)
#   version         changes with every reference added or removed
#   removals        changes with every reference removed and every re-index
#   kv:<namespace>  hash of small JSON records      log:<namespace>:<key> list of JSON items


#: The members of each posting set not larger than ARGV[1] (false otherwise: no set, or one
#: too common to rank by): one round trip for all the keys of a draft.
_POSTINGS = """
local out = {}
local limit = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local n = redis.call('SCARD', key)
  if n > 0 and n <= limit then out[i] = redis.call('SMEMBERS', key) else out[i] = false end
end
return out
"""

#: For each text's set of passage ids (KEYS), the ids of its ARGV[1] oldest passages and their
#: JSON (ARGV[2] is the passage key prefix): one round trip for all the texts asked.
_OCCURRENCES = """
local out = {}
for i, key in ipairs(KEYS) do
  local pids = redis.call('SORT', key, 'LIMIT', 0, tonumber(ARGV[1]))
  local names = {}
  for j, pid in ipairs(pids) do names[j] = ARGV[2] .. pid end
  if #names > 0 then out[i] = {pids, redis.call('MGET', unpack(names))} else out[i] = {{}, {}} end
end
return out
"""


#: The id, title and url of each reference (KEYS: their ref keys), as a JSON array, or false:
#: one round trip, without sending the articles' text back. A reference Redis's JSON decoder
#: refuses (a lone surrogate escape, which Python writes) comes back whole instead.
_REFERENCE_INFO = """
local out = {}
for i, key in ipairs(KEYS) do
  local raw = redis.call('GET', key)
  if raw then
    local ok, ref = pcall(cjson.decode, raw)
    if ok then out[i] = cjson.encode({ref.id, ref.title, ref.url}) else out[i] = raw end
  else
    out[i] = false
  end
end
return out
"""


#: HDEL of field ARGV[1] of hash KEYS[1] only while it holds ARGV[2].
_DELETE_IF = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0
"""


class RedisStore(Store):
    """Store in Redis; every web process and worker pointing at it sees the same data."""

    def __init__(self, url: str, *, prefix: str = "fc:"):
        self.url = url
        self.prefix = prefix
        self.r = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
        self._init_cache()
        self._postings = self.r.register_script(_POSTINGS)
        self._occurrences_script = self.r.register_script(_OCCURRENCES)
        self._reference_info = self.r.register_script(_REFERENCE_INFO)
        self._delete_if = self.r.register_script(_DELETE_IF)

    def _k(self, *parts: object) -> str:
        return self.prefix + ":".join(str(p) for p in parts)

    def _call(self, fn, *args):
        try:
            return fn(*args)
        except redis.RedisError as exc:
            raise StoreUnavailable(f"The Redis store at {self.url} did not answer: {exc}") from exc

    # -- references ---------------------------------------------------------------------------

    def _reference_id_by_hash(self, digest: str) -> str | None:
        raw = self._call(self.r.get, self._k("hash", digest))
        return raw.decode() if raw else None

    def _load_reference(self, id: str) -> Reference | None:
        raw = self._call(self.r.get, self._k("ref", id))
        return Reference(**json.loads(raw)) if raw else None

    def _insert_reference(self, ref: Reference, passages: list[Passage]) -> None:
        # Claim the content and the id first, so that two writers never both insert them.
        if not self._call(lambda: self.r.set(self._k("hash", ref.content_hash), ref.id, nx=True)):
            raise DuplicateReference(ref.id)
        if not self._call(lambda: self.r.set(self._k("ref", ref.id), json.dumps(ref.to_dict()),
                                             nx=True)):
            self._call(self.r.delete, self._k("hash", ref.content_hash))
            raise DuplicateReference(ref.id)
        tids = self._text_ids(passages)
        # One counter hands out the reference's sequence number and its passages' ids at once.
        seq = self._call(self.r.incrby, self._k("seq"), len(passages) + 1) - len(passages)
        pipe = self.r.pipeline(transaction=True)
        pipe.zadd(self._k("refs"), {ref.id: seq})
        self._write_passages(pipe, ref.id, seq + 1, passages, tids)
        pipe.incr(self._k("version"))
        self._call(pipe.execute)

    def _text_ids(self, passages: list[Passage]) -> dict[int, int | None]:
        """Text fingerprint -> text id (None: no keys); new texts get an id and their postings.

        The keys of a text are written once, however many references hold it. Two writers
        adding the same new text agree on one id (SET NX); the one that lost writes nothing.
        """
        fps = {text_id(p): p for p in passages}
        order = list(fps)
        known = self._call(self.r.mget, [self._k("fp", fp) for fp in order]) if order else []
        tids: dict[int, int | None] = {fp: int(t) for fp, t in zip(order, known) if t}
        new = []
        for fp, passage in fps.items():
            if fp not in tids:
                keys = passage_keys(passage)
                if keys:
                    new.append((fp, keys))
                else:
                    tids[fp] = None
        if not new:
            return tids
        # One id each from the counter, claimed with SET NX in one round trip; the postings
        # of the claims won (and the ids of those lost) in another.
        first = self._call(self.r.incrby, self._k("seq"), len(new)) - len(new) + 1
        pipe = self.r.pipeline(transaction=False)
        for n, (fp, _) in enumerate(new):
            pipe.set(self._k("fp", fp), first + n, nx=True)
        won = self._call(pipe.execute)
        lost = [fp for (fp, _), claimed in zip(new, won) if not claimed]
        pipe = self.r.pipeline(transaction=False)
        for fp in lost:  # another writer's id for the same text
            pipe.get(self._k("fp", fp))
        for n, ((fp, keys), claimed) in enumerate(zip(new, won)):
            if claimed:
                tids[fp] = first + n
                pipe.set(self._k("tt", first + n), json.dumps([fps[fp].kind, fps[fp].text]))
                for key in keys:
                    pipe.sadd(self._k("post", key), first + n)
        replies = self._call(pipe.execute)
        tids.update((fp, int(tid)) for fp, tid in zip(lost, replies))
        return tids

    def _room_for_copies(self, passages: list[Passage], tids: dict[int, int | None]
                         ) -> dict[int, int]:
        """How many of its copies each text of ``passages`` may keep from them (one round trip).

        A text keeps its first ``MAX_OCCURRENCES`` copies: each writer claims places by adding
        its number of copies to the text's counter, so concurrent writers never take more.
        """
        wanted = Counter(tid for p in passages if (tid := tids[text_id(p)]) is not None)
        pipe = self.r.pipeline(transaction=False)
        for tid, n in wanted.items():
            pipe.incrby(self._k("cn", tid), n)
        claimed = self._call(pipe.execute)
        return {tid: max(0, min(n, MAX_OCCURRENCES - (total - n)))
                for (tid, n), total in zip(wanted.items(), claimed)}

    def _write_passages(self, pipe, ref_id: str, first_pid: int, passages: list[Passage],
                        tids: dict[int, int | None]) -> None:
        room = self._room_for_copies(passages, tids)
        pids = []
        for pid, passage in enumerate(passages, start=first_pid):
            tid = tids[text_id(passage)]
            if tid is None:
                continue
            pids.append(pid)
            pipe.set(self._k("pas", pid), json.dumps(_passage_row(passage, tid)))
            pipe.sadd(self._k("txt", tid), pid)
            if room.get(tid, 0) > 0:  # one of the text's first copies (see _room_for_copies)
                room[tid] -= 1
                pipe.append(self._k("cp", tid), "," + json.dumps(
                    [pid, ref_id, passage.start, passage.end, passage.speaker]))
        if pids:
            pipe.sadd(self._k("refpas", ref_id), *pids)

    def index_version(self) -> int:
        raw = self._call(self.r.get, self._k("index"))
        if raw is None:  # a new store: its index will be built by this version
            self._call(self.r.setnx, self._k("index"), INDEX_VERSION)
            raw = self._call(self.r.get, self._k("index"))
        return int(raw)

    def _clear_index(self) -> None:
        self._call(self.r.set, self._k("index"), 0)
        self._call(self.r.incr, self._k("removals"))
        for pattern in ("post:*", "pas:*", "refpas:*", "fp:*", "txt:*", "tt:*", "cp:*", "cn:*"):
            batch = []
            for key in self.r.scan_iter(match=self._k(pattern), count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    self._call(self.r.delete, *batch)
                    batch = []
            if batch:
                self._call(self.r.delete, *batch)

    def _reindex_batch(self, items: list[tuple[Reference, list[Passage]]],
                       *, version: int | None) -> None:
        pipe = self.r.pipeline(transaction=False)
        for ref, passages in items:
            tids = self._text_ids(passages)
            first = self._call(self.r.incrby, self._k("seq"), max(len(passages), 1))
            self._write_passages(pipe, ref.id, first - len(passages) + 1, passages, tids)
        if version is not None:
            pipe.set(self._k("index"), version)
        self._call(pipe.execute)

    def _remove_reference(self, ref: Reference) -> None:
        pids = [int(p) for p in self._call(self.r.smembers, self._k("refpas", ref.id))]
        raws = self._call(self.r.mget, [self._k("pas", pid) for pid in pids]) if pids else []
        rows = [(pid, json.loads(raw)) for pid, raw in zip(pids, raws) if raw]
        pipe = self.r.pipeline(transaction=True)
        for pid, row in rows:
            pipe.srem(self._k("txt", row["tid"]), pid)
            pipe.delete(self._k("pas", pid))
        pipe.delete(self._k("refpas", ref.id), self._k("ref", ref.id))
        pipe.delete(self._k("hash", ref.content_hash))
        pipe.zrem(self._k("refs"), ref.id)
        pipe.incr(self._k("version"))
        pipe.incr(self._k("removals"))
        self._call(pipe.execute)
        # A text no passage holds any more leaves the index; the others take their oldest
        # copies again from the passages left.
        held = []
        for row in {row["tid"]: row for _, row in rows}.values():
            tid = row["tid"]
            if self._call(self.r.scard, self._k("txt", tid)) == 0:
                passage = _row_passage(row)
                pipe = self.r.pipeline(transaction=False)
                for key in passage_keys(passage):
                    pipe.srem(self._k("post", key), tid)
                pipe.delete(self._k("fp", text_id(passage)), self._k("txt", tid),
                            self._k("tt", tid), self._k("cp", tid), self._k("cn", tid))
                self._call(pipe.execute)
            else:
                held.append(tid)
        self._copies_from_passages(held)

    def list_references(self, *, offset: int = 0, limit: int = 50) -> tuple[list[Reference], int]:
        total = self._call(self.r.zcard, self._k("refs"))
        ids = self._call(self.r.zrange, self._k("refs"), offset, offset + limit - 1)
        raws = self._call(self.r.mget, [self._k("ref", i.decode()) for i in ids]) if ids else []
        return [Reference(**json.loads(raw)) for raw in raws if raw], total

    def version(self) -> int:
        return int(self._call(self.r.get, self._k("version")) or 0)

    def _reference_infos(self, ids: list[str]) -> dict[str, ReferenceInfo]:
        if not ids:
            return {}
        rows = self._call(lambda: self._reference_info(keys=[self._k("ref", i) for i in ids]))
        out = {}
        for rid, row in zip(ids, rows):
            if row:
                info = json.loads(row)
                out[rid] = (ReferenceInfo(*info) if isinstance(info, list) else
                            ReferenceInfo(info["id"], info["title"], info.get("url")))
        return out

    def postings(self, keys: Collection[int]) -> dict[int, list[int] | None]:
        keys = list(keys)
        if not keys:
            return {}
        prefix = self._k("post", "")
        members = self._call(lambda: self._postings(
            keys=[f"{prefix}{key}" for key in keys], args=[MAX_KEY_TEXTS]))
        return {key: list(map(int, found)) if found else None
                for key, found in zip(keys, members)}

    def _generation(self) -> Generation:
        removals, version, index = self._call(self.r.mget, self._k("removals"),
                                              self._k("version"), self._k("index"))
        index = int(index) if index is not None else self.index_version()  # (a new store)
        return Generation(removals, int(version or 0), index)

    def _fetch_occurrences(self, tids: list[int]) -> dict[int, list[Passage]]:
        replies = self._call(self.r.mget, [self._k(part, tid) for tid in tids
                                           for part in ("tt", "cp")])
        # (every text and copy decoded in one call: hundreds of them per draft)
        decoded = json.loads(b"[" + b",".join(
            part for head, copies in zip(replies[0::2], replies[1::2])
            for part in (head or b"null", b"[" + (copies or b",")[1:] + b"]")) + b"]")
        fetched, older = {}, []
        for tid, head, copies in zip(tids, decoded[0::2], decoded[1::2]):
            if head is None or not copies:
                older.append(tid)  # none (a text no longer held), or indexed before copies
                continue
            kind, text = head
            fetched[tid] = [Passage(rid, start, end, text, kind, speaker)
                            for _, rid, start, end, speaker in sorted(copies)]
        if older:
            fetched.update(self._copies_from_passages(older))
        return fetched

    def _copies_from_passages(self, tids: list[int]) -> dict[int, list[Passage]]:
        """Read the oldest copies of texts from their passages, and keep them as the texts' copies.

        For texts whose copies changed (a reference removed) or that were indexed before texts
        kept their copies: each is read this slower way once.
        """
        if not tids:
            return {}
        rows = self._call(lambda: self._occurrences_script(
            keys=[self._k("txt", tid) for tid in tids],
            args=[MAX_OCCURRENCES, self._k("pas", "")]))
        decoded = iter(json.loads(b"[" + b",".join(
            raw for _, raws in rows for raw in raws if raw) + b"]"))
        fetched = {tid: [(int(pid), next(decoded)) for pid, raw in zip(pids, raws) if raw]
                   for tid, (pids, raws) in zip(tids, rows)}
        pipe = self.r.pipeline(transaction=True)
        for tid, found in fetched.items():
            if found:  # (a race with a writer adding a copy meanwhile costs a copy, not more)
                first = found[0][1]
                pipe.set(self._k("tt", tid), json.dumps([first["k"], first["t"]]))
                pipe.set(self._k("cp", tid), "".join("," + json.dumps(
                    [pid, row["r"], row["s"], row["e"], row["sp"]]) for pid, row in found))
                pipe.set(self._k("cn", tid), len(found))
        self._call(pipe.execute)
        return {tid: [_row_passage(row) for _, row in found]
                for tid, found in fetched.items() if found}

    def same_text(self, text: str, kind: str) -> list[Passage]:
        return self.same_texts([(text, kind)])[text, kind]

    def same_texts(self, items: Iterable[tuple[str, str]]
                   ) -> dict[tuple[str, str], list[Passage]]:
        items = list(dict.fromkeys(items))
        if not items:
            return {}
        raw = self._call(self.r.mget, [self._k("fp", text_id(Passage("", 0, 0, text, kind)))
                                       for text, kind in items])
        tids = {item: int(tid) for item, tid in zip(items, raw) if tid is not None}
        found = self._occurrences(list(set(tids.values())))
        return {(text, kind): [p for p in found.get(tids.get((text, kind)), ()) if p.text == text]
                for text, kind in items}

    # -- jobs ---------------------------------------------------------------------------------

    def _save_job(self, job: Job) -> None:
        pipe = self.r.pipeline(transaction=True)
        pipe.set(self._k("job", job.id), json.dumps(job.to_dict()))
        if job.status == "running":
            pipe.sadd(self._k("running"), job.id)
        else:
            pipe.srem(self._k("running"), job.id)
        if job.status in ("done", "failed") and job.finished_at is not None:
            pipe.zadd(self._k("ended"), {job.id: job.finished_at})
        self._call(pipe.execute)

    def _load_job(self, id: str) -> Job | None:
        raw = self._call(self.r.get, self._k("job", id))
        return Job.from_dict(json.loads(raw)) if raw else None

    def delete_job(self, id: str) -> None:
        pipe = self.r.pipeline(transaction=True)
        pipe.delete(self._k("job", id))
        pipe.srem(self._k("running"), id)
        self._call(pipe.execute)

    def running_jobs(self) -> list[Job]:
        ids = self._call(self.r.smembers, self._k("running"))
        jobs = [self._load_job(i.decode()) for i in ids]
        return [j for j in jobs if j is not None and j.status == "running"]

    def finished_before(self, before: float, *, limit: int) -> list[Job]:
        self._list_finished_jobs()
        ids = self._call(self.r.zrangebyscore, self._k("ended"), "-inf", f"({before}",
                         0, limit)
        raws = self._call(self.r.mget, [self._k("job", i.decode()) for i in ids]) if ids else []
        gone = [i for i, raw in zip(ids, raws) if raw is None]
        if gone:  # (a job deleted another way)
            self._call(self.r.zrem, self._k("ended"), *gone)
        return [Job.from_dict(json.loads(raw)) for raw in raws if raw is not None]

    def _list_finished_jobs(self, *, steps: int = 50) -> None:
        """Add the jobs finished before the store kept their order, a part at each call.

        The store's keys are scanned once for them, ``steps`` x 1,000 keys per call, so that
        a store of many references is never scanned in one go.
        """
        cursor = self._call(self.r.get, self._k("ended:scan"))
        if cursor == b"done":
            return
        cursor, prefix = int(cursor or 0), len(self._k("job", ""))
        for _ in range(steps):
            cursor, keys = self._call(self.r.scan, cursor, self._k("job", "*"), 1000)
            raws = self._call(self.r.mget, keys) if keys else []
            ended = {}
            for key, raw in zip(keys, raws):
                job = json.loads(raw) if raw else {}
                if job.get("status") in ("done", "failed") and job.get("finished_at"):
                    ended[key[prefix:].decode()] = job["finished_at"]
            if ended:
                self._call(self.r.zadd, self._k("ended"), ended)
            if cursor == 0:
                break
        self._call(self.r.set, self._k("ended:scan"), cursor or "done")

    def forget_finished_job(self, job: Job) -> None:
        pipe = self.r.pipeline(transaction=True)
        pipe.delete(self._k("job", job.id))
        pipe.zrem(self._k("ended"), job.id)
        pipe.srem(self._k("running"), job.id)
        self._call(pipe.execute)

    # -- small records ------------------------------------------------------------------------

    def kv_get(self, namespace: str, key: str) -> Any | None:
        raw = self._call(self.r.hget, self._k("kv", namespace), key)
        return json.loads(raw) if raw else None

    def kv_put(self, namespace: str, key: str, value: Any, *, only_new: bool = False) -> bool:
        write = self.r.hsetnx if only_new else self.r.hset
        written = self._call(write, self._k("kv", namespace), key, json.dumps(value))
        return bool(written) or not only_new

    def kv_delete(self, namespace: str, key: str, *, value: Any = None) -> None:
        if value is None:
            self._call(self.r.hdel, self._k("kv", namespace), key)
        else:
            self._call(lambda: self._delete_if(keys=[self._k("kv", namespace)],
                                               args=[key, json.dumps(value)]))

    def kv_items(self, namespace: str) -> dict[str, Any]:
        raw = self._call(self.r.hgetall, self._k("kv", namespace))
        return {k.decode(): json.loads(v) for k, v in raw.items()}

    def log_append(self, namespace: str, key: str, item: Any) -> None:
        self._call(self.r.rpush, self._k("log", namespace, key), json.dumps(item))

    def log_read(self, namespace: str, key: str) -> list[Any]:
        return [json.loads(v) for v in self._call(self.r.lrange, self._k("log", namespace, key),
                                                  0, -1)]

    def log_delete(self, namespace: str, key: str) -> None:
        self._call(self.r.delete, self._k("log", namespace, key))

    # -- health -------------------------------------------------------------------------------

    def ping(self) -> dict[str, Any]:
        self._call(self.r.ping)
        return {"backend": "redis", "url": self.url,
                "references": self._call(self.r.zcard, self._k("refs")), "version": self.version()}

    def close(self) -> None:
        self.r.close()


def _passage_row(p: Passage, tid: int) -> dict[str, Any]:
    return {"r": p.reference_id, "s": p.start, "e": p.end, "t": p.text, "k": p.kind,
            "sp": p.speaker, "tid": tid}


def _row_passage(row: dict[str, Any]) -> Passage:
    return Passage(row["r"], row["s"], row["e"], row["t"], row["k"], row["sp"])
