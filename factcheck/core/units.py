"""Units written after a number: percent, currency words, measures, temperatures and durations.

:func:`read_suffix` reads the unit that follows a number and says what kind of figure it makes
(``12 per cent`` percent, ``5bn euros`` money, ``150 mph`` measure, ``-3C`` measure in celsius,
``18 months`` duration). The unit lexicons live here too; canonical unit names are singular.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


#: Currency signs and codes written before a number, and the unit they give.
CURRENCY_PREFIXES = {
    "$": "dollar", "US$": "dollar", "USD": "dollar", "£": "pound", "GBP": "pound", "€": "euro",
    "EUR": "euro", "¥": "yen", "JPY": "yen", "A$": "australian dollar", "AU$": "australian dollar",
    "AUD": "australian dollar", "C$": "canadian dollar", "CA$": "canadian dollar",
    "CAD": "canadian dollar", "NZ$": "new zealand dollar", "HK$": "hong kong dollar",
    "S$": "singapore dollar", "R$": "real", "Rs": "rupee", "Rs.": "rupee", "CHF": "swiss franc",
}
#: Currency words written after a number (``50p``, ``20 pence``, ``5bn euros``).
CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "pound": "pound", "pounds": "pound",
    "sterling": "pound", "euro": "euro", "euros": "euro", "pence": "pence", "p": "pence",
    "penny": "pence", "cent": "cent", "cents": "cent", "yen": "yen", "yuan": "yuan",
    "renminbi": "yuan", "rupee": "rupee", "rupees": "rupee", "franc": "franc", "francs": "franc",
    "rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
    "peso": "peso", "pesos": "peso", "rand": "rand", "krona": "krona", "kronor": "krona",
    "krone": "krone", "kroner": "krone", "won": "won", "baht": "baht", "ringgit": "ringgit",
}
#: Minor currency units and the major unit they divide.
MINOR_UNITS = {"pence": ("pound", 100.0), "cent": ("dollar", 100.0)}

#: Measure units (symbol or word, singular or plural) and their canonical singular name.
MEASURE_UNITS = {
    "km": "kilometre", "kilometre": "kilometre", "kilometres": "kilometre",
    "kilometer": "kilometre", "kilometers": "kilometre", "mile": "mile", "miles": "mile",
    "metre": "metre", "metres": "metre", "meter": "metre", "meters": "metre", "cm": "centimetre",
    "centimetre": "centimetre", "centimetres": "centimetre", "mm": "millimetre",
    "millimetre": "millimetre", "millimetres": "millimetre", "nm": "nanometre",
    "nanometre": "nanometre", "nanometres": "nanometre", "nanometer": "nanometre",
    "nanometers": "nanometre", "micron": "micrometre", "microns": "micrometre",
    "ft": "foot", "in": "inch", "foot": "foot", "feet": "foot", "inch": "inch", "inches": "inch",
    "yard": "yard", "yards": "yard", "kg": "kilogram", "kilogram": "kilogram",
    "kilograms": "kilogram", "kilo": "kilogram", "kilos": "kilogram", "g": "gram",
    "gram": "gram", "grams": "gram", "tonne": "tonne", "tonnes": "tonne", "ton": "ton",
    "tons": "ton", "lb": "lb", "lbs": "lb", "ounce": "ounce", "ounces": "ounce", "oz": "ounce",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "ml": "millilitre",
    "millilitre": "millilitre", "millilitres": "millilitre", "gallon": "gallon",
    "gallons": "gallon", "barrel": "barrel", "barrels": "barrel", "acre": "acre",
    "acres": "acre", "hectare": "hectare", "hectares": "hectare", "mph": "mph", "kph": "km/h",
    "km/h": "km/h", "kmh": "km/h", "gb": "gigabyte", "gigabyte": "gigabyte",
    "gigabytes": "gigabyte", "mb": "megabyte", "megabyte": "megabyte", "megabytes": "megabyte",
    "tb": "terabyte", "terabytes": "terabyte", "kb": "kilobyte", "kilobytes": "kilobyte",
    "mbps": "mbps", "kbps": "kbps", "gbps": "gbps", "mhz": "megahertz", "ghz": "gigahertz",
    "megapixel": "megapixel", "megapixels": "megapixel", "watt": "watt", "watts": "watt",
    "kw": "kilowatt", "kilowatts": "kilowatt", "mw": "megawatt", "megawatts": "megawatt",
    "gw": "gigawatt", "gigawatts": "gigawatt", "kwh": "kilowatt hour", "degree": "degree",
    "degrees": "degree", "volt": "volt", "volts": "volt", "calorie": "calorie",
    "calories": "calorie", "km2": "square kilometre", "km²": "square kilometre",
}
#: Temperature scales, however written after a number or ``degrees``.
TEMPERATURE_SCALES = {"c": "celsius", "celsius": "celsius", "centigrade": "celsius",
                      "f": "fahrenheit", "fahrenheit": "fahrenheit"}
#: Duration units and their length in days (for converting ``18 months`` to ``1.5 years``).
DURATION_UNITS = {
    "second": 1 / 86400, "seconds": 1 / 86400, "minute": 1 / 1440, "minutes": 1 / 1440,
    "hour": 1 / 24, "hours": 1 / 24, "day": 1.0, "days": 1.0, "week": 7.0, "weeks": 7.0,
    "fortnight": 14.0, "fortnights": 14.0, "month": 365.25 / 12, "months": 365.25 / 12,
    "year": 365.25, "years": 365.25, "decade": 3652.5, "decades": 3652.5,
    "century": 36525.0, "centuries": 36525.0,
}
#: Abbreviated duration units, written attached or not (``7.09secs``, ``90 mins``).
DURATION_ABBREVIATIONS = {
    "sec": "second", "secs": "second", "min": "minute", "mins": "minute", "hr": "hour",
    "hrs": "hour", "yr": "year", "yrs": "year",
}
#: Words that, right after ``200m``, show metres rather than millions (athletics, swimming).
METRE_CONTEXT = _words("""
hurdles hurdle freestyle backstroke breaststroke butterfly medley relay sprint race dash final
finals title record champion championship gold silver bronze event heat heats run swim
steeplechase
""")
_SINGULAR_DURATION = {k: (k[:-3] + "y" if k.endswith("ies") else k.rstrip("s"))
                      for k in DURATION_UNITS}

_CUR_SIGN = r"(?:US\$|AU\$|A\$|CA\$|C\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥)"
_CUR_CODE = r"(?:USD|GBP|EUR|JPY|AUD|CAD|CHF|Rs\.?)"
#: Where a currency sign or code starts a money figure (``$5``, ``USD 7m``).
CUR_START = re.compile(rf"(?<![\w$]){_CUR_SIGN}(?=\s?\d)|\b{_CUR_CODE}(?=\s?\d)")
CUR_PREFIX = re.compile(rf"(?P<cur>{_CUR_SIGN}|{_CUR_CODE})\s?")
CUR_TOKENS = frozenset({"US", "AU", "A", "CA", "C", "NZ", "HK", "S", "R", "USD", "GBP", "EUR",
                        "JPY", "AUD", "CAD", "CHF", "Rs"})

PERCENT = re.compile(
    r"(?P<pct>\s?%|\s?(?:per\s?cent|percent)\b|pc\b)"
    r"|(?P<pts>\s(?:percentage|per\s?cent(?:age)?)\s+points?\b)|(?P<bp>\s?(?:basis\s+points?|bps?)\b)"
)
CUR_WORD = re.compile(
    r"(?P<p>p\b)|(?P<sp>[\s-](?:(?P<adj>US|American|Australian|Canadian|Hong\s+Kong|Singapore"
    r"|New\s+Zealand)\s+)?(?P<w>" + "|".join(sorted(set(CURRENCY_WORDS) - {"p"}, key=len,
                                                    reverse=True)) + r")\b)"
)
_SPACED_SYMBOLS = ("km/h|kmh|kph|km2|km²|kwh|km|cm|mm|nm|ml|kg|mph|lbs|lb|oz|gb|mb|tb|kb|mbps|kbps"
                   "|gbps|mhz|ghz|kw|mw|gw")
MEASURE = re.compile(
    r"(?P<sym>(?:(?i:" + _SPACED_SYMBOLS + r")|ft|in)(?![\w²/]))"
    r"|[ \t](?P<sym2>(?i:" + _SPACED_SYMBOLS + r")|ft)(?![\w²/])"
    r"|[\s-](?P<sq>square|sq)[\s-](?P<sqw>km|kilometres?|miles?|metres?|feet|foot)\b"
    r"|[\s-](?P<word>" + "|".join(sorted(
        (k for k in MEASURE_UNITS if k.isalpha() and len(k) > 3), key=len, reverse=True)) + r")\b"
    r"(?P<per>\s+(?:an|per)\s+hour\b)?"
)
TEMPERATURE = re.compile(
    r"(?:\s?°\s?|[\s-]degrees?\s+|(?=[CF]\b))(?P<s>(?i:celsius|centigrade|fahrenheit)|[CF])\b"
    r"|[\s-](?P<s2>(?i:celsius|centigrade|fahrenheit))\b"
)
DURATION = re.compile(
    r"(?:[\s-](?P<unit>" + "|".join(sorted(DURATION_UNITS, key=len, reverse=True))
    + r")|\s?(?P<abbr>" + "|".join(sorted(DURATION_ABBREVIATIONS, key=len, reverse=True))
    + r"))\b(?P<old>-olds?)?"
)
_WEIGHT_AFTER = re.compile(r"\s+\w+\s+of\b")
_IN_AFTER = re.compile(r"\s+in\s+\w")
_SPEEDS = {"mile": "mph", "kilometre": "km/h"}


def read_suffix(text: str, end: int, cur: re.Match | None):
    """Read the unit after a number ending at ``end``: ``(unit, kind, end)``, kind None if none.

    >>> read_suffix("5 per cent", 1, None), read_suffix("-3C", 2, None)
    (('percent', 'percent', 10), ('celsius', 'measure', 3))
    """
    if cur:
        unit = CURRENCY_PREFIXES[cur.group("cur").strip()]
        word = CUR_WORD.match(text, end)
        if word and word.group("w") and CURRENCY_WORDS[word.group("w")] == unit:
            end = word.end()
        return unit, "money", end
    for reader in (_read_percent, _read_currency_word, _read_temperature, _read_measure,
                   _read_duration):
        found = reader(text, end)
        if found:
            return found
    return None, None, end


def _read_percent(text: str, end: int):
    m = PERCENT.match(text, end)
    if not m:
        return None
    unit = "percentage point" if m.group("pts") else "basis point" if m.group("bp") else "percent"
    return unit, "percent", m.end()


def _read_currency_word(text: str, end: int):
    """``50p``, ``20 pence``, ``9 billion dollars``; ``pounds`` of weight are not money."""
    m = CUR_WORD.match(text, end)
    if not m:
        return None
    if m.group("p"):
        return "pence", "money", m.end()
    unit = CURRENCY_WORDS[m.group("w")]
    if m.group("adj") and unit == "dollar" and m.group("adj") not in ("US", "American"):
        unit = m.group("adj").lower().replace("\n", " ") + " dollar"
    if m.group("w") in ("pound", "pounds", "won", "rand") and _WEIGHT_AFTER.match(text, end):
        return None
    return unit, "money", m.end()


def _read_temperature(text: str, end: int):
    """``32C``, ``40F``, ``12 degrees Celsius``, ``-3°C``: unit celsius or fahrenheit."""
    m = TEMPERATURE.match(text, end)
    if not m:
        return None
    return TEMPERATURE_SCALES[(m.group("s") or m.group("s2")).lower()], "measure", m.end()


def _read_measure(text: str, end: int):
    """``5km``, ``150 mph``, ``3-nanometre``, ``500 square miles``, ``30 miles an hour``."""
    m = MEASURE.match(text, end)
    if not m:
        return None
    if m.group("sq"):
        base = m.group("sqw").lower()
        unit = "kilometre" if base == "km" else MEASURE_UNITS.get(base, "foot")
        return "square " + unit, "measure", m.end()
    key = (m.group("sym") or m.group("sym2") or m.group("word")).lower()
    unit = MEASURE_UNITS.get(key, key)
    if m.group("per") and unit in _SPEEDS:
        return _SPEEDS[unit], "measure", m.end()
    return unit, "measure", m.end("word") if m.group("word") else m.end()


def _read_duration(text: str, end: int):
    """``18 months``, ``10-day``, ``47-year-old``, ``90 mins``."""
    m = DURATION.match(text, end)
    if not m:
        return None
    unit = DURATION_ABBREVIATIONS.get(m.group("abbr") or "") or _SINGULAR_DURATION[
        m.group("unit").lower()]
    return unit, "duration", m.end()


def unit_follows(text: str, end: int) -> bool:
    """Whether a unit, percent or ``in`` follows ``one`` (``one year``, ``one in five``)."""
    return bool(PERCENT.match(text, end) or MEASURE.match(text, end)
                or TEMPERATURE.match(text, end) or DURATION.match(text, end)
                or _IN_AFTER.match(text, end)
                or (CUR_WORD.match(text, end) and not CUR_WORD.match(text, end).group("p")))
