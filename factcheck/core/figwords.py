"""Figures led by a word: fractions, ratios, ordinals, ``a dozen``, ``half a mile``.

Fractions and ratios are counts whose value is the fraction and whose unit is None:
``two-thirds`` 0.667, ``a fifth`` 0.2, ``half of the staff`` 0.5, ``one in eight adults`` 0.125.
The noun after ``of`` (``a third of voters``) names the whole being divided, not what is
counted, so it is not the unit. ``half a``/``half an`` before a unit halves it (``half a mile``
0.5 mile, ``half an hour`` 0.5 hour) and before a scale multiplies it (``half a million``).
Ordinals keep their rank as value and have no unit (``the 14th consecutive increase``).
"""

from __future__ import annotations

import re

from factcheck.core import numbers as lex
from factcheck.core.dates import is_month_next
from factcheck.core.fignames import is_name_number
from factcheck.core.hedges import read_change
from factcheck.core.nouns import counted_noun
from factcheck.core.types import Figure
from factcheck.core.units import read_suffix

_FRACTION_WORDS = "|".join(sorted(lex.FRACTIONS, key=len, reverse=True))
_FRACTION_AFTER = re.compile(rf"(?P<sep>[\s-])(?P<f>(?i:{_FRACTION_WORDS}))\b(?P<of>\s+of\b)?")
_ORDINAL_AFTER = re.compile(
    r"[\s-](" + "|".join(sorted(lex.ORDINALS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_A_SCALE_BEFORE = re.compile(r"(?i:\b(?:(?P<half>half)\s+)?(?:a|an|one)\s+)$")
_A_OR_ONE_BEFORE = re.compile(r"\b(?P<a>[Aa]|[Oo]ne)[\s-]$")
_SHARE_CUE = re.compile(r"\b(?:by|than|nearly|almost|about|around|roughly|over|under|just|only"
                        r"|some|least|most)\s+(?:a|one)[\s-]$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
_HALF_WHOLE = re.compile(r"\s+(?:of|the|its|their|his|her|our|all|those|these|this|that)\b")
_HALF_A = re.compile(r"\s+an?\b")
_HALF_BLOCKERS = re.compile(r"\b(?:first|second|third|fourth|final|last|other|a|and|the"
                            r"|in|one|each)\s+$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_RATIO_IN = re.compile(r"\s+in\s+(?:every\s+)?")
_A_SCALE = re.compile(r"an?\s+(hundred|thousand|million)\b")
_SCALE_WORDS = ("dozen", "hundred", "thousand", "million", "billion", "trillion")
_SCALE_AFTER = re.compile(r"\s+(" + "|".join(_SCALE_WORDS) + r")\b")
_MAX_FRACTION_NUMERATOR = 10
_MAX_RATIO_BASE = 1e7
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _figure(text: str, start: int, end: int, value, unit, kind: str) -> Figure:
    """Build a Figure whose text is ``text[start:end]``, with its hedge or direction."""
    change = read_change(text, start, end, kind)
    return Figure(start, end, text[start:end], value, unit, kind, change)


def read_word_figure(text: str, start: int, word_end: int):
    """Read a figure led by a word at ``start``: ``(figure or None, end)``, or None."""
    word = text[start:word_end].lower()
    if text[start].isupper() and is_name_number(text, start, True):
        return None, word_end
    if word in lex.ORDINALS:
        return _read_ordinal_word(text, start, word_end)
    if word in ("half", "quarter"):
        return _read_half(text, start, word_end) if word == "half" else _read_share(
            text, start, word_end)
    if word in _SCALE_WORDS:
        before = _A_SCALE_BEFORE.search(text, max(0, start - 12), start)
        if not before:
            return None, word_end
        return _read_a_scale(text, before.start(), start, word_end, bool(before.group("half")))
    return read_ratio(text, start) or _read_cardinal_word(text, start)


def _read_a_scale(text: str, first: int, start: int, end: int, half: bool):
    """``a dozen``, ``a million``, ``half a million`` (scale word at ``start``..``end``)."""
    word = text[start:end].lower()
    value = (0.5 if half else 1.0) * (12.0 if word == "dozen" else lex.SCALES[word])
    unit, kind, end = read_suffix(text, end, None)
    if kind is None:
        kind, unit = "count", counted_noun(text, end)
    return _figure(text, first, end, value, unit, kind), end


def _read_cardinal_word(text: str, start: int):
    """``two-thirds``, ``three quarters of`` (fractions) and ``twenty-first`` (an ordinal)."""
    cardinal = lex.read_number_words(text, start)
    if not cardinal:
        return None
    value, end, _, _ = cardinal
    frac = _FRACTION_AFTER.match(text, end)
    if frac and value <= _MAX_FRACTION_NUMERATOR and (frac.group("sep") == "-" or frac.group("of")):
        share = value * lex.FRACTIONS[frac.group("f").lower()]
        return _figure(text, start, frac.end("f"), share, None, "count"), frac.end("f")
    ordinal = _ORDINAL_AFTER.match(text, end)
    if ordinal and value in lex.TENS.values() and lex.ORDINALS[ordinal.group(1).lower()] < 10:
        value += lex.ORDINALS[ordinal.group(1).lower()]
        return _figure(text, start, ordinal.end(), value, None, "ordinal"), ordinal.end()
    return None


_DIGIT_FRACTION = re.compile(rf"(?P<n>[1-9])-(?P<f>(?i:{_FRACTION_WORDS}))\b")


def read_digit_fraction(text: str, start: int):
    """``2-thirds``, ``3-quarters``: a fraction with its numerator in digits (count, no unit)."""
    m = _DIGIT_FRACTION.match(text, start)
    if not m:
        return None
    share = int(m.group("n")) * lex.FRACTIONS[m.group("f").lower()]
    return _figure(text, start, m.end(), share, None, "count"), m.end()


def _read_ordinal_word(text: str, start: int, end: int):
    """``third`` as an ordinal, or ``a third of``/``by a third`` as a fraction."""
    word = text[start:end].lower()
    if word in lex.FRACTIONS:
        share = _read_share(text, start, end)
        if share[0] is not None:
            return share
    return _figure(text, start, end, float(lex.ORDINALS[word]), None, "ordinal"), end


def _read_share(text: str, start: int, end: int):
    """``a third of``, ``one fifth of``, ``a quarter of``, ``by a quarter``: a fraction."""
    before = _A_OR_ONE_BEFORE.search(text, max(0, start - 6), start)
    if not before:
        return None, end
    cue = _SHARE_CUE.search(text, max(0, start - 20), start)
    if not (_OF_AFTER.match(text, end) or cue):
        return None, end
    share = lex.FRACTIONS[text[start:end].lower()]
    return _figure(text, before.start(), end, share, None, "count"), end


def _read_half(text: str, start: int, end: int):
    """``half of``, ``half the`` (0.5), ``half a mile`` (0.5 mile), ``half a million``."""
    if _HALF_BLOCKERS.search(text, max(0, start - 12), start) or text.startswith("-", end):
        return None, end
    article = _HALF_A.match(text, end)
    if article:
        scale = _SCALE_AFTER.match(text, article.end())
        if scale:
            return _read_a_scale(text, start, scale.start(1), scale.end(1), True)
        unit, kind, unit_end = read_suffix(text, article.end(), None)
        if kind in ("measure", "duration", "money", "percent"):
            return _figure(text, start, unit_end, 0.5, unit, kind), unit_end
        return _figure(text, start, end, 0.5, None, "count"), end
    if _HALF_WHOLE.match(text, end) or _BY_BEFORE.search(text, max(0, start - 5), start):
        return _figure(text, start, end, 0.5, None, "count"), end
    return None, end


def read_ratio(text: str, start: int):
    """``one in eight``, ``1 in 10``, ``one in a million``: a count whose value is the ratio."""
    first = lex.read_number(text, start)
    if not first or first[2] or first[0] < 1 or first[0] != int(first[0]):
        return None
    join = _RATIO_IN.match(text, first[1])
    if not join:
        return None
    a_scale = _A_SCALE.match(text, join.end())
    if a_scale:
        base, end = lex.SCALES[a_scale.group(1)], a_scale.end()
    else:
        second = lex.read_number(text, join.end())
        if not second or _YEAR.fullmatch(text[join.end():second[1]]):
            return None
        base, end = second[0], second[1]
    if not first[0] < base <= _MAX_RATIO_BASE or read_suffix(text, end, None)[1] or \
            is_month_next(text, end):
        return None
    return _figure(text, start, end, first[0] / base, None, "count"), end
