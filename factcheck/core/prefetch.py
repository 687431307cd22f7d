"""Reading the index once per draft: the postings of all its claims in one go.

A draft makes a few dozen look-ups (a quote, the sentence around it, each sentence with
figures). Against a store each would be its own query or round trip; ``PrefetchedIndex`` reads
the postings of every key of the draft at once and ranks each claim's candidates from them,
asks the store at once which of the draft's sentences it holds word for word, and reads the
passages of the best candidates of every foreseen look-up in one go.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from operator import itemgetter

from factcheck.core.types import Passage, ReferenceInfo

_COUNT = itemgetter(1)


def rank(postings: Iterable[Sequence[int] | None]) -> list[tuple[int, int]]:
    """Candidate ids by the number of posting lists holding them, most first (ties: oldest).

    >>> rank([[3, 5], [5], None, [7, 5, 3]])
    [(5, 3), (3, 2), (7, 1)]
    """
    hits: Counter[int] = Counter()
    for ids in postings:
        if ids:
            hits.update(ids)
    ranked = sorted(hits.items())  # by id, then (a stable sort) by count: no key per item
    ranked.sort(key=_COUNT, reverse=True)
    return ranked


class PrefetchedIndex:
    """A :class:`~factcheck.core.ports.PassageIndex` whose postings for ``keys`` are read once.

    Look-ups with keys outside ``keys`` read those from the index as they come.
    """

    def __init__(self, index, keys: Collection[int] = ()) -> None:
        self.index = index
        self._postings: dict[int, Sequence[int] | None] = {}
        self._ranked: dict[frozenset[int], list[tuple[int, int]]] = {}
        self._same: dict[tuple[str, str], list[Passage]] = {}
        self.prefetch(keys)

    def pinned(self) -> AbstractContextManager:
        """The store's view for one draft (see ``Store.pinned``), if it has one."""
        pinned = getattr(self.index, "pinned", None)
        return pinned() if pinned is not None else nullcontext()

    def prefetch(self, keys: Collection[int]) -> None:
        """Read the postings of ``keys`` not read yet, in one go."""
        missing = [k for k in keys if k not in self._postings]
        if missing:
            self._postings.update(self.index.postings(missing))

    def preload(self, lookups: Iterable[tuple[frozenset[int], int]]) -> None:
        """Read the passages of the first ``limit`` candidates of each ``(keys, limit)`` at once.

        For look-ups a draft will make: each then finds its passages read. Only the store's
        ``preload`` does the reading; without it the look-ups read as they come.
        """
        load = getattr(self.index, "preload", None)
        if load is None:
            return
        lookups = list(lookups)
        self.prefetch(set().union(*(keys for keys, _ in lookups)))
        tids = {tid for keys, limit in lookups for tid, _ in self._rank(keys)[:limit]}
        if tids:
            load(tids)

    def _rank(self, keys: Collection[int]) -> list[tuple[int, int]]:
        keys = frozenset(keys)
        if keys not in self._ranked:
            self.prefetch(keys)
            self._ranked[keys] = rank(self._postings[k] for k in keys)
        return self._ranked[keys]

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        """Return up to ``limit`` candidates sharing the most ``keys``, best first."""
        return self.index.ranked_passages(self._rank(keys), limit=limit)

    def same_texts(self, items: Iterable[tuple[str, str]]) -> None:
        """Ask at once which ``(text, kind)`` the store holds word for word (see same_text)."""
        missing = [item for item in dict.fromkeys(items) if (item[1], item[0]) not in self._same]
        if not missing:
            return
        batch = getattr(self.index, "same_texts", None)
        found = (batch(missing) if batch is not None
                 else {item: self.index.same_text(*item) for item in missing})
        for (text, kind), passages in found.items():
            self._same[kind, text] = passages

    def same_text(self, text: str, kind: str) -> list[Passage]:
        """Return the passages of that kind whose text is exactly ``text`` (asked once)."""
        if (kind, text) not in self._same:
            self._same[kind, text] = self.index.same_text(text, kind)
        return self._same[kind, text]

    def references(self, ids: Iterable[str]) -> dict[str, ReferenceInfo]:
        """Return the title and url of each known reference id."""
        return self.index.references(ids)
