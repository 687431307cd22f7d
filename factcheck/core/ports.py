"""What the core needs from a store, as protocols (the store package implements them)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from factcheck.core.types import Passage, ReferenceInfo


class PassageIndex(Protocol):
    """Candidate look-up over the indexed passages of every reference in a store."""

    def lookup(self, keys: Collection[int], *, limit: int) -> list[tuple[Passage, int]]:
        """Return up to ``limit`` passages sharing the most ``keys``, best first, with that count.

        Keys held by too many passages to discriminate may be ignored by the implementation.
        """
        ...

    def references(self, ids: Iterable[str]) -> dict[str, ReferenceInfo]:
        """Return the title and url of each known reference id."""
        ...

    def same_text(self, text: str, kind: str) -> list[Passage]:
        """Return passages of that kind whose text is exactly ``text`` (a few copies at most)."""
        ...

    def postings(self, keys: Collection[int]) -> dict[int, Sequence[int] | None]:
        """Return, for each key, the ids of the candidates holding it.

        None (or an empty list) for a key held by none, or by too many to discriminate.
        """
        ...

    def ranked_passages(self, ranked: list[tuple[int, int]], *, limit: int
                        ) -> list[tuple[Passage, int]]:
        """Return the passages of the first ``limit`` candidate ids of ``ranked`` that exist."""
        ...
