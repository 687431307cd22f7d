"""General English lexicons for figures: number words, scales, calendar names, plural nouns.

Only general-language data lives here (no names from any particular text), plus the small
pure helpers that read it: :func:`read_number`, :func:`parse_number_words`, :func:`singularise`,
:func:`pluralise`. Units live in :mod:`factcheck.core.units`.
"""

from __future__ import annotations

import re


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
summer autumn fall winter q1 q2 q3 q4 h1 h2 fy year years aged age
""")

#: Words that end a noun phrase when looking for the noun a count counts.
PHRASE_STOPS = _words("""
a an the of in on at to for from by with and or but as than that which who whose is are was
were be been being has have had do does did will would can could should may might must it its
this these those their his her our your my per each every into over under about after before
since until while when where if so not no also only just up down out off more less most least
said says say according year years ago times time against between through during including
""")

#: Words ending in ``s`` that are not plural nouns (adverbs, prepositions, verbs of saying).
NOT_NOUNS = _words("""
always perhaps nevertheless whereas towards afterwards besides sometimes thus various numerous
yes plus unless across less its has was does goes says
""")

#: Nouns after ``one`` that make an idiom rather than a count (``one day``, ``at one point``).
ONE_IDIOMS = _words("""
another other others thing things way point side hand time day stage moment occasion more last
such reason example kind sort another
""")

#: Plural nouns that do not end in ``s`` and invariant nouns, with their singular.
IRREGULAR_PLURALS = {
    # -us nouns whose plural ends like a verb's -uses (houses, causes take the plain rule)
    "buses": "bus", "viruses": "virus", "campuses": "campus", "bonuses": "bonus",
    "surpluses": "surplus", "censuses": "census", "statuses": "status", "sinuses": "sinus",
    "people": "person", "men": "man", "women": "woman", "children": "child", "staff": "staff",
    "personnel": "personnel", "police": "police", "cattle": "cattle", "sheep": "sheep",
    "fish": "fish", "aircraft": "aircraft", "deer": "deer", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "data": "data", "media": "media", "series": "series",
    "species": "species", "news": "news", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "shelves": "shelf", "leaves": "leaf", "thieves": "thief",
    "wolves": "wolf", "criteria": "criterion", "phenomena": "phenomenon", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "indices": "index",
}
_INVARIANT = frozenset({"celsius", "fahrenheit", "mph", "lb", "mbps", "kbps", "gbps"})
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

    >>> [singularise(w) for w in ("soldiers", "companies", "people", "boxes", "buses", "houses")]
    ['soldier', 'company', 'person', 'box', 'bus', 'house']
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
    if word in IRREGULAR_PLURALS or word in _INVARIANT or "/" in word or not word:
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
        if w == "and" and last == "hundred":
            used += 1
            continue
        step = _number_step(w, last, current)
        if step is None:
            break
        total, current = total + step[0], step[1]
        used += 1
        last = w
    if used and words[used - 1].lower() == "and":
        used -= 1
    if not used:
        return None
    return total + current, used


def _number_step(w: str, last: str, current: float) -> tuple[float, float] | None:
    """What number word ``w`` adds to the total and makes of the current group, after ``last``;
    None if it cannot continue the number (``two three``, ``twenty twelve``)."""
    if w in ONES and not (last in ONES or (last in TENS and ONES[w] >= 10)):
        return 0.0, current + ONES[w]
    if w in TENS and not (last in ONES or last in TENS):
        return 0.0, current + TENS[w]
    if w == "hundred" and not (last == "hundred" or current >= 100):
        return 0.0, (current or 1) * 100
    if w == "dozen" and last != "dozen":
        return 0.0, (current or 1) * 12
    if w in _SCALE_WORDS and last != w:
        return (current or 1) * SCALES[w], 0.0
    return None


_DIGITS = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[.,]\d)")
_SCALE = re.compile(
    r"(?:(?P<short>bn|tn|trn|mn|m|k)|\s?(?P<short2>bn|tn)|[\s-]?(?P<word>(?i:thousand|million"
    r"|billion|trillion|lakh|crore))|(?P<caps>BN|B|M|K))\b"
)
_WORD = re.compile(r"[A-Za-z]+")
_NUM_WORDS_AHEAD = re.compile(r"[ \t]*(?:-|\band\b)?[ \t]*([A-Za-z]+)")
_AND_A_PART = re.compile(r"(?:\s+|-)and(?:\s+|-)(?:a(?:\s+|-)(?P<one>half|quarter)"
                         r"|(?P<three>three)(?:\s+|-)quarters)\b")
_PARTS = {"half": 0.5, "quarter": 0.25, "three": 0.75}
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")


def read_number(text: str, pos: int, *, money: bool = False):
    """Read a number written with digits (and scale) or words at ``pos``.

    Returns ``(value, end, scaled, words)`` or None; ``scaled`` says a scale word or suffix was
    read. ``and a half`` adds a half (``seven and a half``, ``2 and a half million``). Capital
    suffixes (``$1B``, ``$5M``) count as scales only for ``money``.

    >>> read_number("300k jobs", 0), read_number("seven and a half years", 0)
    ((300000.0, 4, True, False), (7.5, 16, False, True))
    """
    m = _DIGITS.match(text, pos)
    if not m:
        return read_number_words(text, pos)
    value, end = float(m.group("num").replace(",", "")), m.end()
    value, end = _add_part(text, value, end)
    scale = _SCALE.match(text, end)
    if scale and (money or not scale.group("caps")):
        word = scale.group("short") or scale.group("short2") or \
            (scale.group("word") or scale.group("caps")).lower()  # 3.2 MILLION, $5M
        return value * SCALES[word], scale.end(), True, False
    return value, end, False, False


def _add_part(text: str, value: float, end: int) -> tuple[float, int]:
    """Add ``and a half``, ``and a quarter`` or ``and three quarters`` written after a number."""
    part = _AND_A_PART.match(text, end)
    if not part:
        return value, end
    return value + _PARTS[part.group("one") or part.group("three")], part.end()


def read_number_words(text: str, pos: int):
    """Read ``three hundred thousand``, ``twenty-five``, ``two and a half million`` at ``pos``."""
    words, ends, cursor = [], [], pos
    while len(words) < 8:
        m = (_NUM_WORDS_AHEAD if words else _WORD).match(text, cursor)
        if not m:
            break
        words.append(m.group(m.lastindex or 0))
        ends.append(m.end())
        cursor = m.end()
    parsed = parse_number_words(words)
    if not parsed:
        return None
    value, used = parsed
    end = ends[used - 1]
    scaled = any(w.lower() in _SCALE_WORDS for w in words[:used])
    with_part, part_end = _add_part(text, value, end)
    if part_end > end:
        scale = _WORD.match(text, part_end + 1) if text[part_end:part_end + 1] == " " else None
        if scale and scale.group().lower() in _SCALE_WORDS and not scaled:
            return with_part * SCALES[scale.group().lower()], scale.end(), True, True
        return with_part, part_end, scaled, True
    return value, end, scaled, True
