"""Direct-quote extraction (first version: paired double marks within a paragraph)."""

from __future__ import annotations

import re

from factcheck.core.types import Quote, Speaker

_QUOTE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_SAID_AFTER = re.compile(r"^\W{0,3}\s*(?:said|says)\s+((?:[A-Z][\w'-]+\s?){1,3})")
_AFTER_SAID = re.compile(r"^\W{0,3}\s*((?:[A-Z][\w'-]+\s?){1,3})\s+(?:said|says)")


def extract_quotes(text: str) -> list[Quote]:
    """Return the direct quotes of ``text`` in order, each with its speaker when one is named.

    >>> [q.text for q in extract_quotes('"We will win," said Ann Lee.')]
    ['We will win,']
    """
    quotes = []
    for m in _QUOTE.finditer(text):
        tail = text[m.end() : m.end() + 80]
        speaker = None
        hit = _SAID_AFTER.match(tail) or _AFTER_SAID.match(tail)
        if hit:
            name = hit.group(1).strip()
            start = m.end() + hit.start(1)
            speaker = Speaker(start, start + len(name), name, name)
        quotes.append(Quote(m.start(1), m.end(1), m.group(1), speaker))
    return quotes
