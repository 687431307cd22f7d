"""Ranges: ``10-12``, ``10 to 12``, ``between 10 and 12``, ``$5-6bn``.

A number followed by a dash, ``to`` or ``and`` (after ``between``) and a second, larger number
of the same kind is a range ``(low, high)``. A dash alone makes a range only when a unit,
percent, scale or plural noun follows the second number: ``6-3`` and ``272-219`` are scores or
votes. ``from 10 to 12`` and ``rose to 12`` are two figures, and ``6 to 9 January`` two dates.
"""

from __future__ import annotations

import re

from factcheck.core import numbers as lex
from factcheck.core.dates import is_month_next
from factcheck.core.hedges import CHANGE_BEFORE, LOOKBACK
from factcheck.core.nouns import counted_noun
from factcheck.core.units import CUR_PREFIX, read_suffix

_RANGE_JOIN = re.compile(r"\s?[-–—]\s?|\s+to\s+|\s+and\s+")
_SCALE_IN = re.compile(r"(?<=\d)\s?(bn|tn|trn|mn|m|k|thousand|million|billion|trillion|lakh|crore)\b")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+){0,2}$")
_WORD = re.compile(r"[A-Za-z]+")


def read_range(text: str, start: int, cur, low: float, end: int, *, scaled: bool, words: bool):
    """Extend a number to a range (``10-12``, ``10 to 12``, ``between 10 and 12``) if one follows."""
    join = _RANGE_JOIN.match(text, end)
    if not join:
        return low, end, False
    word = join.group().strip()
    before = text[max(0, start - LOOKBACK):start].lower()
    if word in "-–—" and not (cur or scaled or _range_marked(text, join.end())):
        return low, end, False
    if word == "and" and not before.rstrip().endswith("between"):
        return low, end, False
    if word == "to" and (_FROM_BEFORE.search(before) or CHANGE_BEFORE.search(before)):
        return low, end, False
    pos = join.end()
    cur2 = CUR_PREFIX.match(text, pos)
    if cur2 and (not cur or cur2.group("cur") != cur.group("cur")):
        return low, end, False
    num_pos = cur2.end() if cur2 else pos
    second = lex.read_number(text, num_pos, money=bool(cur))
    if not second or second[3] != words:
        return low, end, False
    high, end2, scaled2, _ = second
    if scaled2 and not scaled:
        low *= _scale_of(text[num_pos:end2])
    if not low < high or is_month_next(text, end2):
        return low, end, False
    return (low, high), end2, True


def _range_marked(text: str, pos: int) -> bool:
    """Whether the number at ``pos`` ends a range: a unit, percent or plural noun follows it.

    Without one, ``6-3`` or ``272-219`` are scores or votes, not ranges.
    """
    second = lex.read_number(text, pos)
    if not second or second[3]:
        return bool(_WORD.match(text, pos))
    end = second[1]
    return bool(second[2] or read_suffix(text, end, None)[1] or counted_noun(text, end))


def _scale_of(written: str) -> float:
    """The scale multiplier written in a number (``1.2bn`` gives 1e9; ``12`` gives 1)."""
    m = _SCALE_IN.search(written)
    return lex.SCALES[m.group(1)] if m else 1.0
