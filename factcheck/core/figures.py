"""Figure extraction: counts, money, percentages, dates, years, ordinals, durations and measures.

:func:`extract_figures` scans the tokens of a text for places where a figure may start (a digit,
a currency sign or code, a number word, a month or weekday name), then reads the figure there
with small anchored readers: dates, times, slashed forms and year spans first
(:mod:`~factcheck.core.dates`), then ratios, fractions and ordinals written in words
(:mod:`~factcheck.core.figwords`), then quantities ([minus] [currency] number [range] [scale]
[percent, currency word or unit]). Units are read by :mod:`~factcheck.core.units`, counted
nouns by :mod:`~factcheck.core.nouns`, hedges by :mod:`~factcheck.core.hedges`; numbers that
are names, labels, addresses or multipliers are skipped (:mod:`~factcheck.core.fignames`).
Comparison rules live in :mod:`factcheck.core.figcompare`.

Ages are durations in years (``a 26-year-old``, ``aged 21``, ``The king, 75, said``); a
negative number keeps its sign (``minus 12 degrees Celsius``, ``-3C``).
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.core import dates, units
from factcheck.core import numbers as lex
from factcheck.core.fignames import (
    formation_end,
    is_emergency_number,
    is_label_number,
    is_name_number,
    multiplier_end,
    names_organisation,
)
from factcheck.core.figwords import read_digit_fraction, read_ratio, read_word_figure
from factcheck.core.hedges import read_change
from factcheck.core.nouns import counted_noun, inherit_nouns, singular_noun
from factcheck.core.patterns import alternation
from factcheck.core.ranges import read_range
from factcheck.core.types import Figure

_DIGIT_START = re.compile(r"(?:(?<![\w.,/:-])|(?<=\d[-–])|(?<=\b(?:mid|pre)-)|(?<=\bpost-)"
                          r"|(?<=\s[-−])|(?<=^[-−])|(?<=\([-−]))\d")
_MONTH_NAMES = frozenset(k.capitalize() for k in lex.MONTHS) | {"Sept"}
_WEEKDAY_NAMES = frozenset(k.capitalize() for k in lex.WEEKDAYS)
_WORD_TRIGGERS = frozenset([*lex.ONES, *lex.TENS, *lex.ORDINALS, "dozen", "hundred", "thousand",
                            "million", "billion", "trillion", "half", "quarter"])
#: The tokens a figure may start at (what ``_trigger_kind`` may accept): a run of digits, a
#: currency sign, or a whole word of those lists; every other word is skipped by the regex
#: engine rather than looked at here.
_TRIGGER_WORDS = alternation(units.CUR_TOKENS | _MONTH_NAMES | _WEEKDAY_NAMES)
_TRIGGER_TOKEN = re.compile(
    rf"\d+|[$£€¥]|(?<![A-Za-z])(?:{_TRIGGER_WORDS}|(?i:{alternation(_WORD_TRIGGERS)}))(?![A-Za-z])")
_ORD_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?0\d{2,5}\)?(?:[\s.-]?\d{3,4}){1,2}(?!\d)|0\d+")
_METRES = re.compile(r"(?<=\d)m[ \t]+([A-Za-z]+)(?:[ \t]+([a-z]+))?")
_WORDS_AHEAD = re.compile(r"(?:[ \t]*-?[ \t]*)([A-Za-z]+(?:-[A-Za-z]+)*)")
_MODEL_RUN = re.compile(r"[\w/-]*")
_MINUS_BEFORE = re.compile(r"(?:(?<!\bor )\bminus[ \t]+|(?:^|(?<=[\s(]))[-−])$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age\s+of)\s+(?:between\s+)?$", re.IGNORECASE)
_APPOSITION = re.compile(r"(?<!\b[Ii]n )(?<!\b[Aa]t )(?<!\b[Ff]rom )(?<!\b[Tt]o )"
                         r"\b(?P<word>[A-Za-z][\w'’-]*),[ \t]+$")
_NOT_AFTER_AGE = re.compile(r",[ \t]*(?:and|or|but|while|with|the|a|an|in|on|at|\d)\b")
_NUMBER_BEFORE = re.compile(r"\bnumber[ \t]+$")
_TIMES_AFTER = re.compile(r"[ \t]+times\b")
_ONE_EXCLUDED = re.compile(r"\b(?:no|any|every|the|this|that|which|each|a|by|as)[ \t]+$",
                           re.IGNORECASE)
_QUANTITY_LEADS = re.compile(r"\b(?:for|in|within|than|only|just|over|after|of|lasted|lasts"
                             r"|took|takes|spent|about|nearly|least|per)[ \t]+$", re.IGNORECASE)
_LOOKBACK = 40
_MAX_AGE = 120


def extract_figures(text: str, *, published: date | None = None) -> list[Figure]:
    """Return the figures stated in ``text``, sorted by start and non-overlapping.

    ``published`` (the date of the text) completes dates written without a year and resolves
    weekdays (``on Wednesday``) to the most recent such day on or before it.

    >>> [(f.text, f.value, f.unit, f.kind) for f in extract_figures("Sales rose 12% to £5bn.")]
    [('12%', 12.0, 'percent', 'percent'), ('£5bn', 5000000000.0, 'pound', 'money')]
    """
    figures: list[Figure] = []
    pos = 0
    for token in _TRIGGER_TOKEN.finditer(text):
        start, end = token.span()
        if start < pos:
            continue
        kind = _trigger_kind(text, token)
        found = kind and _read_at(text, kind, start, end, published)
        if not found:
            continue
        figure, found_end = found
        if figure is not None:
            figures.append(figure)
        pos = max(found_end, end)
    return inherit_nouns(text, figures)


def _trigger_kind(text: str, token: re.Match) -> str | None:
    """What kind of figure may start at a token: cur, digit, month, weekday, word, or None."""
    tok, start = token.group(), token.start()
    first = tok[0]
    if first.isdigit():
        return "digit" if _DIGIT_START.match(text, start) else None
    if first in "$£€¥" or tok in units.CUR_TOKENS:
        return "cur" if units.CUR_START.match(text, start) else None
    if tok in _MONTH_NAMES:
        return "month"
    if tok in _WEEKDAY_NAMES:
        return "weekday"
    if tok.lower() in _WORD_TRIGGERS:
        return "word"
    return None


def _read_at(text: str, kind: str, start: int, end: int, published: date | None):
    """Read the figure starting at a trigger; return ``(figure or None, end)`` or None."""
    if kind == "month":
        return dates.read_date(text, start, published)
    if kind == "weekday":
        return dates.read_weekday(text, start, end, published)
    if kind == "digit":
        return _read_digits(text, start, published)
    if kind == "word":
        found = read_word_figure(text, start, end)
        if found:
            return found
    return _read_quantity(text, start)


def _read_digits(text: str, start: int, published: date | None):
    """Read what starts with a digit: a date, time or year span, a phone number, a formation,
    an ordinal (``21st``), a ratio (``1 in 10``) or a quantity."""
    for reader in (dates.read_date, dates.read_iso_date, dates.read_time, dates.read_slash,
                   dates.read_year_span):
        found = reader(text, start, published)
        if found:
            return found
    if text[start] == "0" and _PHONE.match(text, start) and not text.startswith("0.", start):
        return None, _PHONE.match(text, start).end()
    skip = formation_end(text, start)
    if skip:
        return None, skip
    ordinal = _ORD_DIGITS.match(text, start)
    if ordinal:
        value = float(re.sub(r"\D", "", ordinal.group()))
        return _figure(text, start, ordinal.end(), value, None, "ordinal"), ordinal.end()
    return read_ratio(text, start) or read_digit_fraction(text, start) or _read_quantity(text, start)


def _figure(text: str, start: int, end: int, value, unit, kind: str, change: str = "=") -> Figure:
    """Build a Figure whose text is ``text[start:end]``."""
    return Figure(start, end, text[start:end], value, unit, kind, change)


# --- quantities: counts, money, percentages, durations, measures, years -----------------------


def _read_quantity(text: str, start: int):
    """Read a quantity at ``start``: [currency] number [range] [scale] [%, unit, currency word]."""
    cur = units.CUR_PREFIX.match(text, start)
    num_pos = cur.end() if cur else start
    number = lex.read_number(text, num_pos, money=bool(cur))
    if not number:
        return None
    value, end, scaled, words = number
    if not cur and _is_metres(text, end):
        return _finish(text, start, end, value / lex.SCALES["m"], "metre", "measure")
    if words and not scaled and text[num_pos:end].lower() == "one":
        return _read_one(text, start, end)
    value, end, is_range = read_range(text, start, cur, value, end, scaled=scaled, words=words)
    unit, kind, end = units.read_suffix(text, end, cur)
    if kind is None and not scaled and not cur:
        skip = _skip_bare(text, start, end, words)
        if skip is not None:
            return None, skip
    if kind is None:
        kind, value, unit = _classify_plain(text, start, end, value, scaled, is_range)
        if kind is None:
            return None, end
    return _finish(text, start, end, value, unit, kind)


def _read_one(text: str, start: int, end: int):
    """``one`` is a figure before a unit (``one year``, ``one million``) or a counted noun
    (``one person``), not in idioms (``no one``, ``one of them``, ``one day he left``)."""
    before = text[max(0, start - 12):start]
    idiom = _WORDS_AHEAD.match(text, end)
    if _ONE_EXCLUDED.search(before) or (idiom and idiom.group(1).lower() in lex.ONE_IDIOMS
                                        and not _QUANTITY_LEADS.search(before)):
        return None, end
    unit, kind, unit_end = units.read_suffix(text, end, None)
    if kind is not None:
        return _finish(text, start, unit_end, 1.0, unit, kind)
    noun = singular_noun(text, end)
    return _finish(text, start, end, 1.0, noun, "count") if noun else (None, end)


def _skip_bare(text: str, start: int, end: int, words: bool) -> int | None:
    """Where to resume when a bare number is not a figure (a name, a model code such as ``3G``,
    a multiplier such as ``three times as many``), else None."""
    if is_name_number(text, start, words):
        return _skip_token(text, end)
    if end < len(text) and text[end].isalnum():
        return _skip_token(text, end)
    return multiplier_end(text, end)


def _finish(text: str, start: int, end: int, value, unit, kind: str):
    """Build the figure with its sign, its reading as an age or a rank, and its hedge."""
    if kind in ("count", "duration") and _is_age(text, start, end, value, unit):
        kind, unit = "duration", "year"
    elif kind == "count" and unit is None and _NUMBER_BEFORE.search(text, max(0, start - 8), start):
        kind = "ordinal"
    elif kind == "count" and not isinstance(value, tuple) and (
            (unit is None and is_label_number(text, start, end))
            or is_emergency_number(text, start)):
        return None, end
    sign = _MINUS_BEFORE.search(text, max(0, start - 8), start)
    if sign and kind not in ("year", "ordinal") and not isinstance(value, tuple):
        start, value = sign.start(), -value
    return _figure(text, start, end, value, unit, kind, read_change(text, start, end, kind)), end


def _is_age(text: str, start: int, end: int, value, unit) -> bool:
    """Whether a number is an age: ``aged 21``, ``aged 18 to 24``, ``The king, 75, said``."""
    if unit not in (None, "year"):
        return False
    if _AGE_BEFORE.search(text, max(0, start - 20), start):
        return True
    return unit is None and _is_apposed_age(text, start, end, value)


def _is_apposed_age(text: str, start: int, end: int, value) -> bool:
    """``The king, 75, said``: a whole number up to 120 between commas right after a noun (not
    after a place: ``in Leeds, 40,``; not in a list: ``Smith, 70, and Jones``)."""
    if not isinstance(value, float) or not (0 < value <= _MAX_AGE and value == int(value)):
        return False
    if not text.startswith(",", end) or _NOT_AFTER_AGE.match(text, end):
        return False
    m = _APPOSITION.search(text, max(0, start - _LOOKBACK), start)
    return bool(m) and m.group("word").lower() not in lex.PHRASE_STOPS


def _is_metres(text: str, end: int) -> bool:
    """Whether a bare ``200m`` ending at ``end`` is metres (``200m hurdles``), not millions."""
    m = _METRES.match(text, end - 1)
    return bool(m) and (m.group(1).lower() in units.METRE_CONTEXT
                        or m.group(2) in units.METRE_CONTEXT)


def _classify_plain(text: str, start: int, end: int, value, scaled: bool, is_range: bool):
    """Kind, value and unit of a number with no currency, percent or unit: year or count.

    The kind is None for a year-like number naming an organisation (``the 1922 Committee``).
    """
    written = text[start:end]
    noun = counted_noun(text, end) or ("time" if _TIMES_AFTER.match(text, end) else None)
    if is_range:
        return ("year" if dates.is_year_range(written, value) else "count"), value, noun
    if not scaled and dates.reads_as_year(text, start, end):
        return (None if names_organisation(text, end) else "year"), value, None
    return "count", value, noun


def _skip_token(text: str, end: int) -> int:
    """The end of the alphanumeric run at ``end`` (a model code such as ``3G`` or ``4x4``)."""
    return _MODEL_RUN.match(text, end).end()
