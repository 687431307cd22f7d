"""Figure extraction: counts, money, percentages, dates, years, ordinals, durations and measures.

:func:`extract_figures` scans the tokens of a text for places where a figure may start (a digit,
a currency sign or code, a number word, a month or weekday name), then reads the figure there
with small anchored readers: dates, times, slashed forms and year spans first, then quantities
([currency] number [range] [scale] [percent, currency word or unit]), then ordinals and
fractions. Names that merely contain a number (``Channel 4``, ``Windows 95``, ``G8``), phone
numbers, versions and model codes are skipped. Lexicons live in :mod:`factcheck.core.numbers`;
comparison rules in :mod:`factcheck.core.figcompare`.
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
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_NUMBER_WORD = "|".join(sorted([*lex.ONES, *lex.TENS, "dozen", "hundred", "thousand", "million",
                                "billion", "trillion"], key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(lex.ORDINALS, key=len, reverse=True))
_CUR_SIGN = r"(?:US\$|AU\$|A\$|CA\$|C\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥)"
_CUR_CODE = r"(?:USD|GBP|EUR|JPY|AUD|CAD|CHF|Rs\.?)"

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[$£€¥]")
_DIGIT_START = re.compile(r"(?:(?<![\w.,/:-])|(?<=\d[-–])|(?<=\b(?:mid|pre)-)|(?<=\bpost-))\d")
_CUR_START = re.compile(rf"(?<![\w$]){_CUR_SIGN}(?=\s?\d)|\b{_CUR_CODE}(?=\s?\d)")
_CUR_TOKENS = frozenset({"US", "AU", "A", "CA", "C", "NZ", "HK", "S", "R", "USD", "GBP", "EUR",
                         "JPY", "AUD", "CAD", "CHF", "Rs"})
_MONTH_NAMES = frozenset(
    k.capitalize() for k in lex.MONTHS) | {"Sept"}
_WEEKDAY_NAMES = frozenset(k.capitalize() for k in lex.WEEKDAYS)
_WORD_TRIGGERS = frozenset([*lex.ONES, *lex.TENS, *lex.ORDINALS, "dozen", "hundred", "thousand",
                            "million", "billion", "trillion"])
_CUR_PREFIX = re.compile(rf"(?P<cur>{_CUR_SIGN}|{_CUR_CODE})\s?")
_DIGITS = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[.,]\d)")
_SCALE = re.compile(
    r"(?:(?P<short>bn|tn|trn|mn|m|k)|\s?(?P<short2>bn|tn)|[\s-]?(?P<word>thousand|million|billion"
    r"|trillion|lakh|crore)|(?P<caps>BN|B|M|K))\b"
)
_PERCENT = re.compile(
    r"(?P<pct>\s?%|\s?(?:per\s?cent|percent)\b|pc\b)|(?P<pts>\s(?:percentage|per\s?cent(?:age)?)\s+points?\b)"
)
_CUR_WORD = re.compile(
    r"(?P<p>p\b)|(?P<sp>[\s-](?:(?P<adj>US|American|Australian|Canadian|Hong\s+Kong|Singapore"
    r"|New\s+Zealand)\s+)?(?P<w>" + "|".join(sorted(set(lex.CURRENCY_WORDS) - {"p"}, key=len,
                                                    reverse=True)) + r")\b)"
)
_MEASURE = re.compile(
    r"(?P<sym>(?i:km/h|km|cm|mm|kg|mph|kph|lbs|lb|oz|gb|mb|tb|kb|mbps|kbps|gbps|mhz|ghz|kw|mw|gw)"
    r"|°C|°F|ft|in)\b|[\s-](?P<word>" + "|".join(sorted(
        (k for k in lex.MEASURE_UNITS if k.isalpha() and len(k) > 3), key=len, reverse=True)) + r")\b"
)
_DURATION = re.compile(
    r"(?:[\s-](?P<unit>" + "|".join(sorted(lex.DURATION_UNITS, key=len, reverse=True))
    + r")|\s?(?P<abbr>" + "|".join(sorted(lex.DURATION_ABBREVIATIONS, key=len, reverse=True))
    + r"))\b(?P<old>-old)?"
)
_METRES = re.compile(r"(?<=\d)m[ \t]+([A-Za-z]+)(?:[ \t]+([a-z]+))?")
_RANGE_JOIN = re.compile(r"\s?[-–—]\s?|\s+to\s+|\s+and\s+")
_ORD_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b")
_DECADE = re.compile(r"(?P<y>1[89]\d0|20\d0)s\b")
_YEAR_SPAN = re.compile(r"(?P<a>(?:1[89]|20)\d\d)[-/–](?P<b>(?:1[89]|20)\d\d|\d\d?)(?![\d%])")
_ISO_DATE = re.compile(r"(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_SLASH = re.compile(r"(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:/(?P<c>\d{2,4}))?(?![\d/])")
_TIME = re.compile(
    r"(?P<hh>\d\d)(?P<mm>\d\d)(?=\s?(?:GMT|BST|UTC|CET|EST|EDT|PST|ET|local\s+time|hours|hrs)\b)"
    r"|(?P<h>\d{1,2})(?::(?P<m>\d\d)(?:\s?(?P<ap>[ap])(?:m\b|\.m\.))?|(?:\.(?P<m2>\d\d))?\s?"
    r"(?P<ap2>[ap])(?:m\b|\.m\.))"
)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?0\d{2,5}\)?(?:[\s.-]?\d{3,4}){1,2}(?!\d)|0\d+")
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
_WORDS_AHEAD = re.compile(r"(?:[ \t]*-?[ \t]*)([A-Za-z]+(?:-[A-Za-z]+)*)")
_NUM_WORDS_AHEAD = re.compile(r"[ \t]*(?:-|\band\b)?[ \t]*([A-Za-z]+)")
_A_SCALE_BEFORE = re.compile(r"(?i:\b(?:(?P<half>half)\s+)?(?:a|an|one)\s+)$")
_FRACTION_AFTER = re.compile(
    r"(?P<sep>[\s-])(?P<f>(?i:" + "|".join(lex.FRACTIONS) + r"))\b(?P<of>\s+of\b)?"
)
_PREV_WORD = re.compile(r"([A-Za-z][\w'’&]*)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"'’”)]*\s+|[\"“‘'(\[]\s*|\n\s*|[-–—]\s+)$")
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?P<approx>about|around|roughly|nearly|almost|approximately|approx\.|some|circa|c\."
    r"|close\s+to|an\s+estimated|estimated|just\s+over|just\s+under|just\s+shy\s+of|more\s+or\s+less"
    r"|getting\s+on\s+for)"
    r"|(?P<less>no\s+more\s+than|not\s+more\s+than|less\s+than|fewer\s+than|lower\s+than|under|up\s+to"
    r"|below|at\s+most|as\s+(?:many|much|few|little)\s+as|a\s+maximum\s+of|not\s+exceeding)"
    r"|(?P<more>more\s+than|greater\s+than|higher\s+than|over|at\s+least|above|in\s+excess\s+of"
    r"|upwards\s+of|exceeding|a\s+minimum\s+of|at\s+a\s+minimum)"
    r"|(?P<up>rose|rise|rises|risen|rising|increased|increase|increases|increasing|grew|grow|grows"
    r"|grown|growing|jumped|jumps|climbed|climbs|gained|gains|soared|soars|surged|surges|rallied"
    r"|advanced|(?:a|an)\s+(?:rise|increase|jump|gain|growth|hike)\s+of|growth\s+of|up)"
    r"|(?P<down>fell|fall|falls|fallen|falling|dropped|drops|drop|declined|declines|decreased"
    r"|decreases|slumped|slumps|slid|slides|dipped|dips|shrank|shrunk|shrinks|tumbled|plunged"
    r"|plummeted|sank|eased|cut\s+by|(?:a|an)\s+(?:fall|drop|decline|decrease|cut|loss|slump)\s+of"
    r"|down))\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"(?P<more>-plus\b|\+(?!\w)|(?:\s+[a-z]+){0,2}\s+or\s+more\b)|(?P<approx>(?:\s+[a-z]+){0,2}\s+or\s+so\b)"
)
_YEAR_BLOCKERS = re.compile(r"\b(?:than|about|around|some|nearly|almost|over|under)\s+$", re.IGNORECASE)

_WORD = re.compile(r"[A-Za-z]+")
_ORDINAL_AFTER = re.compile(r"[\s-](" + _ORDINAL_WORD + r")\b", re.IGNORECASE)
_A_OR_ONE_BEFORE = re.compile(r"(?i:\b(?:a|one)[\s-])$")
_OF_AFTER = re.compile(r"\s+of\b")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH}")
_SCALE_IN = re.compile(r"(?<=\d)\s?(bn|tn|trn|mn|m|k|thousand|million|billion|trillion|lakh|crore)\b")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+){0,2}$")
_WEIGHT_AFTER = re.compile(r"\s+\w+\s+of\b")
_IN_AFTER = re.compile(r"\s+in\s+\w")
_YEAR_TEXT = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_LEADS = re.compile(r"(?:\b(?:the|its|their|his|her|our|this|that|and|or|in|for|since|by"
                         r"|from|until|till|before|after|during|between)|['’]s)\s+$", re.IGNORECASE)
_MODEL_RUN = re.compile(r"[\w/-]*")
_WEEKDAY_LEADS = re.compile(r"\b(on|last|next|this|by|since|until|till|from|before|after|early"
                            r"|late|and|or)\s+$")
_PRONOUNS = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
_LOOKBACK = 40
_FIRST_YEAR, _LAST_YEAR = 1800, 2099
_MAX_UNIT_WORDS = 4
_FUTURE_DAYS_ALLOWED = 183  # a day-month date further ahead of publication belongs to last year


def extract_figures(text: str, *, published: date | None = None) -> list[Figure]:
    """Return the figures stated in ``text``, sorted by start and non-overlapping.

    ``published`` (the date of the text) completes dates written without a year and resolves
    weekdays (``on Wednesday``) to the most recent such day on or before it.

    >>> [(f.text, f.value, f.unit, f.kind) for f in extract_figures("Sales rose 12% to £5bn.")]
    [('12%', 12.0, 'percent', 'percent'), ('£5bn', 5000000000.0, 'pound', 'money')]
    """
    figures: list[Figure] = []
    pos = 0
    for token in _TOKEN.finditer(text):
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
    return figures


def _trigger_kind(text: str, token: re.Match) -> str | None:
    """What kind of figure may start at a token: cur, digit, month, weekday, word, or None."""
    tok, start = token.group(), token.start()
    first = tok[0]
    if first.isdigit():
        return "digit" if _DIGIT_START.match(text, start) else None
    if first in "$£€¥" or tok in _CUR_TOKENS:
        return "cur" if _CUR_START.match(text, start) else None
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
        return _read_date(text, start, published)
    if kind == "weekday":
        return _read_weekday(text, start, end, published)
    if kind == "digit":
        for reader in (_read_date, _read_iso_date, _read_time, _read_slash, _read_year_span):
            found = reader(text, start, published)
            if found:
                return found
        if text[start] == "0" and _PHONE.match(text, start) and not text.startswith("0.", start):
            return None, _PHONE.match(text, start).end()
        ordinal = _ORD_DIGITS.match(text, start)
        if ordinal:
            value = float(re.sub(r"\D", "", ordinal.group()))
            return _figure(text, start, ordinal.end(), value, _ordinal_unit(text, ordinal.end()),
                           "ordinal"), ordinal.end()
    if kind == "word":
        found = _read_word_figure(text, start, end)
        if found:
            return found
    return _read_quantity(text, start)


def _figure(text: str, start: int, end: int, value, unit, kind: str, change: str = "=") -> Figure:
    """Build a Figure whose text is ``text[start:end]``."""
    return Figure(start, end, text[start:end], value, unit, kind, change)


# --- quantities: counts, money, percentages, durations, measures, years -----------------------


def _read_number(text: str, pos: int, *, money: bool = False):
    """Read a number written with digits (and scale) or words at ``pos``.

    Returns ``(value, end, scaled, words)`` or None; ``scaled`` says a scale word or suffix was read.
    Capital suffixes (``$1B``, ``$5M``) count as scales only for ``money``.
    """
    m = _DIGITS.match(text, pos)
    if m:
        value, end = float(m.group("num").replace(",", "")), m.end()
        scale = _SCALE.match(text, end)
        if scale and (money or not scale.group("caps")):
            word = scale.group("short") or scale.group("short2") or scale.group("word") or \
                scale.group("caps").lower()
            return value * lex.SCALES[word], scale.end(), True, False
        return value, end, False, False
    return _read_number_words(text, pos)


def _read_number_words(text: str, pos: int):
    """Read ``three hundred thousand``, ``twenty-five``, ``a dozen``, ``half a million``."""
    words, ends, cursor = [], [], pos
    while len(words) < 8:
        m = (_NUM_WORDS_AHEAD if words else _WORD).match(text, cursor)
        if not m:
            break
        words.append(m.group(m.lastindex or 0))
        ends.append(m.end())
        cursor = m.end()
    parsed = lex.parse_number_words(words)
    if not parsed:
        return None
    value, used = parsed
    end = ends[used - 1]
    scaled = any(w.lower() in ("thousand", "million", "billion", "trillion") for w in words[:used])
    return value, end, scaled, True


def _read_quantity(text: str, start: int):
    """Read a quantity at ``start``: [currency] number [range] [scale] [%, unit, currency word]."""
    cur = _CUR_PREFIX.match(text, start)
    num_pos = cur.end() if cur else start
    number = _read_number(text, num_pos, money=bool(cur))
    if not number:
        return None
    value, end, scaled, words = number
    if not cur and _is_metres(text, end):
        value = value / lex.SCALES["m"]
        return _figure(text, start, end, value, "metre", "measure"), end
    if words:
        first = text[num_pos:end].split()[0].lower().split("-")[0]
        if first == "one" and not scaled and not _unit_follows(text, end):
            return None, end
    value, end, is_range = _read_range(text, start, cur, value, end, scaled=scaled, words=words)
    unit, kind, end = _read_suffix(text, end, cur)
    if kind is None and not scaled and not cur:
        if _is_name_number(text, start, words):
            return None, _skip_token(text, end)
        if end < len(text) and text[end].isalnum():
            return None, _skip_token(text, end)
    if kind is None:
        kind, value, unit = _classify_plain(text, start, end, value, scaled, is_range)
    change = _read_change(text, start, end, kind)
    return _figure(text, start, end, value, unit, kind, change), end


def _is_metres(text: str, end: int) -> bool:
    """Whether a bare ``200m`` ending at ``end`` is metres (``200m hurdles``), not millions."""
    m = _METRES.match(text, end - 1)
    return bool(m) and (m.group(1).lower() in lex.METRE_CONTEXT or m.group(2) in lex.METRE_CONTEXT)


def _read_range(text: str, start: int, cur, low: float, end: int, *, scaled: bool, words: bool):
    """Extend a number to a range (``10-12``, ``10 to 12``, ``between 10 and 12``) if one follows."""
    join = _RANGE_JOIN.match(text, end)
    if not join:
        return low, end, False
    word = join.group().strip()
    before = text[max(0, start - _LOOKBACK):start].lower()
    if word in "-–—" and not (cur or scaled or _range_marked(text, join.end())):
        return low, end, False
    if word == "and" and not before.rstrip().endswith("between"):
        return low, end, False
    if word == "to" and (_FROM_BEFORE.search(before) or _CHANGE_BEFORE.search(before)):
        return low, end, False
    pos = join.end()
    cur2 = _CUR_PREFIX.match(text, pos)
    if cur2 and (not cur or cur2.group("cur") != cur.group("cur")):
        return low, end, False
    num_pos = cur2.end() if cur2 else pos
    second = _read_number(text, num_pos, money=bool(cur))
    if not second or second[3] != words:
        return low, end, False
    high, end2, scaled2, _ = second
    if scaled2 and not scaled:
        low *= _scale_of(text[num_pos:end2])
    if not low < high or _is_month_next(text, end2):
        return low, end, False
    return (low, high), end2, True


def _range_marked(text: str, pos: int) -> bool:
    """Whether the number at ``pos`` ends a range: a unit, percent or plural noun follows it.

    Without one, ``6-3`` or ``272-219`` are scores or votes, not ranges.
    """
    second = _DIGITS.match(text, pos)
    if not second:
        return bool(_WORD.match(text, pos))
    end = second.end()
    return bool(_SCALE.match(text, end) or _read_suffix(text, end, None)[1]
                or _counted_noun(text, end))


def _scale_of(written: str) -> float:
    """The scale multiplier written in a number (``1.2bn`` gives 1e9; ``12`` gives 1)."""
    m = _SCALE_IN.search(written)
    return lex.SCALES[m.group(1)] if m else 1.0


def _is_month_next(text: str, pos: int) -> bool:
    """Whether a month name follows ``pos`` (``6 to 9 January`` is two dates, not a range)."""
    return _MONTH_AFTER.match(text, pos) is not None


def _read_suffix(text: str, end: int, cur):
    """Read what follows a number: percent, currency word, measure or duration unit."""
    if cur:
        unit = lex.CURRENCY_PREFIXES[cur.group("cur").strip()]
        word = _CUR_WORD.match(text, end)
        if word and word.group("w") and lex.CURRENCY_WORDS[word.group("w")] == unit:
            end = word.end()
        return unit, "money", end
    m = _PERCENT.match(text, end)
    if m:
        return ("percentage point" if m.group("pts") else "percent"), "percent", m.end()
    m = _CUR_WORD.match(text, end)
    if m:
        if m.group("p"):
            return "pence", "money", m.end()
        unit = lex.CURRENCY_WORDS[m.group("w")]
        if m.group("adj") and unit == "dollar" and m.group("adj") not in ("US", "American"):
            unit = m.group("adj").lower().replace("\n", " ") + " dollar"
        if m.group("w") not in ("pound", "pounds", "won", "rand") or _money_context(text, end):
            return unit, "money", m.end()
    m = _MEASURE.match(text, end)
    if m:
        key = m.group("sym") or m.group("word")
        return lex.MEASURE_UNITS.get(key.lower(), key.lower()), "measure", m.end()
    m = _DURATION.match(text, end)
    if m:
        unit = lex.DURATION_ABBREVIATIONS.get(m.group("abbr") or "") or lex.singularise(
            m.group("unit").lower())
        return unit, "duration", m.end()
    return None, None, end


def _money_context(text: str, end: int) -> bool:
    """Whether ``pounds`` after a number is money rather than weight (no ``of`` + noun follows)."""
    return not _WEIGHT_AFTER.match(text, end)


def _unit_follows(text: str, end: int) -> bool:
    """Whether a unit, scale, percent or ``in`` follows ``one`` (``one million``, ``one year``)."""
    return bool(_PERCENT.match(text, end) or _MEASURE.match(text, end)
                or _DURATION.match(text, end) or _IN_AFTER.match(text, end)
                or (_CUR_WORD.match(text, end) and not _CUR_WORD.match(text, end).group("p")))


def _classify_plain(text: str, start: int, end: int, value, scaled: bool, is_range: bool):
    """Kind, value and unit of a number with no currency, percent or unit: year or count."""
    written = text[start:end]
    if is_range:
        low, high = value
        if _is_year_text(written.split("-")[0]) and _FIRST_YEAR <= low and high <= _LAST_YEAR:
            return "year", value, None
        return "count", value, _counted_noun(text, end)
    noun = _counted_noun(text, end)
    if not scaled and _is_year_text(written) and not _is_count_of_thousands(text, start, end):
        return "year", value, None
    return "count", value, noun


def _is_count_of_thousands(text: str, start: int, end: int) -> bool:
    """Whether a year-like number counts things: ``about 2000``, ``cut 1500 jobs`` (not ``the
    2004 elections``, ``in 2004``)."""
    before = text[max(0, start - 20):start]
    if _YEAR_BLOCKERS.search(before):
        return True
    first = _WORDS_AHEAD.match(text, end)
    plural_next = bool(first) and lex.is_plural_noun(first.group(1).lower()) and \
        first.group(1).islower()
    return plural_next and not _YEAR_LEADS.search(before)


def _is_year_text(written: str) -> bool:
    """Whether a number as written could be a year: four digits from 1800 to 2099."""
    return bool(_YEAR_TEXT.fullmatch(written.strip()))


def _counted_noun(text: str, end: int) -> str | None:
    """The noun a count counts, in the singular: skip adjectives to the first plural noun."""
    pos = end
    for _ in range(_MAX_UNIT_WORDS):
        m = _WORDS_AHEAD.match(text, pos)
        if not m:
            return None
        word = m.group(1)
        lower = word.lower()
        if lower in lex.PHRASE_STOPS or lower in lex.MONTHS:
            return None
        last = lower.rsplit("-", 1)[-1]
        if lex.is_plural_noun(last):
            return lex.singularise(last)
        pos = m.end()
    return None


def _ordinal_unit(text: str, end: int) -> str | None:
    """The word an ordinal qualifies (``third quarter`` gives quarter), if any."""
    m = _WORDS_AHEAD.match(text, end)
    if not m or m.group(1).lower() in lex.PHRASE_STOPS or not m.group(1).islower():
        return None
    return lex.singularise(m.group(1))


def _is_name_number(text: str, start: int, words: bool) -> bool:
    """Whether a bare number belongs to a name: ``Channel 4``, ``Windows 95``, ``BBC Three``."""
    before = text[max(0, start - _LOOKBACK):start]
    if words and text[start].isupper() and not _SENTENCE_START.search(before):
        return True
    m = _PREV_WORD.search(before)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if word.endswith(("'s", "’s", "s'", "s’")) or word.lower().replace("’", "'") in _PRONOUNS:
        return False
    if not any(c.isupper() for c in word) or word.lower() in lex.FIGURE_LEADS:
        return False
    return not (word.lower() in lex.MONTHS or word.lower() in lex.WEEKDAYS)


def _skip_token(text: str, end: int) -> int:
    """The end of the alphanumeric run at ``end`` (a model code such as ``3G`` or ``4x4``)."""
    return _MODEL_RUN.match(text, end).end()


def _read_change(text: str, start: int, end: int, kind: str) -> str:
    """The hedge or direction stated around a figure: ``=``, ``~``, ``>``, ``<``, ``up``, ``down``."""
    if kind in ("date", "year", "ordinal", "time"):
        return "="
    m = _CHANGE_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    if m:
        group = m.lastgroup
        bare = m.group(group).lower() in ("up", "down")
        if group in ("up", "down") and bare and kind not in ("percent", "money"):
            return "="
        return {"approx": "~", "less": "<", "more": ">", "up": "up", "down": "down"}[group]
    m = _CHANGE_AFTER.match(text, end)
    if m:
        return ">" if m.group("more") else "~"
    return "="


# --- words: fractions, ordinals, ``a dozen`` -------------------------------------------------


def _read_word_figure(text: str, start: int, word_end: int):
    """Read figures that start with a word: ordinals, fractions, ``a dozen``, ``half a million``."""
    word = text[start:word_end].lower()
    if text[start].isupper() and _is_name_number(text, start, True):
        return None, word_end
    if word in lex.ORDINALS:
        return _read_ordinal_word(text, start, word_end)
    if word in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
        before = _A_SCALE_BEFORE.search(text, max(0, start - 12), start)
        if not before:
            return None, word_end
        factor = 0.5 if before.group("half") else 1.0
        value = factor * (12.0 if word == "dozen" else lex.SCALES[word])
        first = before.start()
        unit, kind, end = _read_suffix(text, word_end, None)
        if kind is None:
            kind, unit = "count", _counted_noun(text, word_end)
        return _figure(text, first, end, value, unit, kind,
                       _read_change(text, first, end, kind)), end
    cardinal = _read_number_words(text, start)
    if cardinal:
        value, end, _, _ = cardinal
        frac = _FRACTION_AFTER.match(text, end)
        if frac and value <= 10 and (frac.group("sep") == "-" or frac.group("of")):
            share = value * lex.FRACTIONS[frac.group("f").lower()] * 100
            end = frac.end("f")
            return _figure(text, start, end, share, "percent", "percent",
                           _read_change(text, start, end, "percent")), end
        ordinal = _ORDINAL_AFTER.match(text, end)
        if ordinal and value in lex.TENS.values() and lex.ORDINALS[ordinal.group(1).lower()] < 10:
            end = ordinal.end()
            value += lex.ORDINALS[ordinal.group(1).lower()]
            return _figure(text, start, end, value, _ordinal_unit(text, end), "ordinal"), end
    return None


def _read_ordinal_word(text: str, start: int, end: int):
    """Read ``third`` as an ordinal, or ``a third of`` as a share (33.3 percent)."""
    word = text[start:end].lower()
    before = _A_OR_ONE_BEFORE.search(text, max(0, start - 6), start)
    if word in lex.FRACTIONS and before and _OF_AFTER.match(text, end):
        share = lex.FRACTIONS[word] * 100
        return _figure(text, before.start(), end, share, "percent", "percent"), end
    value = float(lex.ORDINALS[word])
    return _figure(text, start, end, value, _ordinal_unit(text, end), "ordinal"), end


# --- dates, times, slashes --------------------------------------------------------------------


def _read_date(text: str, start: int, published: date | None):
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


def _read_weekday(text: str, start: int, end: int, published: date | None):
    """Read ``on Wednesday``: the most recent such weekday on or before ``published``."""
    before = _WEEKDAY_LEADS.search(text, max(0, start - 12), start)
    if not before:
        return None, end
    name = text[start:end]
    if published is None:
        return _figure(text, start, end, name, None, "date"), end
    wanted = lex.WEEKDAYS[name.lower()]
    back = (published.weekday() - wanted) % 7
    day = published - timedelta(days=back)
    if before.group(1) == "next":
        day += timedelta(days=7)
    return _figure(text, start, end, day.isoformat(), None, "date"), end


def _read_time(text: str, start: int, published: date | None):
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


def _read_iso_date(text: str, start: int, published: date | None):
    """Read an ISO date written as such (``2004-09-21``)."""
    m = _ISO_DATE.match(text, start)
    iso = m and _iso_date(int(m.group("y")), int(m.group("m")), int(m.group("d")), None)
    return (_figure(text, start, m.end(), iso, None, "date"), m.end()) if iso else None


def _read_slash(text: str, start: int, published: date | None):
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
        return _figure(text, start, m.end(), value, _counted_noun(text, m.end()), "count"), m.end()
    return None, m.end()


def _read_year_span(text: str, start: int, published: date | None):
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
        first = float(m.group("y"))
        return _figure(text, start, m.end(), (first, first + 9), None, "year"), m.end()
    return None
