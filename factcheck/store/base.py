"""The store contract shared by the SQLite and Redis back ends."""

from __future__ import annotations

import abc
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from factcheck.core.index import INDEX_VERSION, passages_of
from factcheck.core.prefetch import rank
from factcheck.core.types import Passage, ReferenceInfo
from factcheck.errors import Conflict, NotFound
from factcheck.store.records import Job, Reference, content_hash

#: Index keys held by more distinct passage texts than this are too common to rank candidates by.
MAX_KEY_TEXTS = 2000
#: A look-up returns at most this many passages (of as many references) for one distinct text.
MAX_OCCURRENCES = 4


#: Splits references into their passages, one list per reference, in order.
Parser = Callable[[list[Reference]], Iterable[list[Passage]]]


def parse_here(refs: list[Reference]) -> list[list[Passage]]:
    """The passages of each reference, computed in this process."""
    return [passages_of(ref.id, ref.text) for ref in refs]


class Generation(NamedTuple):
    """Where the store stands: removals so far, its version, the version of its index keys."""

    removals: object
    version: int
    index: int


class OccurrenceCache:
    """Per process: the passages found for each distinct text id, and text ids by fingerprint.

    A look-up returns the *oldest* ``MAX_OCCURRENCES`` passages of a text, so adding references
    never changes an entry that has that many; one with fewer holds only while the store's
    version is the same. Removing a reference (or rebuilding the index) bumps the store's
    removal count, which empties the cache of every process on its next look-up.
    """

    def __init__(self, size: int = 200_000) -> None:
        self.size = size
        self.removals: object = None
        self.version: object = None
        self._passages: dict[int, tuple[object, list[Passage]]] = {}
        self.texts: dict[tuple[str, str], int] = {}  # (kind, text) -> text id
        #: id -> title and url of a reference: fixed until it is removed (a stored id never
        #: takes other content), so only a removal empties it.
        self.infos: dict[str, ReferenceInfo] = {}

    def check(self, removals: object, version: object) -> None:
        """Forget everything when the store's removal count moved (or the cache is full)."""
        self.version = version
        moved = removals != self.removals
        if moved or len(self._passages) + len(self.texts) > self.size:
            self.removals = removals
            self._passages.clear()
            self.texts.clear()
        if moved or len(self.infos) > self.size:
            self.infos.clear()

    def get(self, tid: int) -> list[Passage] | None:
        """The cached passages of a text id, if still valid."""
        entry = self._passages.get(tid)
        if entry is None or entry[0] is not None and entry[0] != self.version:
            return None
        return entry[1]

    def put(self, tid: int, passages: list[Passage]) -> None:
        """Cache the passages of a text id (fetched at the current version)."""
        full = len(passages) >= MAX_OCCURRENCES
        self._passages[tid] = (None if full else self.version, passages)


def new_reference_id(text: str) -> str:
    """An id for a reference submitted without one, derived from its content."""
    return "ref-" + content_hash(text)[:16]


def _new_reference(record: dict[str, Any]) -> Reference:
    text = record["text"]
    return Reference(
        id=record.get("id") or new_reference_id(text), title=record["title"], text=text,
        url=record.get("url"), source=record.get("source"),
        published_at=record.get("published_at"), content_hash=content_hash(text),
        created_at=time.time(),
    )


class DuplicateReference(Exception):
    """Raised by a back end when another writer stored the same id or content first."""


class Store(abc.ABC):
    """Reference articles with their passage index, and check jobs.

    Also the core's :class:`~factcheck.core.ports.PassageIndex` over its references.
    """

    url: str

    # -- references ---------------------------------------------------------------------------

    def add_reference(self, **record: Any) -> tuple[Reference, bool]:
        """Store a reference and index it; return it and whether it is new.

        ``record`` has ``text`` and ``title``, and may have ``id``, ``url``, ``source`` and
        ``published_at``. Idempotent: the same id with the same content, or the same content
        under no id, returns the stored reference unchanged. The same id with other content is
        a :class:`Conflict`.
        """
        return self.add_references([record])[0]

    def add_references(self, records: list[dict[str, Any]], *,
                       parse: Parser | None = None) -> list[tuple[Reference, bool]]:
        """Store many references at once (faster: one transaction and one index segment).

        Returns, per record, the stored reference and whether it is new; idempotent like
        :meth:`add_reference`, also between records of the same call. ``parse`` splits the new
        references into passages (by default here, one after the other; an ingest may hand
        the work to several processes).
        """
        results: list[tuple[Reference, bool] | None] = []
        fresh: dict[str, Reference] = {}  # content hash -> new reference of this call
        fresh_ids: set[str] = set()
        for record in records:
            existing = self._existing(record) or fresh.get(content_hash(record["text"]))
            if existing is not None:
                results.append((existing, False))
                continue
            ref = _new_reference(record)
            if ref.id in fresh_ids:
                raise Conflict(f"Reference {ref.id!r} is given twice with other content.")
            fresh[ref.content_hash] = ref
            fresh_ids.add(ref.id)
            results.append(None)
        if fresh:
            try:
                refs = list(fresh.values())
                self._insert_references(list(zip(refs, (parse or parse_here)(refs))))
            except DuplicateReference:  # a concurrent writer won a race: one by one, settled
                return [self._add_one(record) for record in records]
        new = iter(fresh.values())
        return [r if r is not None else (next(new), True) for r in results]

    def _add_one(self, record: dict[str, Any], *, tries: int = 3) -> tuple[Reference, bool]:
        existing = self._existing(record)
        if existing is not None:
            return existing, False
        ref = _new_reference(record)
        try:
            self._insert_references([(ref, passages_of(ref.id, ref.text))])
        except DuplicateReference:
            # Another writer stored the same content or id meanwhile (look again), or the id
            # derived from this text was given to other content by hand.
            taken = self.get_reference(ref.id, missing_ok=True)
            if tries <= 1 or taken is not None and taken.content_hash != ref.content_hash:
                raise Conflict(f"Reference id {ref.id!r} is taken by other content; send this "
                               "reference with an id of its own.") from None
            return self._add_one(record, tries=tries - 1)
        return ref, True

    def _existing(self, record: dict[str, Any]) -> Reference | None:
        """The stored reference a record is a repeat of, or None; Conflict on a changed id."""
        digest = content_hash(record["text"])
        if record.get("id") is not None:
            existing = self.get_reference(record["id"], missing_ok=True)
            if existing is not None:
                if existing.content_hash != digest:
                    raise Conflict(f"Reference {record['id']!r} already exists with other "
                                   "content; delete it first or use another id.")
                return existing
        same = self._reference_id_by_hash(digest)
        return self._settled_reference(same) if same is not None else None

    def _insert_references(self, items: list[tuple[Reference, list[Passage]]]) -> None:
        """Insert new references with their passages (back ends may do it in one go)."""
        for ref, passages in items:
            self._insert_reference(ref, passages)

    def get_reference(self, id: str, *, missing_ok: bool = False) -> Reference | None:
        """The reference with this id; :class:`NotFound` unless ``missing_ok``."""
        ref = self._load_reference(id)
        if ref is None and not missing_ok:
            raise NotFound(f"No reference with id {id!r}.")
        return ref

    def _settled_reference(self, id: str, *, wait: float = 2.0) -> Reference:
        """The reference another writer has claimed, once its insertion is complete."""
        deadline = time.monotonic() + wait
        while (ref := self.get_reference(id, missing_ok=True)) is None:
            if time.monotonic() > deadline:
                return self.get_reference(id)  # raises NotFound
            time.sleep(0.01)
        return ref

    def delete_reference(self, id: str) -> None:
        """Remove a reference and its passages from the store and the index."""
        ref = self.get_reference(id)
        self._remove_reference(ref)

    def references(self, ids: Iterable[str]) -> dict[str, ReferenceInfo]:
        """Title and url of each known reference id (the core's port), cached per process."""
        ids = set(ids)
        seen = self._fresh_cache()
        with self._seen_lock:
            out = {rid: info for rid in ids if (info := seen.infos.get(rid)) is not None}
            removals = seen.removals
        missing = [rid for rid in ids if rid not in out]
        if missing:
            found = self._reference_infos(missing)
            with self._seen_lock:
                if seen.removals == removals:  # (else read before a removal: not kept)
                    seen.infos.update(found)
            out.update(found)
        return out

    def _reference_infos(self, ids: list[str]) -> dict[str, ReferenceInfo]:
        """Read the title and url of each known reference id (back ends do it in one go)."""
        out = {}
        for rid in ids:
            ref = self._load_reference(rid)
            if ref is not None:
                out[rid] = ReferenceInfo(ref.id, ref.title, ref.url)
        return out

    def index_is_current(self, generation: Generation | None = None) -> bool:
        """True when the index was built by this version's index keys (else: reindex).

        ``generation``: where the store stood, as :meth:`pinned` read it (else asked now).
        """
        built = self.index_version() if generation is None else generation.index
        return built == INDEX_VERSION

    def reindex(self, *, batch: int = 500, progress=None) -> int:
        """Rebuild the passages and index of every reference; return how many were indexed.

        Needed when the index keys change (``INDEX_VERSION``); searches meanwhile find less.
        """
        self._clear_index()
        done, total = 0, self.list_references(limit=1)[1]
        while done < total:
            refs, total = self.list_references(offset=done, limit=batch)
            if not refs:
                break
            done += len(refs)
            self._reindex_batch([(r, passages_of(r.id, r.text)) for r in refs],
                                version=INDEX_VERSION if done >= total else None)
            if progress is not None:
                progress(len(refs))
        if total == 0:
            self._reindex_batch([], version=INDEX_VERSION)
        return done

    @abc.abstractmethod
    def index_version(self) -> int:
        """The INDEX_VERSION the stored index was built with."""

    @abc.abstractmethod
    def _clear_index(self) -> None: ...

    @abc.abstractmethod
    def _reindex_batch(self, items: list[tuple[Reference, list[Passage]]],
                       *, version: int | None) -> None: ...

    @abc.abstractmethod
    def list_references(self, *, offset: int = 0, limit: int = 50) -> tuple[list[Reference], int]:
        """A page of references in the order they were added, and the total count."""

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        """Passages sharing the most keys, best first (the core's port).

        ``limit`` counts distinct texts: each comes with up to ``MAX_OCCURRENCES`` passages
        holding it, of different references, in the order they were added.
        """
        if not keys:
            return []
        return self.ranked_passages(rank(self.postings(keys).values()), limit=limit)

    @abc.abstractmethod
    def postings(self, keys: Collection[int]) -> dict[int, Sequence[int] | None]:
        """The distinct text ids holding each key (None: none, or more than MAX_KEY_TEXTS)."""

    def ranked_passages(self, ranked: list[tuple[int, int]], *, limit: int
                        ) -> list[tuple[Passage, int]]:
        """The passages of the first ``limit`` text ids of ``ranked`` that some passage holds."""
        found: list[tuple[Passage, int]] = []
        texts = 0
        step = max(limit, 1)
        for i in range(0, len(ranked), step):  # more only if some texts are no longer held
            chunk = ranked[i : i + step]
            by_tid = self._occurrences([tid for tid, _ in chunk])
            for tid, n in chunk:
                if by_tid.get(tid):
                    found += [(p, n) for p in by_tid[tid]]
                    texts += 1
                    if texts >= limit:
                        return found
        return found

    @abc.abstractmethod
    def same_text(self, text: str, kind: str) -> list[Passage]:
        """Up to ``MAX_OCCURRENCES`` passages of that kind whose text is exactly ``text``."""

    def same_texts(self, items: Iterable[tuple[str, str]]
                   ) -> dict[tuple[str, str], list[Passage]]:
        """:meth:`same_text` of many ``(text, kind)`` at once (back ends do it in one go)."""
        return {(text, kind): self.same_text(text, kind) for text, kind in items}

    def preload(self, tids: Collection[int]) -> None:
        """Read the passages of these text ids into this process's cache, in one go."""
        self._occurrences(list(tids))

    # -- the per-process cache of text copies (see OccurrenceCache) ---------------------------

    def _occurrences(self, tids: list[int]) -> dict[int, list[Passage]]:
        """The oldest ``MAX_OCCURRENCES`` passages of each text id: cached, or read in one go."""
        seen = self._fresh_cache()
        with self._seen_lock:
            by_tid = {tid: found for tid in tids if (found := seen.get(tid)) is not None}
        missing = [tid for tid in tids if tid not in by_tid]
        if missing:
            fetched = self._fetch_occurrences(missing)
            with self._seen_lock:
                for tid, passages in fetched.items():
                    seen.put(tid, passages)
            by_tid.update(fetched)
        return by_tid

    @abc.abstractmethod
    def _fetch_occurrences(self, tids: list[int]) -> dict[int, list[Passage]]:
        """Read the oldest ``MAX_OCCURRENCES`` passages of each text id (none: left out)."""

    def _init_cache(self) -> None:
        self._seen = OccurrenceCache()
        self._seen_lock = threading.Lock()
        self._pin = threading.local()

    @abc.abstractmethod
    def _generation(self) -> Generation:
        """The store's removal count, version and index version, read in one go."""

    def _fresh_cache(self) -> OccurrenceCache:
        """The cache, checked against the store (not again inside :meth:`pinned`)."""
        if not getattr(self._pin, "depth", 0):
            self._check_cache(self._generation())
        return self._seen

    def _check_cache(self, generation: Generation) -> None:
        with self._seen_lock:
            self._seen.check(generation.removals, generation.version)

    @contextmanager
    def pinned(self) -> Iterator[Generation]:
        """Check the cache against the store once, then trust it until the block ends.

        A draft's check makes dozens of look-ups, and each would otherwise first ask the store
        whether references were added or removed. Inside the block (one draft) what the cache
        held when the block began is not checked again; what it lacks is read from the store
        as it is then. The block gets the store's :class:`Generation` as it began: the version
        the draft is checked against (a nested block gets the outer one's).
        """
        depth = getattr(self._pin, "depth", 0)
        if not depth:
            self._pin.generation = self._generation()
            self._check_cache(self._pin.generation)
        self._pin.depth = depth + 1
        try:
            yield self._pin.generation
        finally:
            self._pin.depth = depth

    @abc.abstractmethod
    def version(self) -> int:
        """A number that changes whenever the set of references changes."""

    @abc.abstractmethod
    def _reference_id_by_hash(self, digest: str) -> str | None: ...

    @abc.abstractmethod
    def _load_reference(self, id: str) -> Reference | None: ...

    @abc.abstractmethod
    def _insert_reference(self, ref: Reference, passages: list[Passage]) -> None: ...

    @abc.abstractmethod
    def _remove_reference(self, ref: Reference) -> None: ...

    # -- jobs ---------------------------------------------------------------------------------

    def create_job(self, *, text: str, id: str | None = None, **fields: Any) -> Job:
        """Record a new job (queued unless ``status`` says otherwise) and return it."""
        job = Job(id=id or uuid.uuid4().hex, text=text, **fields)
        self._save_job(job)
        return job

    def get_job(self, id: str) -> Job:
        """The job with this id, or :class:`NotFound`."""
        job = self._load_job(id)
        if job is None:
            raise NotFound(f"No check with id {id!r}.")
        return job

    def update_job(self, job: Job, **fields: Any) -> Job:
        """Set fields of a job, stamp it and save it."""
        for name, value in fields.items():
            setattr(job, name, value)
        job.updated_at = time.time()
        self._save_job(job)
        return job

    @abc.abstractmethod
    def delete_job(self, id: str) -> None:
        """Forget a job (used when it could not be enqueued)."""

    @abc.abstractmethod
    def finished_before(self, before: float, *, limit: int) -> list[Job]:
        """Up to ``limit`` done or failed jobs that finished before ``before``, oldest first."""

    @abc.abstractmethod
    def forget_finished_job(self, job: Job) -> None:
        """Remove a finished job (see ``factcheck.jobs.expire_jobs``)."""

    @abc.abstractmethod
    def running_jobs(self) -> list[Job]:
        """Jobs whose status is running (to find the ones whose worker was lost)."""

    @abc.abstractmethod
    def _save_job(self, job: Job) -> None: ...

    @abc.abstractmethod
    def _load_job(self, id: str) -> Job | None: ...

    # -- small records: API keys, hook settings, idempotency, delivery logs -------------------

    @abc.abstractmethod
    def kv_get(self, namespace: str, key: str) -> Any | None:
        """The JSON value stored under ``namespace``/``key``, or None."""

    @abc.abstractmethod
    def kv_put(self, namespace: str, key: str, value: Any, *, only_new: bool = False) -> bool:
        """Store a JSON value; with ``only_new``, only if the key is absent. True if written."""

    @abc.abstractmethod
    def kv_delete(self, namespace: str, key: str, *, value: Any = None) -> None:
        """Remove one key; with ``value``, only while it still holds that value (atomic)."""

    @abc.abstractmethod
    def kv_items(self, namespace: str) -> dict[str, Any]:
        """Every key and value of a namespace (meant for small namespaces: keys, hooks)."""

    @abc.abstractmethod
    def log_append(self, namespace: str, key: str, item: Any) -> None:
        """Append a JSON item to the log ``namespace``/``key``."""

    @abc.abstractmethod
    def log_read(self, namespace: str, key: str) -> list[Any]:
        """Every item of a log, oldest first."""

    @abc.abstractmethod
    def log_delete(self, namespace: str, key: str) -> None:
        """Remove a whole log."""

    # -- health -------------------------------------------------------------------------------

    @abc.abstractmethod
    def ping(self) -> dict[str, Any]:
        """Check the store answers; return a few facts about it. Raises when it does not."""

    def close(self) -> None:
        """Release connections."""
