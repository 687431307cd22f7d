"""The shared store: references, passage index and jobs in Redis, for many machines at once."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from typing import Any

import redis

from factcheck.core.index import INDEX_VERSION
from factcheck.core.types import Passage
from factcheck.errors import StoreUnavailable
from factcheck.store.base import MAX_KEY_PASSAGES, DuplicateReference, Store
from factcheck.store.records import Job, Reference

# Key layout (prefix "fc:"):
#   ref:<id>        JSON of the reference          refs      zset of ids by insertion sequence
#   hash:<digest>   reference id of that content   seq       counter for refs and passages
#   pas:<pid>       JSON of a passage              refpas:<id> set of the reference's passage ids
#   post:<key>      set of passage ids for an index key
#   job:<id>        JSON of a job                  running   set of running job ids
#   version         changes with every reference added or removed
#   kv:<namespace>  hash of small JSON records      log:<namespace>:<key> list of JSON items


class RedisStore(Store):
    """Store in Redis; every web process and worker pointing at it sees the same data."""

    def __init__(self, url: str, *, prefix: str = "fc:"):
        self.url = url
        self.prefix = prefix
        self.r = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)

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

    def _insert_reference(self, ref: Reference, passages: list[tuple[Passage, set[int]]]) -> None:
        # Claim the content and the id first, so that two writers never both insert them.
        if not self._call(lambda: self.r.set(self._k("hash", ref.content_hash), ref.id, nx=True)):
            raise DuplicateReference(ref.id)
        if not self._call(lambda: self.r.set(self._k("ref", ref.id), json.dumps(ref.to_dict()),
                                             nx=True)):
            self._call(self.r.delete, self._k("hash", ref.content_hash))
            raise DuplicateReference(ref.id)
        # One counter hands out the reference's sequence number and its passages' ids at once.
        seq = self._call(self.r.incrby, self._k("seq"), len(passages) + 1) - len(passages)
        pipe = self.r.pipeline(transaction=True)
        pipe.zadd(self._k("refs"), {ref.id: seq})
        self._write_passages(pipe, ref.id, seq + 1, passages)
        pipe.incr(self._k("version"))
        self._call(pipe.execute)

    def _write_passages(self, pipe, ref_id: str, first_pid: int,
                        passages: list[tuple[Passage, set[int]]]) -> None:
        pids = []
        for pid, (passage, keys) in enumerate(passages, start=first_pid):
            pids.append(pid)
            pipe.set(self._k("pas", pid), json.dumps(_passage_row(passage)))
            for key in keys:
                pipe.sadd(self._k("post", key), pid)
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
        for pattern in ("post:*", "pas:*", "refpas:*"):
            batch = []
            for key in self.r.scan_iter(match=self._k(pattern), count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    self._call(self.r.delete, *batch)
                    batch = []
            if batch:
                self._call(self.r.delete, *batch)

    def _reindex_batch(self, items: list[tuple[Reference, list[tuple[Passage, set[int]]]]],
                       *, version: int | None) -> None:
        pipe = self.r.pipeline(transaction=False)
        for ref, passages in items:
            first = self._call(self.r.incrby, self._k("seq"), max(len(passages), 1))
            self._write_passages(pipe, ref.id, first - len(passages) + 1, passages)
        if version is not None:
            pipe.set(self._k("index"), version)
        self._call(pipe.execute)

    def _remove_reference(self, ref: Reference, passages: list[tuple[Passage, set[int]]]) -> None:
        pids = [int(p) for p in self._call(self.r.smembers, self._k("refpas", ref.id))]
        keys = {key for _, ks in passages for key in ks}
        pipe = self.r.pipeline(transaction=True)
        for key in keys if pids else ():
            pipe.srem(self._k("post", key), *pids)
        for pid in pids:
            pipe.delete(self._k("pas", pid))
        pipe.delete(self._k("refpas", ref.id), self._k("ref", ref.id))
        pipe.delete(self._k("hash", ref.content_hash))
        pipe.zrem(self._k("refs"), ref.id)
        pipe.incr(self._k("version"))
        self._call(pipe.execute)

    def list_references(self, *, offset: int = 0, limit: int = 50) -> tuple[list[Reference], int]:
        total = self._call(self.r.zcard, self._k("refs"))
        ids = self._call(self.r.zrange, self._k("refs"), offset, offset + limit - 1)
        raws = self._call(self.r.mget, [self._k("ref", i.decode()) for i in ids]) if ids else []
        return [Reference(**json.loads(raw)) for raw in raws if raw], total

    def version(self) -> int:
        return int(self._call(self.r.get, self._k("version")) or 0)

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        keys = list(keys)
        if not keys:
            return []
        pipe = self.r.pipeline(transaction=False)
        for key in keys:
            pipe.scard(self._k("post", key))
        sizes = self._call(pipe.execute)
        usable = [k for k, n in zip(keys, sizes) if 0 < n <= MAX_KEY_PASSAGES]
        pipe = self.r.pipeline(transaction=False)
        for key in usable:
            pipe.smembers(self._k("post", key))
        hits: Counter[int] = Counter()
        for members in self._call(pipe.execute):
            hits.update(int(m) for m in members)
        best = hits.most_common(limit)
        if not best:
            return []
        raws = self._call(self.r.mget, [self._k("pas", pid) for pid, _ in best])
        return [(_row_passage(json.loads(raw)), n) for (pid, n), raw in zip(best, raws) if raw]

    # -- jobs ---------------------------------------------------------------------------------

    def _save_job(self, job: Job) -> None:
        pipe = self.r.pipeline(transaction=True)
        pipe.set(self._k("job", job.id), json.dumps(job.to_dict()))
        if job.status == "running":
            pipe.sadd(self._k("running"), job.id)
        else:
            pipe.srem(self._k("running"), job.id)
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

    # -- small records ------------------------------------------------------------------------

    def kv_get(self, namespace: str, key: str) -> Any | None:
        raw = self._call(self.r.hget, self._k("kv", namespace), key)
        return json.loads(raw) if raw else None

    def kv_put(self, namespace: str, key: str, value: Any, *, only_new: bool = False) -> bool:
        write = self.r.hsetnx if only_new else self.r.hset
        written = self._call(write, self._k("kv", namespace), key, json.dumps(value))
        return bool(written) or not only_new

    def kv_delete(self, namespace: str, key: str) -> None:
        self._call(self.r.hdel, self._k("kv", namespace), key)

    def kv_items(self, namespace: str) -> dict[str, Any]:
        raw = self._call(self.r.hgetall, self._k("kv", namespace))
        return {k.decode(): json.loads(v) for k, v in raw.items()}

    def log_append(self, namespace: str, key: str, item: Any) -> None:
        self._call(self.r.rpush, self._k("log", namespace, key), json.dumps(item))

    def log_read(self, namespace: str, key: str) -> list[Any]:
        return [json.loads(v) for v in self._call(self.r.lrange, self._k("log", namespace, key),
                                                  0, -1)]

    # -- health -------------------------------------------------------------------------------

    def ping(self) -> dict[str, Any]:
        self._call(self.r.ping)
        return {"backend": "redis", "url": self.url,
                "references": self._call(self.r.zcard, self._k("refs")), "version": self.version()}

    def close(self) -> None:
        self.r.close()


def _passage_row(p: Passage) -> dict[str, Any]:
    return {"r": p.reference_id, "s": p.start, "e": p.end, "t": p.text, "k": p.kind,
            "sp": p.speaker}


def _row_passage(row: dict[str, Any]) -> Passage:
    return Passage(row["r"], row["s"], row["e"], row["t"], row["k"], row["sp"])
