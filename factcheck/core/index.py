"""What a reference contributes to the candidate index (first version)."""

from __future__ import annotations

import hashlib
import re

from factcheck.core.quotes import extract_quotes
from factcheck.core.types import Passage

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)", re.M)


def keys_of(text: str) -> set[int]:
    """Return the index keys of ``text``: hashes of its lower-cased word trigrams."""
    words = [w.lower() for w in _WORD.findall(text)]
    grams = [" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))] if words else []
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big", signed=True)
            for g in grams}


def index_reference(reference_id: str, text: str) -> list[tuple[Passage, set[int]]]:
    """Split a reference into passages (its sentences and its quotes) with their index keys."""
    out = []
    for m in _SENTENCE.finditer(text):
        if m.group().strip():
            p = Passage(reference_id, m.start(), m.end(), m.group(), "sentence")
            out.append((p, keys_of(p.text)))
    for q in extract_quotes(text):
        speaker = q.speaker.name if q.speaker else None
        p = Passage(reference_id, q.start, q.end, q.text, "quote", speaker)
        out.append((p, keys_of(p.text)))
    return out
