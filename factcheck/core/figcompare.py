"""Comparing a draft's figure with a source's figure, and writing figures for people.

Two figures agree when the values they allow overlap. A figure allows the values that round to
it at the precision it is written with (``1.2 million`` allows 1,150,000 to 1,250,000; ``29.6%``
allows 29.55 to 29.65) and widened by its hedge: ``about``/``nearly`` allow a margin around it,
``more than`` everything above, ``less than``/``up to`` everything below. Formats are normalised
first (``300k`` = ``300,000`` = ``three hundred thousand``; ``50p`` = ``£0.50``; ``18 months`` =
``1.5 years``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.core import numbers as lex
from factcheck.core.types import Figure

#: Margin allowed by ``about``/``nearly``/``some``, as a share of the value.
APPROX_TOLERANCE = 0.10
_NUMERIC_KINDS = ("count", "money", "percent", "ordinal", "duration", "measure", "year")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE_WORD = re.compile(r"(?<=\d)\s?(bn|tn|trn|mn|m|k|million|billion|trillion)\b")
_YEAR_PART = re.compile(r"\d{4}")
_MONTH_PART = re.compile(r"[A-Z][a-z]+\.?|(?<=/)\d{1,2}(?=/)")
_DAY_PART = re.compile(r"(?<![\d/])\d{1,2}(?:st|nd|rd|th)?(?![\d/])|^\d{1,2}(?=/)")
_ISO = re.compile(r"(?:(?P<y>\d{4})|-)-(?P<m>\d\d)(?:-(?P<d>\d\d))?$")
_SYMBOLS = {"pound": "£", "dollar": "$", "euro": "€", "yen": "¥", "australian dollar": "A$",
            "canadian dollar": "C$", "hong kong dollar": "HK$", "new zealand dollar": "NZ$",
            "singapore dollar": "S$"}
_CHANGE_WORDS = {"~": "about ", ">": "more than ", "<": "less than ", "up": "up ", "down": "down ",
                 "=": ""}
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on a draft figure against a source figure.

    ``agrees`` is None when the two cannot be compared (other kind or unit). ``start``/``end``
    point at the part of the draft figure that differs (the year of a date, one end of a range),
    or the whole figure.
    """

    agrees: bool | None
    reason: str
    start: int
    end: int


def compare_figures(draft: Figure, source: Figure) -> Comparison:
    """Compare a draft figure with the source figure it claims to report.

    >>> from factcheck.core.figures import extract_figures
    >>> d, s = extract_figures("250,000 soldiers")[0], extract_figures("300,000 soldiers")[0]
    >>> compare_figures(d, s).reason
    'The source gives 300,000 soldiers, not 250,000.'
    """
    span = (draft.start, draft.end)
    if draft.kind in ("date", "time") or source.kind in ("date", "time"):
        return _compare_dates(draft, source)
    if not _comparable(draft, source):
        return Comparison(None, _not_comparable(draft, source), *span)
    agrees = _values_agree(draft, source)
    if agrees:
        reason = f"The source gives {describe(source)}, as the draft does ({describe(draft)})."
        return Comparison(True, reason, *span)
    reason = f"The source gives {describe(source)}, not {describe(draft, with_unit=False)}."
    return Comparison(False, reason, *_differing_span(draft, source))


def _comparable(draft: Figure, source: Figure) -> bool:
    """Same kind and unit (after converting pence to pounds and durations to days)."""
    if draft.kind != source.kind or draft.kind not in _NUMERIC_KINDS:
        return False
    d_unit, s_unit = _base_unit(draft)[0], _base_unit(source)[0]
    if draft.kind in ("count", "ordinal") and (d_unit is None or s_unit is None):
        return True
    return d_unit == s_unit


def _base_unit(figure: Figure) -> tuple[str | None, float]:
    """The unit figures are compared in, and the factor converting this figure's unit to it."""
    if figure.kind == "money" and figure.unit in lex.MINOR_UNITS:
        major, per = lex.MINOR_UNITS[figure.unit]
        return major, 1 / per
    if figure.kind == "duration" and figure.unit in lex.DURATION_UNITS:
        return "day", lex.DURATION_UNITS[figure.unit]
    return figure.unit, 1.0


def resolution(figure: Figure) -> float:
    """The precision a figure is written with, in its own unit (``1.2 million`` gives 100,000).

    >>> from factcheck.core.figures import extract_figures
    >>> [resolution(f) for f in extract_figures("1.2 million, 29.6%, 300k, three")]
    [100000.0, 0.1, 1000.0, 1.0]
    """
    low = figure.value[0] if isinstance(figure.value, tuple) else figure.value
    digits = _DIGITS.search(figure.text)
    if digits is None:
        return _word_resolution(float(low))
    written = digits.group().replace(",", "")
    decimals = len(written.split(".")[1]) if "." in written else 0
    number = float(written)
    scale = abs(low) / number if number else 1.0
    if scale < 1 - 1e-9:
        return 1e-9  # a fraction such as 3/4: exact
    return round(10.0 ** -decimals * scale, 12)


def _word_resolution(value: float) -> float:
    """Precision of a number written in words: its lowest non-zero digit (``300,000`` -> 100,000)."""
    if value != int(value):
        return 1e-9
    place, v = 1.0, abs(int(value))
    while v and v % 10 == 0:
        v //= 10
        place *= 10
    return place


def _interval(figure: Figure, change: str) -> tuple[float, float]:
    """The values a figure allows, in its base unit, given its hedge."""
    factor = _base_unit(figure)[1]
    low, high = figure.value if isinstance(figure.value, tuple) else (figure.value,) * 2
    low, high, half = low * factor, high * factor, resolution(figure) * factor / 2
    if change == "~":
        margin = max(half, APPROX_TOLERANCE * abs(high))
        return low - margin, high + margin
    if change == ">":
        return low, math.inf
    if change == "<":
        return -math.inf, high
    return low - half, high + half


def _values_agree(draft: Figure, source: Figure) -> bool:
    """Whether the two figures' allowed values overlap (hedges and rounding respected)."""
    if {draft.change, source.change} == {"up", "down"}:
        return False
    same_hedge = draft.change == source.change
    d_change = "=" if same_hedge or draft.change in ("up", "down") else draft.change
    s_change = "=" if same_hedge or source.change in ("up", "down") else source.change
    if draft.kind == "year":
        d_change = s_change = "="
    if isinstance(draft.value, tuple) and isinstance(source.value, tuple):
        return all(_overlap(_interval(_end_of(draft, i), d_change),
                            _interval(_end_of(source, i), s_change)) for i in (0, 1))
    return _overlap(_interval(draft, d_change), _interval(source, s_change)) or _same_value(
        draft, source)


def _end_of(figure: Figure, index: int) -> Figure:
    """One end of a range figure, as a figure of its own (for end-by-end comparison)."""
    return Figure(figure.start, figure.end, figure.text, figure.value[index], figure.unit,
                  figure.kind, figure.change)


def _overlap(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """Whether two intervals share more than a boundary point."""
    d_low, d_high = first
    s_low, s_high = second
    scale = max(abs(d_low), abs(d_high), abs(s_low), abs(s_high), 1.0)
    epsilon = 1e-9 * (scale if math.isfinite(scale) else 1.0)
    return max(d_low, s_low) < min(d_high, s_high) - epsilon


def _same_value(draft: Figure, source: Figure) -> bool:
    """Whether both figures state exactly the same value in the same base unit."""
    d_factor, s_factor = _base_unit(draft)[1], _base_unit(source)[1]
    d = draft.value if isinstance(draft.value, tuple) else (draft.value,)
    s = source.value if isinstance(source.value, tuple) else (source.value,)
    return len(d) == len(s) and all(
        math.isclose(a * d_factor, b * s_factor, rel_tol=1e-9) for a, b in zip(d, s))


def _differing_span(draft: Figure, source: Figure) -> tuple[int, int]:
    """The part of the draft figure that differs: one end of a range, else the whole figure."""
    if not isinstance(draft.value, tuple):
        return draft.start, draft.end
    numbers = list(_DIGITS.finditer(draft.text))
    if len(numbers) != 2:
        return draft.start, draft.end
    s_low, s_high = source.value if isinstance(source.value, tuple) else (source.value,) * 2
    factor = _base_unit(source)[1] / _base_unit(draft)[1]
    low_ok = math.isclose(draft.value[0], s_low * factor, rel_tol=1e-9)
    high_ok = math.isclose(draft.value[1], s_high * factor, rel_tol=1e-9)
    if low_ok != high_ok:
        m = numbers[0] if high_ok else numbers[1]
        return draft.start + m.start(), draft.start + m.end()
    return draft.start, draft.end


# --- dates --------------------------------------------------------------------------------------


def _date_parts(figure: Figure) -> tuple[int | None, int | None, int | None] | None:
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


def _compare_dates(draft: Figure, source: Figure) -> Comparison:
    """Compare dates (and a date with a year) on the parts both of them state."""
    span = (draft.start, draft.end)
    if draft.kind == source.kind == "time" or (
            draft.kind == source.kind == "date" and _date_parts(draft) is None):
        agrees = str(draft.value).lower() == str(source.value).lower()
        return Comparison(agrees, _date_reason(draft, source, agrees), *span)
    d, s = _date_parts(draft), _date_parts(source)
    if d is None or s is None:
        return Comparison(None, _not_comparable(draft, source), *span)
    shared = [(a, b) for a, b in zip(d, s) if a is not None and b is not None]
    if not shared:
        return Comparison(None, _not_comparable(draft, source), *span)
    agrees = all(a == b for a, b in shared)
    if not agrees:
        span = _differing_date_part(draft, d, s)
    return Comparison(agrees, _date_reason(draft, source, agrees), *span)


def _differing_date_part(draft: Figure, mine: tuple, theirs: tuple) -> tuple[int, int]:
    """The year, month or day of a draft date when only that part differs, else the whole date."""
    differing = [i for i, (a, b) in enumerate(zip(mine, theirs))
                 if a is not None and b is not None and a != b]
    if len(differing) != 1 or draft.kind != "date":
        return draft.start, draft.end
    pattern = (_YEAR_PART, _MONTH_PART, _DAY_PART)[differing[0]]
    m = pattern.search(draft.text)
    return (draft.start + m.start(), draft.start + m.end()) if m else (draft.start, draft.end)


def _date_reason(draft: Figure, source: Figure, agrees: bool) -> str:
    """A reporter's sentence about two dates."""
    if agrees:
        return f"The source gives {format_value(source)}, as the draft does ({format_value(draft)})."
    return f"The source gives {format_value(source)}, not {format_value(draft)}."


# --- writing figures ----------------------------------------------------------------------------


def _not_comparable(draft: Figure, source: Figure) -> str:
    """Why two figures cannot be compared: what each one measures."""
    return (f"The draft's {describe(draft)} ({_measures(draft)}) cannot be compared with the "
            f"source's {describe(source)} ({_measures(source)}).")


def _measures(figure: Figure) -> str:
    """What a figure measures, for messages: its unit in the plural, else its kind."""
    if figure.kind in ("money", "measure", "duration", "count") and figure.unit:
        return lex.pluralise(figure.unit)
    return "percentage points" if figure.unit == "percentage point" else figure.kind


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
    return lex.SCALES[m.group(1)] if m else None


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
    parts = _date_parts(figure) if figure.kind == "date" else None
    if parts is None:
        return str(figure.value)
    year, month, day = parts
    words = [str(day) if day else "", _MONTH_NAMES[month - 1] if month else "",
             str(year) if year else ""]
    return " ".join(w for w in words if w)
