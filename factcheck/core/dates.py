"""Dates, times, slashed forms and year spans: ``21 September 2004``, ``10:30``, ``2004-05``.

Each reader is anchored at a position and returns ``(figure or None, end)`` when it reads
something there (None: read but not a figure, such as a decade or ``9/11``), else None. Dates
are ISO strings (``2004-09-21``, ``2004-09``, ``--09-21`` when no year is known); weekdays are
dates only when resolved against the date of publication. Decades (``the 1990s``,
``mid-2020s``) are periods, not figures: they are read and skipped, so that ``1990`` is not
taken for a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.core import numbers as lex
from factcheck.core.types import Figure

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])"
)
_DECADE = re.compile(r"(?:1[89]\d0|20\d0)['’]?s\b")
_YEAR_SPAN = re.compile(r"(?P<a>(?:1[89]|20)\d\d)[-/–](?P<b>(?:1[89]|20)\d\d|\d\d?)(?![\d%])")
_ISO_DATE = re.compile(r"(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_SLASH = re.compile(r"(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:/(?P<c>\d{2,4}))?(?![\d/])")
_TIME = re.compile(
    r"(?P<hh>\d\d)(?P<mm>\d\d)(?=\s?(?:GMT|BST|UTC|CET|EST|EDT|PST|ET|local\s+time|hours|hrs)\b)"
    r"|(?P<h>\d{1,2})(?::(?P<m>\d\d)(?:\s?(?P<ap>[ap])(?:m\b|\.m\.))?|(?:\.(?P<m2>\d\d))?\s?"
    r"(?P<ap2>[ap])(?:m\b|\.m\.))"
)
_DATE_DMY = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)
_DATE_MDY = re.compile(
    rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]?\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)
_DATE_DAY_RANGE = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?=\s?(?:-|–|to|and)\s?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}})(?!\d))?)"
)
_DATE_MY = re.compile(rf"(?P<m>{_MONTH})(?:\s+of)?,?\s+(?P<y>\d{{4}})(?!\d)")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH}")
_WEEKDAY_LEADS = re.compile(r"\b(on|last|next|this|by|since|until|till|from|before|after|early"
                            r"|late|and|or)\s+$")
_YEAR_TEXT = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_BLOCKERS = re.compile(r"\b(?:than|about|around|some|nearly|almost|over|under)\s+$", re.IGNORECASE)
_YEAR_LEADS = re.compile(r"(?:\b(?:the|its|their|his|her|our|this|that|and|or|in|for|since|by"
                         r"|from|until|till|before|after|during|between)|['’]s)\s+$", re.IGNORECASE)
_WORD_AHEAD = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")
_FIRST_YEAR, _LAST_YEAR = 1800, 2099
_FUTURE_DAYS_ALLOWED = 183  # a day-month date further ahead of publication belongs to last year


def _figure(text: str, start: int, end: int, value, unit, kind: str) -> Figure:
    """Build a Figure whose text is ``text[start:end]``."""
    return Figure(start, end, text[start:end], value, unit, kind, "=")


def reads_as_year(text: str, start: int, end: int) -> bool:
    """Whether a plain number is a year: four digits from 1800 to 2099 that do not count things
    (``about 2000``, ``cut 1500 jobs``; but ``the 2004 elections``, ``in 2004`` are years)."""
    if not _YEAR_TEXT.fullmatch(text[start:end].strip()):
        return False
    before = text[max(0, start - 20):start]
    if _YEAR_BLOCKERS.search(before):
        return False
    first = _WORD_AHEAD.match(text, end)
    plural_next = bool(first) and lex.is_plural_noun(first.group(1).lower()) and \
        first.group(1).islower()
    return not plural_next or bool(_YEAR_LEADS.search(before))


def is_year_range(written: str, value: tuple[float, float]) -> bool:
    """Whether a range of plain numbers (``1998 to 2004``) is a range of years."""
    low, high = value
    return bool(_YEAR_TEXT.fullmatch(written.split("-")[0].strip())) and (
        _FIRST_YEAR <= low and high <= _LAST_YEAR)


def is_month_next(text: str, pos: int) -> bool:
    """Whether a month name follows ``pos`` (``6 to 9 January`` is two dates, not a range)."""
    return _MONTH_AFTER.match(text, pos) is not None


def read_date(text: str, start: int, published: date | None):
    """Read ``21 September 2004``, ``Sept. 21``, ``September 21, 2004`` or ``September 2004``."""
    for pattern in (_DATE_DMY, _DATE_DAY_RANGE, _DATE_MDY, _DATE_MY):
        m = pattern.match(text, start)
        if not m:
            continue
        month = lex.MONTHS[m.group("m").rstrip(".").lower()]
        year = int(m.group("y")) if m.group("y") else None
        day = int(m.group("d")) if "d" in m.groupdict() and m.group("d") else None
        iso = _iso_date(year, month, day, published)
        if iso is None:
            continue
        end = m.end() if pattern is not _DATE_DAY_RANGE else m.end("d")
        if m.group("m").endswith(".") and end == m.end("m"):
            end -= 1
        return _figure(text, start, end, iso, None, "date"), end
    return None


def _iso_date(year: int | None, month: int, day: int | None, published: date | None) -> str | None:
    """ISO form of a date: ``2004-09-21``, ``2004-09`` (no day) or ``--09-21`` (no year known)."""
    if day is None:
        return f"{year:04d}-{month:02d}" if year else None
    if year is None and published is not None:
        year = published.year
        try:
            if date(year, month, day) - published > timedelta(days=_FUTURE_DAYS_ALLOWED):
                year -= 1
        except ValueError:
            return None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def read_weekday(text: str, start: int, end: int, published: date | None):
    """Read ``on Wednesday``: the most recent such weekday on or before ``published``."""
    before = _WEEKDAY_LEADS.search(text, max(0, start - 12), start)
    if not before:
        return None, end
    name = text[start:end]
    if published is None:
        return None, end  # a weekday alone is not a figure
    wanted = lex.WEEKDAYS[name.lower()]
    back = (published.weekday() - wanted) % 7
    day = published - timedelta(days=back)
    if before.group(1) == "next":
        day += timedelta(days=7)
    return _figure(text, start, end, day.isoformat(), None, "date"), end


def read_time(text: str, start: int, published: date | None):
    """Read a time of day (``10:30``, ``3pm``, ``10.30am``) as kind ``time``, value ``HH:MM``."""
    m = _TIME.match(text, start)
    if not m or (m.end() < len(text) and text[m.end()].isdigit()):
        return None
    hour = int(m.group("h") or m.group("hh"))
    minute = int(m.group("m") or m.group("m2") or m.group("mm") or 0)
    ampm = m.group("ap") or m.group("ap2")
    if ampm == "p" and hour < 12:
        hour += 12
    if not m.group("hh") and (hour > 24 or minute > 59):
        return None  # a clock time with a zone (``2560 GMT``) is kept even if impossible
    return _figure(text, start, m.end(), f"{hour:02d}:{minute:02d}", None, "time"), m.end()


def read_iso_date(text: str, start: int, published: date | None):
    """Read an ISO date written as such (``2004-09-21``)."""
    m = _ISO_DATE.match(text, start)
    iso = m and _iso_date(int(m.group("y")), int(m.group("m")), int(m.group("d")), None)
    return (_figure(text, start, m.end(), iso, None, "date"), m.end()) if iso else None


def read_slash(text: str, start: int, published: date | None):
    """Read ``21/09/2004`` (a date), ``3/4`` (a fraction) or skip ``9/11``-style names."""
    m = _SLASH.match(text, start)
    if not m:
        return None
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if c:
        day, month = int(a), int(b)
        if month > 12 and day <= 12:
            day, month = month, day
        year = int(c) + (2000 if len(c) == 2 and int(c) < 50 else 1900 if len(c) == 2 else 0)
        iso = _iso_date(year, month, day, None) if month <= 12 else None
        if iso:
            return _figure(text, start, m.end(), iso, None, "date"), m.end()
        return None, m.end()
    if len(a) == 4:
        return None  # a financial year, read by _read_year_span
    if int(b) in range(2, 11) and 0 < int(a) < int(b):
        value = int(a) / int(b)
        return _figure(text, start, m.end(), value, None, "count"), m.end()
    return None, m.end()


def read_year_span(text: str, start: int, published: date | None):
    """Read ``2004-05``, ``1998/99`` (financial years) and ``2004-2006`` as a year range."""
    m = _YEAR_SPAN.match(text, start)
    if m:
        first, second = int(m.group("a")), m.group("b")
        base = 10 ** len(second)
        last = first - first % base + int(second)
        if last < first:
            last += base
        if first < last <= first + 50 and (len(second) == 4 or last == first + 1):
            return _figure(text, start, m.end(), (float(first), float(last)), None, "year"), m.end()
    m = _DECADE.match(text, start)
    if m:
        return None, m.end()  # a decade (``the 1990s``, ``mid-2020s``) is a period, not a figure
    return None
