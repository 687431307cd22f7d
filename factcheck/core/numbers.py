"""General English lexicons for figures: number words, scales, currencies, units, calendar names.

Only general-language data lives here (no names from any particular text), plus the small
pure helpers that read it: :func:`parse_number_words`, :func:`singularise`, :func:`pluralise`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Multipliers written as words or suffixes after a number (``5bn``, ``1.2 million``, ``300k``).
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "b": 1e9, "lakh": 1e5,
    "crore": 1e7,
}
#: Fraction words (denominators) and their value.
FRACTIONS = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
    "seventh": 1 / 7, "sevenths": 1 / 7, "eighth": 1 / 8, "eighths": 1 / 8, "ninth": 1 / 9,
    "ninths": 1 / 9, "tenth": 1 / 10, "tenths": 1 / 10,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1000000,
}

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
    "centimetres": "centimetre", "mm": "millimetre", "millimetres": "millimetre", "ft": "foot", "in": "inch",
    "foot": "foot", "feet": "foot", "inch": "inch", "inches": "inch", "yard": "yard",
    "yards": "yard", "kg": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
    "kilo": "kilogram", "kilos": "kilogram", "g": "gram", "gram": "gram", "grams": "gram",
    "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "lb": "lb", "lbs": "lb",
    "ounce": "ounce", "ounces": "ounce", "oz": "ounce", "litre": "litre", "litres": "litre",
    "liter": "litre", "liters": "litre", "gallon": "gallon", "gallons": "gallon",
    "barrel": "barrel", "barrels": "barrel", "acre": "acre", "acres": "acre",
    "hectare": "hectare", "hectares": "hectare", "mph": "mph", "kph": "km/h", "km/h": "km/h",
    "gb": "gigabyte", "gigabyte": "gigabyte", "gigabytes": "gigabyte", "mb": "megabyte",
    "megabyte": "megabyte", "megabytes": "megabyte", "tb": "terabyte", "terabytes": "terabyte",
    "kb": "kilobyte", "kilobytes": "kilobyte", "mbps": "mbps", "kbps": "kbps", "gbps": "gbps",
    "mhz": "megahertz", "ghz": "gigahertz", "megapixel": "megapixel", "megapixels": "megapixel",
    "watt": "watt", "watts": "watt", "kw": "kilowatt", "kilowatts": "kilowatt",
    "mw": "megawatt", "megawatts": "megawatt", "gw": "gigawatt", "gigawatts": "gigawatt",
    "degree": "degree", "degrees": "degree", "°c": "degree celsius", "°f": "degree fahrenheit",
    "sq": "square", "volt": "volt", "volts": "volt", "calorie": "calorie", "calories": "calorie",
}
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

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

#: Capitalised words that may precede a figure without making it part of a name
#: (``In 2004``, ``Some 300``); any other capitalised word before a bare number marks a name
#: such as a channel, an index, a product or a section (``Channel 4``, ``Windows 95``).
FIGURE_LEADS = _words("""
a about above after against all almost an and another any around as at because before below
between both but by during each either every except few fewer for from further given he her
his how if in including into it its just last less many more most much my near nearly neither
next nor not of off on only or our over per roughly same she since so some than that the their
them these they this those though through to top total under until up upon was we were what
when where whether which while who whose why with within without yet you your approximately
almost estimated another further only just barely exactly another christmas easter spring
summer autumn fall winter q1 q2 q3 q4 h1 h2 fy page year years aged age number no nos
""")

#: Words that end a noun phrase when looking for the noun a count counts.
PHRASE_STOPS = _words("""
a an the of in on at to for from by with and or but as than that which who whose is are was
were be been being has have had do does did will would can could should may might must it its
this these those their his her our your my per each every into over under about after before
since until while when where if so not no also only just up down out off more less most least
said says say according year years ago times time against between through during including
""")

#: Plural nouns that do not end in ``s`` and invariant nouns, with their singular.
IRREGULAR_PLURALS = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "staff": "staff",
    "personnel": "personnel", "police": "police", "cattle": "cattle", "sheep": "sheep",
    "fish": "fish", "aircraft": "aircraft", "deer": "deer", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "data": "data", "media": "media", "series": "series",
    "species": "species", "news": "news", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "shelves": "shelf", "leaves": "leaf", "thieves": "thief",
    "wolves": "wolf", "criteria": "criterion", "phenomena": "phenomenon", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "indices": "index",
}
_SINGULAR_TO_PLURAL = {v: k for k, v in IRREGULAR_PLURALS.items() if v != k}


def is_plural_noun(word: str) -> bool:
    """Whether ``word`` (lower case) looks like a plural noun (``soldiers``, ``people``)."""
    if word in IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))
    )


def singularise(word: str) -> str:
    """Return the singular of a lower-case English noun by simple rules.

    >>> [singularise(w) for w in ("soldiers", "companies", "people", "boxes", "staff")]
    ['soldier', 'company', 'person', 'box', 'staff']
    """
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if not is_plural_noun(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes", "oes")):
        return word[:-2]
    return word[:-1]


def pluralise(word: str) -> str:
    """Return the plural of a singular lower-case English noun by simple rules.

    >>> [pluralise(w) for w in ("soldier", "company", "person", "box", "day")]
    ['soldiers', 'companies', 'people', 'boxes', 'days']
    """
    if word in _SINGULAR_TO_PLURAL:
        return _SINGULAR_TO_PLURAL[word]
    if word in IRREGULAR_PLURALS or not word:
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh", "z")):
        return word + "es"
    return word + "s"


def parse_number_words(words: list[str]) -> tuple[float, int] | None:
    """Read a run of number words; return ``(value, words used)`` or None.

    Stops at the first word that cannot continue the number, so ``two three`` reads ``two``.

    >>> parse_number_words(["three", "hundred", "thousand"])
    (300000.0, 3)
    >>> parse_number_words(["twenty", "five", "years"])
    (25.0, 2)
    """
    total, current, used, last = 0.0, 0.0, 0, ""
    for word in words:
        w = word.lower()
        if w in ONES:
            if last in ONES or (last in TENS and ONES[w] >= 10):
                break
            current += ONES[w]
        elif w in TENS:
            if last in ONES or last in TENS:
                break
            current += TENS[w]
        elif w == "hundred":
            if last == "hundred" or current >= 100:
                break
            current = (current or 1) * 100
        elif w == "dozen":
            if last == "dozen":
                break
            current = (current or 1) * 12
        elif w in ("thousand", "million", "billion", "trillion"):
            if last == w:
                break
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w == "and" and last == "hundred":
            used += 1
            continue
        else:
            break
        used += 1
        last = w
    if used and words[used - 1].lower() == "and":
        used -= 1
    if not used:
        return None
    return total + current, used
