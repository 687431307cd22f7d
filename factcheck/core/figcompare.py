"""Comparing a draft's figure with a source's figure (figures are written by :mod:`figformat`).

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
from factcheck.core import units
from factcheck.core.figformat import date_parts, describe, format_value, is_fraction
from factcheck.core.labels import LABEL
from factcheck.core.types import Figure

__all__ = ["APPROX_TOLERANCE", "Comparison", "compare_figures", "describe", "format_value",
           "resolution"]

#: Margin allowed by ``about``/``nearly``/``some``, as a share of the value.
APPROX_TOLERANCE = 0.10
_NUMERIC_KINDS = ("count", "money", "percent", "ordinal", "duration", "measure", "year")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_YEAR_PART = re.compile(r"\d{4}")
_MONTH_PART = re.compile(r"[A-Z][a-z]+\.?|(?<=/)\d{1,2}(?=/)")
_DAY_PART = re.compile(r"(?<![\d/])\d{1,2}(?:st|nd|rd|th)?(?![\d/])|^\d{1,2}(?=/)")


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
    if draft.kind == LABEL or source.kind == LABEL:
        return _compare_labels(draft, source)
    if draft.kind in ("date", "time") or source.kind in ("date", "time"):
        return _compare_dates(draft, source)
    mine, theirs = _as_percent(draft, source), _as_percent(source, draft)
    if not _comparable(mine, theirs):
        return Comparison(None, _not_comparable(draft, source), *span)
    agrees = _values_agree(mine, theirs)
    if agrees:
        reason = f"The source gives {describe(source)}, as the draft does ({describe(draft)})."
        return Comparison(True, reason, *span)
    reason = f"The source gives {describe(source)}, not {describe(draft, with_unit=False)}."
    return Comparison(False, reason, *_differing_span(mine, theirs))


def _compare_labels(draft: Figure, source: Figure) -> Comparison:
    """A number in a name agrees only with the same number in the same place."""
    span = (draft.start, draft.end)
    if draft.kind != source.kind:
        return Comparison(None, "A number in a name is not a quantity.", *span)
    if draft.value == source.value:
        return Comparison(True, f"The source has {source.text} here too.", *span)
    return Comparison(False, f"The source has {source.text} here, not {draft.text}.", *span)


def _as_percent(figure: Figure, other: Figure) -> Figure:
    """A fraction (``two-thirds``, a count below 1 with no unit) as a percentage when the other
    figure is a percentage, so that ``two-thirds`` agrees with ``67%``."""
    if not (other.kind == "percent" and other.unit == "percent" and is_fraction(figure)):
        return figure
    share = round(figure.value * 100, 1)  # to a tenth of a point: the precision it is compared at
    return Figure(figure.start, figure.end, f"{share:.1f}", share, "percent", "percent",
                  figure.change)


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
    if figure.kind == "money" and figure.unit in units.MINOR_UNITS:
        major, per = units.MINOR_UNITS[figure.unit]
        return major, 1 / per
    if figure.kind == "duration" and figure.unit in units.DURATION_UNITS:
        return "day", units.DURATION_UNITS[figure.unit]
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
    """One end of a range figure, as a figure of its own (for end-by-end comparison).

    Its text is that end's number when the range writes two (``2005 and 2008``), so that its
    precision is read from its own digits.
    """
    numbers = _DIGITS.findall(figure.text)
    text = numbers[index] if len(numbers) == 2 else figure.text
    return Figure(figure.start, figure.end, text, figure.value[index], figure.unit,
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

def _compare_dates(draft: Figure, source: Figure) -> Comparison:
    """Compare dates (and a date with a year) on the parts both of them state."""
    span = (draft.start, draft.end)
    if draft.kind == source.kind == "time" or (
            draft.kind == source.kind == "date" and date_parts(draft) is None):
        agrees = str(draft.value).lower() == str(source.value).lower()
        return Comparison(agrees, _date_reason(draft, source, agrees), *span)
    d, s = date_parts(draft), date_parts(source)
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
