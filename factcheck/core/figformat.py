"""Writing figures for people: ``£5bn``, ``300,000 soldiers``, ``12%``, ``21 September 2004``.

:func:`format_value` writes a figure's value as a reporter would (the scale and decimals it was
written with, a currency symbol, a unit in the plural); :func:`describe` adds its hedge and
counted noun.
"""

from __future__ import annotations

import re

from factcheck.core import numbers as lex
from factcheck.core.types import Figure

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE_WORD = re.compile(r"(?<=\d)\s?(bn|tn|trn|mn|m|k|(?i:million|billion|trillion))\b")
_ISO = re.compile(r"(?:(?P<y>\d{4})|-)-(?P<m>\d\d)(?:-(?P<d>\d\d))?$")
_SYMBOLS = {"pound": "£", "dollar": "$", "euro": "€", "yen": "¥", "australian dollar": "A$",
            "canadian dollar": "C$", "hong kong dollar": "HK$", "new zealand dollar": "NZ$",
            "singapore dollar": "S$"}
_CHANGE_WORDS = {"~": "about ", ">": "more than ", "<": "less than ", "up": "up ", "down": "down ",
                 "=": ""}
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
_UNIT_SYMBOLS = {"celsius": "C", "fahrenheit": "F"}


def date_parts(figure: Figure) -> tuple[int | None, int | None, int | None] | None:
    """``(year, month, day)`` of a date or year figure, None where unknown."""
    if figure.kind == "year" and not isinstance(figure.value, tuple):
        return int(figure.value), None, None
    if figure.kind != "date" or not isinstance(figure.value, str):
        return None
    m = _ISO.match(figure.value)
    if not m:
        return None
    return (int(m.group("y")) if m.group("y") else None, int(m.group("m")),
            int(m.group("d")) if m.group("d") else None)


def is_fraction(figure: Figure) -> bool:
    """Whether a figure is a fraction or a ratio: a count below 1 with no unit (``a third``)."""
    value = figure.value
    return figure.kind == "count" and figure.unit is None and isinstance(value, float) and (
        0 < value < 1)


def describe(figure: Figure, *, with_unit: bool = True) -> str:
    """A figure with its hedge and counted noun: ``more than 300,000 soldiers``."""
    text = _CHANGE_WORDS.get(figure.change, "") + format_value(figure)
    if with_unit and figure.kind in ("count", "ordinal") and figure.unit:
        one = figure.value == 1 or figure.kind == "ordinal"
        text += " " + (figure.unit if one else lex.pluralise(figure.unit))
    return text


def format_value(figure: Figure) -> str:
    """A figure's value written for people: ``£5bn``, ``300,000``, ``12%``, ``21 September 2004``.

    >>> from factcheck.core.figures import extract_figures
    >>> [format_value(f) for f in extract_figures("£5 billion, 300k, 12 per cent, 50p")]
    ['£5bn', '300,000', '12%', '50p']
    """
    value = figure.value
    if figure.kind in ("date", "time") or isinstance(value, str):
        return _format_date(figure)
    if is_fraction(figure):
        return figure.text.lower()
    if isinstance(value, tuple):
        if figure.kind == "year":
            low, high = int(value[0]), int(value[1])
            return f"{low}-{high % 100:02d}" if high == low + 1 else f"{low}-{high}"
        low, high = (_format_number(figure, float(v)) for v in value)
        shared = _common_suffix(low, high)
        return f"{low[:len(low) - len(shared)]}-{high}" if shared.startswith(" ") else f"{low}-{high}"
    return _format_number(figure, float(value))


def _common_suffix(first: str, second: str) -> str:
    """The longest common ending of two strings (`` days`` of ``10 days`` and ``12 days``)."""
    n = 0
    while n < min(len(first), len(second)) and first[-1 - n] == second[-1 - n]:
        n += 1
    shared = first[len(first) - n:]
    return shared[shared.find(" "):] if " " in shared else ""


def _format_number(figure: Figure, value: float) -> str:
    """Format one numeric value according to the figure's kind and unit."""
    if figure.kind == "year":
        return str(int(value))
    decimals = _written_decimals(figure)
    if figure.kind == "percent":
        unit = " percentage points" if figure.unit == "percentage point" else "%"
        return _plain(value, decimals) + unit
    if figure.kind == "ordinal":
        n = int(value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if figure.kind == "money":
        if figure.unit == "pence":
            return f"{_plain(value)}p"
        symbol = _SYMBOLS.get(figure.unit or "")
        amount = _scaled(value, short=True, decimals=decimals, size=_written_size(figure, decimals))
        return f"{symbol}{amount}" if symbol else f"{amount} {lex.pluralise(figure.unit or '')}"
    if figure.unit in _UNIT_SYMBOLS:
        return f"{_plain(value, decimals)}{_UNIT_SYMBOLS[figure.unit]}"
    if figure.kind in ("duration", "measure") and figure.unit:
        unit = figure.unit if value == 1 else lex.pluralise(figure.unit)
        return f"{_plain(value, decimals)} {unit}"
    return _scaled(value, short=False, decimals=decimals, size=_written_size(figure, decimals))


def _written_size(figure: Figure, decimals: int | None) -> float | None:
    """The scale to write a value in: the one written in the figure, 1 for plain digits
    (``2,000,000`` stays so), None for number words (``two million``: pick by magnitude)."""
    scale = _written_scale(figure)
    return scale if scale is not None or decimals is None else 1.0


def _written_decimals(figure: Figure) -> int | None:
    """How many decimals the figure's first number is written with (None if in words)."""
    digits = _DIGITS.search(figure.text)
    if digits is None:
        return None
    return len(digits.group().split(".")[1]) if "." in digits.group() else 0


def _written_scale(figure: Figure) -> float | None:
    """The scale written in the figure (``bn`` gives 1e9), if any."""
    m = _SCALE_WORD.search(figure.text)
    return lex.SCALES[m.group(1).lower()] if m else None


def _scaled(value: float, *, short: bool, decimals: int | None = None,
            size: float | None = None) -> str:
    """``5000000000`` as ``5bn`` (short) or ``5 billion``; small values with separators.

    ``size`` is the scale the figure was written with, if any; ``decimals`` its decimals.
    """
    for scale, short_word, word in ((1e12, " trillion", " trillion"), (1e9, "bn", " billion"),
                                    (1e6, "m", " million")):
        written = size is not None and size == scale
        round_enough = abs(value / scale * 1000 - round(value / scale * 1000)) < 1e-6
        if written or (size is None and abs(value) >= scale and round_enough):
            return _plain(value / scale, decimals if written else None) + (
                short_word if short else word)
    if value != int(value) and abs(value) < 1e6 and decimals is None:
        return f"{value:,.2f}"
    return _plain(value, decimals)


def _plain(value: float, decimals: int | None = None) -> str:
    """A number with thousands separators; ``decimals`` as written, else none needless."""
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _format_date(figure: Figure) -> str:
    """``2004-09-21`` as ``21 September 2004``; partial dates as far as they are known."""
    parts = date_parts(figure) if figure.kind == "date" else None
    if parts is None:
        return str(figure.value)
    year, month, day = parts
    words = [str(day) if day else "", _MONTH_NAMES[month - 1] if month else "",
             str(year) if year else ""]
    return " ".join(w for w in words if w)
