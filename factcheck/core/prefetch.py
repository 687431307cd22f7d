"""Reading the index once per draft: the postings of all its claims in one go.

A draft makes a few dozen look-ups (a quote, the sentence around it, each sentence with
figures). Against a store each would be its own query or round trip; ``PrefetchedIndex`` reads
the postings of every key of the draft at once and ranks each claim's candidates from them,
and asks the store once per sentence whether it holds that sentence word for word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from factcheck.core.types import Passage, ReferenceInfo


def rank(postings: Iterable[Sequence[int] | None]) -> list[tuple[int, int]]:
    """Candidate ids by the number of posting lists holding them, most first (ties: oldest).

    >>> rank([[3, 5], [5], None, [7, 5, 3]])
    [(5, 3), (3, 2), (7, 1)]
    """
    hits: Counter[int] = Counter()
    for ids in postings:
        if ids:
            hits.update(ids)
    return sorted(hits.items(), key=lambda item: (-item[1], item[0]))


class PrefetchedIndex:
    """A :class:`~factcheck.core.ports.PassageIndex` whose postings for ``keys`` are read once.

    Look-ups with keys outside ``keys`` read those from the index as they come.
    """

    def __init__(self, index, keys: Collection[int] = ()) -> None:
        self.index = index
        self._postings: dict[int, Sequence[int] | None] = {}
        self._same: dict[tuple[str, str], list[Passage]] = {}
        self.prefetch(keys)

    def prefetch(self, keys: Collection[int]) -> None:
        """Read the postings of ``keys`` not read yet, in one go."""
        missing = [k for k in keys if k not in self._postings]
        if missing:
            self._postings.update(self.index.postings(missing))

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        """Return up to ``limit`` candidates sharing the most ``keys``, best first."""
        self.prefetch(keys)
        return self.index.ranked_passages(rank(self._postings[k] for k in keys), limit=limit)

    def same_text(self, text: str, kind: str) -> list[Passage]:
        """Return the passages of that kind whose text is exactly ``text`` (asked once)."""
        if (kind, text) not in self._same:
            self._same[kind, text] = self.index.same_text(text, kind)
        return self._same[kind, text]

    def references(self, ids: Iterable[str]) -> dict[str, ReferenceInfo]:
        """Return the title and url of each known reference id."""
        return self.index.references(ids)
