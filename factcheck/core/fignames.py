"""Numbers that are not figures: names, labels, addresses, formations, multipliers.

A number is part of a name when a capitalised word other than a figure lead comes right before
it (``Channel 4``, ``Windows 95``, ``No 10``), a label when a label noun comes right before it
(``junction 10``, ``route 66``, ``volume 14``), an address when a street name follows it
(``10 Downing Street``), a phone number after a calling verb (``call 999``). A year-like number
right before a capitalised organisation noun names the organisation (``the 1922 Committee``),
while before any other capitalised word it stays a year (``the 2004 Olympics``, ``the 1998
Act``). ``three times as many`` and ``three-fold`` are multipliers, and ``4-4-2`` a formation.
"""

from __future__ import annotations

import re

from factcheck.core import numbers as lex

_LOOKBACK = 40


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns that label a thing by number rather than count it (``junction 10``, ``issue 3``).
LABEL_NOUNS = _words("""
junction volume vol issue chapter service route flight platform gate room bus exit terminal
section article clause paragraph page channel category tier episode track phase band bay berth
pier row seat suite apartment grade level stage ward locker division league interstate highway
motorway road
""")
#: Capitalised nouns naming an organisation after a year (``the 1922 Committee``).
ORGANISATION_NOUNS = _words("""
committee club group society foundation party movement trust association council commission
institute centre center fund band company project network league union alliance federation
""")
_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Place|Square|Terrace|Close|Crescent"
           r"|Boulevard|Court|Gardens|Row|Hill|Mews|Parade|Walk|Park)\b")
_ADDRESS = re.compile(rf"[A-Za-z]?(?:\s+[A-Z][a-z]+){{1,3}}\s+{_STREET}")
_CALL_BEFORE = re.compile(r"\b(?:call|calls|called|calling|dial|dials|dialled|dialed|dialling"
                          r"|ring|rang|phone|phoned|text|texted)\s+$", re.IGNORECASE)
_EMERGENCY = re.compile(r"(?:999|911|112|111|101)\s+(?:call|calls|line|operator|service)")
_FORMATION = re.compile(r"\d(?:-\d){2,}(?![\d-])")
_MULTIPLIER = re.compile(
    r"(?:\s+|-)(?:times|fold)\b(?=\s+(?:as|more|less|fewer|higher|lower|greater|bigger|larger"
    r"|smaller|faster|slower|longer|shorter|cheaper|dearer|stronger|weaker|worse|better|likelier"
    r"|likely|the|that|what|its|their|his|her|our)\b)|-?fold\b"
)
_ABBREVIATED_LABEL = re.compile(r"\b(?:No|Nos|Vol|Ch|Art|Sec|Pt|Para|no|nos|vol)\.[ \t]*$")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’&]*)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"'’”)]*\s+|[\"“‘'(\[]\s*|\n\s*|[-–—]\s+)$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_PRONOUNS = frozenset({"i", "i'm", "i've", "i'd", "i'll"})


def is_name_number(text: str, start: int, words: bool) -> bool:
    """Whether a bare number belongs to a name: ``Channel 4``, ``Windows 95``, ``BBC Three``."""
    before = text[max(0, start - _LOOKBACK):start]
    if words and text[start].isupper() and not _SENTENCE_START.search(before):
        return True
    if _ABBREVIATED_LABEL.search(before):
        return True
    m = _PREV_WORD.search(before)
    if not m:
        return False
    word = m.group(1)
    if word.endswith(("'s", "’s", "s'", "s’")) or word.lower().replace("’", "'") in _PRONOUNS:
        return False
    if word in ("No", "Nos"):
        return True
    if not any(c.isupper() for c in word) or word.lower() in lex.FIGURE_LEADS:
        return False
    return not (word.lower() in lex.MONTHS or word.lower() in lex.WEEKDAYS)


def is_label_number(text: str, start: int, end: int) -> bool:
    """Whether a bare number labels rather than counts: ``junction 10``, ``call 999``,
    ``10 Downing Street``."""
    before = text[max(0, start - _LOOKBACK):start]
    m = _PREV_WORD.search(before)
    if m and m.group(1).lower() in LABEL_NOUNS:
        return True
    return bool(_CALL_BEFORE.search(before) or _ADDRESS.match(text, end))


def is_emergency_number(text: str, start: int) -> bool:
    """Whether the number at ``start`` is an emergency line (``999 calls``, ``a 911 operator``)."""
    return bool(_EMERGENCY.match(text, start))


def formation_end(text: str, start: int) -> int | None:
    """The end of a formation such as ``4-4-2`` or ``3-5-2`` starting at ``start``, if any."""
    m = _FORMATION.match(text, start)
    return m.end() if m else None


def multiplier_end(text: str, end: int) -> int | None:
    """The end of ``times``/``-fold`` when the number before ``end`` multiplies (``three times
    as many``, ``10 times the average``, ``three-fold``), else None."""
    m = _MULTIPLIER.match(text, end)
    return m.end() if m else None


def names_organisation(text: str, end: int) -> bool:
    """Whether a year-like number ending at ``end`` names an organisation (``1922 Committee``)."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() in ORGANISATION_NOUNS
