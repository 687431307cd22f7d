"""Figure extraction (first version: digits with separators, money, percentages)."""

from __future__ import annotations

import re
from datetime import date

from factcheck.core.types import Figure

_FIGURE = re.compile(
    r"(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:bn|billion|m|million|k)\b)?(?P<pct>%|\s(?:per\s?cent|percent)\b)?"
)
_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3}
_CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro"}


def extract_figures(text: str, *, published: date | None = None) -> list[Figure]:
    """Return the figures written with digits in ``text``, in order.

    >>> [(f.value, f.unit, f.kind) for f in extract_figures("Sales rose 12% to £5bn.")]
    [(12.0, 'percent', 'percent'), (5000000000.0, 'pound', 'money')]
    """
    figures = []
    for m in _FIGURE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum()):
            continue
        value = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or "").strip()
        value *= _SCALES.get(scale, 1)
        if m.group("cur"):
            unit, kind = _CURRENCIES[m.group("cur")], "money"
        elif m.group("pct"):
            unit, kind = "percent", "percent"
        elif not scale and "," not in m.group("num") and 1900 <= value <= 2100:
            unit, kind = None, "year"
        else:
            unit, kind = None, "count"
        figures.append(Figure(m.start(), m.end(), m.group(0), value, unit, kind))
    return figures
