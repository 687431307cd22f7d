"""The noun a count counts: ``300,000 additional soldiers`` counts soldiers.

The counted noun is the head of the noun phrase after the number, in the singular: adjectives
(``additional``, ``Conservative``) are skipped and in a noun compound the last plural noun is
the head (``23 grand slam singles titles`` counts titles). A count with no noun of its own takes
the noun of the count it is coordinated with (``by 69 votes to 30``: 30 votes).
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.core import numbers as lex
from factcheck.core.types import Figure

_WORDS_AHEAD = re.compile(r"(?:[ \t]*-?[ \t]*)([A-Za-z]+(?:-[A-Za-z]+)*)")
_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9]*[A-Z0-9]s")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")
_VERB_ENDINGS = ("ed", "ly")
_MAX_NOUN_WORDS = 5
_COORDINATION = r"(?:to|and|or|against|versus|vs\.?)"
_BARE_JOIN = re.compile(rf"\s+{_COORDINATION}\s+")
_ELIDED_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:in|at|for|from|on|against|to|across|among|and|or"
                           r"|respectively|each|apiece)\b")
_OR_JOIN = re.compile(r"\s*,?\s+(?:and|or|to)\s+")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n")


def _plural_singular(word: str) -> str | None:
    """The singular of ``word`` if it is a plural noun (``MPs`` gives mp), else None."""
    if _ACRONYM_PLURAL.fullmatch(word):
        return word[:-1].lower()
    last = word.lower().rsplit("-", 1)[-1]
    if last in lex.NOT_NOUNS or not lex.is_plural_noun(last):
        return None
    return lex.singularise(last)


def counted_noun(text: str, end: int) -> str | None:
    """The noun a count ending at ``end`` counts, in the singular, or None.

    >>> counted_noun("8.5 million Windows devices", 11), counted_noun("23 grand slam singles titles", 2)
    ('device', 'title')
    """
    pos, found = end, None
    for _ in range(_MAX_NOUN_WORDS):
        m = _WORDS_AHEAD.match(text, pos)
        if not m:
            break
        lower = m.group(1).lower()
        if lower in lex.PHRASE_STOPS or lower in lex.MONTHS:
            break
        singular = _plural_singular(m.group(1))
        if singular is None and found:
            break
        found = singular or found
        pos = m.end()
    return found


def singular_noun(text: str, end: int) -> str | None:
    """The noun counted by ``one`` ending at ``end`` (``one British soldier`` gives soldier).

    None when no noun follows or ``one`` is part of an idiom (``one day``, ``one of``, ``one-off``).
    """
    pos, found = end, None
    for _ in range(3):
        m = _WORDS_AHEAD.match(text, pos)
        if not m or (m.group().lstrip(" \t").startswith("-") and not found):
            break
        word = m.group(1)
        lower = word.lower()
        if lower in lex.PHRASE_STOPS or lower in lex.NOT_NOUNS or lower in lex.ONES:
            break
        if not found and (lower in lex.ONE_IDIOMS or lex.is_plural_noun(lower)):
            return None  # ``one day`` (an idiom), ``one suspects`` (a pronoun)
        if found and (lower.endswith(_VERB_ENDINGS) or lex.is_plural_noun(lower)):
            break
        if not word[0].isupper() or _ACRONYM.fullmatch(word):
            found = lower
        pos = m.end()
    return found


def inherit_nouns(text: str, figures: list[Figure]) -> list[Figure]:
    """Give a count without a noun the noun stated for another count of its sentence.

    ``by 69 votes to 30``: 30 counts votes; ``3 or 4 people``: 3 counts people; ``2,000 jobs
    will go, 500 in Leeds``: 500 jobs; ``12 years in the Army and 3 in the Navy``: 3 years.
    """
    out = list(figures)
    for i in range(len(out) - 1, 0, -1):
        first, second = out[i - 1], out[i]
        if first.kind == "count" and first.unit is None and second.kind == "count" and \
                second.unit and _BARE_JOIN.fullmatch(text[first.end:second.start]):
            out[i - 1] = replace(first, unit=second.unit)
    for i in range(1, len(out)):
        if _is_bare_count(out[i]) and _ELIDED_AFTER.match(text, out[i].end):
            stated = _stated_before(text, out, i)
            if stated is not None:
                out[i] = replace(out[i], unit=stated.unit, kind=stated.kind)
    return out


def _is_bare_count(figure: Figure) -> bool:
    """A whole-number count with no noun (not a fraction, a range or a rank)."""
    value = figure.value
    return figure.kind == "count" and figure.unit is None and isinstance(value, float) and (
        value >= 1 and value == int(value))


def _stated_before(text: str, figures: list[Figure], i: int) -> Figure | None:
    """The figure of the sentence of ``figures[i]`` whose noun it elides: the figure listed
    right before it (``aged 5, 7 and 9``, ``5 or 6``), else the nearest count with a noun, else
    the nearest duration (``12 years in the Army and 3 in the Navy``)."""
    before = []
    for figure in reversed(figures[:i]):
        if _SENTENCE_END.search(text, figure.end, figures[i].start):
            break
        if figure.unit and figure.kind in ("count", "duration") and not isinstance(
                figure.value, tuple):
            before.append(figure)
    if not before:
        return None
    last, join = before[0], text[before[0].end:figures[i].start]
    if last is figures[i - 1] and (_OR_JOIN.fullmatch(join) or (
            join.strip() == "," and not any(c.isalpha() for c in last.text))):
        return last
    return next((f for f in before if f.kind == "count"), before[0])
