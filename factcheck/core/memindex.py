"""An in-memory :class:`~factcheck.core.ports.PassageIndex`, for tests and scripts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from factcheck.core.index import index_reference, keys_of
from factcheck.core.prefetch import rank
from factcheck.core.types import Passage, ReferenceInfo


class MemoryIndex:
    """Passages and an inverted index key -> passages, held in memory.

    Keys held by more than ``max_postings`` passages are ignored at look-up: they are too common
    to say which passage a claim comes from.

    >>> index = MemoryIndex()
    >>> index.add("a1", "Title", "Ann Lee said: \\"Profits rose sharply this year.\\"")
    >>> [p.kind for p, _ in index.lookup(index.keys("profits rose sharply"), limit=5)]
    ['quote', 'sentence']
    """

    def __init__(self, *, max_postings: int = 2000) -> None:
        self.max_postings = max_postings
        self._passages: list[Passage] = []
        self._postings: dict[int, list[int]] = defaultdict(list)
        self._references: dict[str, ReferenceInfo] = {}
        self.key_count = 0

    @staticmethod
    def keys(text: str) -> set[int]:
        """Return the index keys of ``text`` (a convenience for callers and tests)."""
        return keys_of(text)

    def add(self, reference_id: str, title: str, text: str, url: str | None = None) -> None:
        """Index a reference article (its text should include its title line if it has one)."""
        self._references[reference_id] = ReferenceInfo(reference_id, title, url)
        for passage, keys in index_reference(reference_id, text):
            number = len(self._passages)
            self._passages.append(passage)
            for key in keys:
                self._postings[key].append(number)
            self.key_count += len(keys)

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        """Return up to ``limit`` passages sharing the most ``keys``, best first, with the count."""
        return self.ranked_passages(rank(self.postings(keys).values()), limit=limit)

    def postings(self, keys: Collection[int]) -> dict[int, list[int] | None]:
        """The passage numbers holding each key (None when there are too many)."""
        out: dict[int, list[int] | None] = {}
        for key in keys:
            postings = self._postings.get(key)
            out[key] = postings if postings and len(postings) <= self.max_postings else None
        return out

    def ranked_passages(self, ranked: list[tuple[int, int]], *, limit: int
                        ) -> list[tuple[Passage, int]]:
        """The passages of the first ``limit`` ranked passage numbers."""
        return [(self._passages[number], count) for number, count in ranked[:limit]]

    def same_text(self, text: str, kind: str) -> list[Passage]:
        """Return the passages of that kind whose text is exactly ``text``."""
        return [p for p in self._passages if p.kind == kind and p.text == text]

    def references(self, ids: Iterable[str]) -> dict[str, ReferenceInfo]:
        """Return the title and url of each known reference id."""
        return {i: self._references[i] for i in ids if i in self._references}

    def __len__(self) -> int:
        return len(self._references)
