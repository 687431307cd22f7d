"""Noun phrases that may name a speaker (names, roles, pronouns), reporting verbs, sentence ends.

The regular expressions are compiled once here and shared by the cue finder and the resolver.
A mention is ``(start, end, kind)`` with kind ``name``, ``role`` or ``pro``.
"""

from __future__ import annotations

import re

from factcheck.core import lexicon
from factcheck.core.patterns import alternation

#: A mention in the text: ``(start, end, kind)`` with kind ``name``, ``role`` or ``pro``.
Mention = tuple[int, int, str]


_VERBS = alternation(lexicon.REPORTING_VERBS)
VERB = re.compile(
    rf"\b(?:{alternation(lexicon.REPORTING_PHRASES)})\b"
    # A verb form right after a determiner or possessive is a noun ("his remarks", "the claim").
    r"|(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\ban )(?<!['’]s )"
    r"(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )"
    # ... and so is one right after a preposition ("in states", "of claims"), but for a gerund.
    r"(?:(?=\w+ing\b)|(?<!\bin )(?<!\bof )(?<!\bfor )(?<!\bwith )(?<!\bon )(?<!\bat )"
    r"(?<!\bby )(?<!\bfrom ))"
    rf"\b(?:{_VERBS})\b"
)
_TITLE_WORDS = alternation({t.capitalize() for t in lexicon.TITLES} | {"U.S.", "Sen", "Rep"})
_CAP = r"(?:[A-Z][\w-]*(?:['’](?!s\b)[A-Za-z][\w-]*)*\.?|[A-Z]\.)"
_DETERMINERS = alternation(lexicon.DETERMINERS | {d.capitalize() for d in lexicon.DETERMINERS})
_PARTICLE = r"(?:de|la|van|von|der|den|bin|al|da|di|du|del|le|el|dos|das|St\.)"
# Only an initial or a short abbreviation may end with a full stop inside a name ("James B. Lee",
# "St. Paul"): otherwise the stop ends a sentence ("… to CNN. Lee said").
_CAP_INNER = r"(?:[A-Z][\w-]*(?:['’](?!s\b)[A-Za-z][\w-]*)*(?!\.)|[A-Z]\.|(?:Jr|Sr|St|Mt|Ft)\.)"
#: White space inside a noun phrase: never a line break, which ends a paragraph (a headline's
#: last word and the next paragraph's first name are two mentions).
_SP = r"[^\S\n]+"
NAME = rf"(?:(?:{_TITLE_WORDS})\.?{_SP})*(?:{_CAP_INNER}{_SP}(?:{_PARTICLE}{_SP})?)*{_CAP}"
_ROLE = (
    rf"(?:\b(?:{_DETERMINERS}){_SP}|{_CAP}['’]s?{_SP})"
    rf"(?:[\w'’-]+{_SP}){{0,4}}?(?:{alternation(lexicon.ROLE_NOUNS)})\b"
)
GENERIC_NP = re.compile(rf"\b(?:{_DETERMINERS}){_SP}(?:[\w'’.-]+{_SP}){{0,4}}?[\w'’-]+\s*$")
_PRONOUN = r"\b(?:he|she|they|we|it|I|He|She|They|We|It|who)\b"
# (a name starts with a capital: the look-ahead rejects every other position at once)
NP = re.compile(rf"(?P<pro>{_PRONOUN})|(?P<role>{_ROLE})|(?P<name>(?=[A-Z])(?<![\w'’-]){NAME})")
NP_START = re.compile(rf"\s*(?:(?P<pro>{_PRONOUN})|(?P<role>{_ROLE})|(?P<name>{NAME}))")
_ABBREVIATION = re.compile(
    rf"(?:\b(?:{_TITLE_WORDS}|[A-Z]|[A-Z][a-z]?\.[A-Z]|Jr|Sr|St|No|vs|Inc|Co|Corp|Ltd)|\.\.)$"
)
_SENTENCE_END = re.compile(r"[.!?]['’\"”)]*\s+(?=['‘\"“(]*[A-Z0-9])")
NAME_MENTION = re.compile(rf"(?P<name>(?=[A-Z])(?<![\w'’-]){NAME})")
#: The same, where a second word may follow (a capitalised one or a particle): a faster way to
#: the mentions of several words (each match still has to be looked at).
NAMES_OF_SEVERAL_WORDS = re.compile(
    rf"(?P<name>(?=[A-Z])(?<![\w'’-])(?=\S+{_SP}(?:[A-Z]|{_PARTICLE}{_SP})){NAME})")
_WORD = re.compile(r"[\w'’-]+")
#: The rest of an introductory phrase: a few words up to a comma (``Hours later,``).
_INTRO_END = re.compile(r"(?:\s+[\w'’-]+){0,3}\s*,")
_SPACES = re.compile(r"\s+")


def sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets where a sentence ends inside ``text[lo:hi]`` (after the full stop and spaces)."""
    ends = []
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), hi + 8)):
        if m.start() >= hi:
            break
        if text[m.start()] == "." and _ABBREVIATION.search(
            text, max(lo, m.start() - 12), m.start()
        ):
            continue
        ends.append(m.end())
    return ends


def to_mention(text: str, m: re.Match) -> Mention | None:
    """Turn a noun-phrase match into a cleaned ``(start, end, kind)`` mention."""
    kind = m.lastgroup
    start, end = m.start(kind), m.end(kind)
    if kind == "name":
        # Drop sentence-initial function words ("But Lee") and a trailing full stop.
        while True:
            first = _WORD.match(text, start)
            if not first or first.group().lower() not in lexicon.NOT_NAMES:
                break
            nxt = _SPACES.match(text, first.end())
            if not nxt or nxt.end() >= end:
                return None
            start = nxt.end()
        if text[end - 1] == "." and not _ABBREVIATION.search(text[start : end - 1]):
            end -= 1
        words = text[start:end].split()
        if all(w.rstrip(".").lower() in lexicon.TITLES for w in words) and not (
            len(words) > 1 and words[0].rstrip(".").lower() in lexicon.HONORIFICS
        ):
            return None  # titles alone, but "Mr. King" is a surname after an honorific
        if len(words) == 1 and _only_opens_sentences(text, start, end):
            return None
    return start, end, kind


def _only_opens_sentences(text: str, start: int, end: int) -> bool:
    """Tell whether a one-word name opening an introductory phrase is capitalised only there.

    ``Hours later, she said``, ``Outside the hall, …``: a word that bears a capital only at
    sentence starts is an ordinary word; a name keeps its capital mid-sentence too (``… said
    Lee``).  Only a word that ends its phrase at a comma within a few words is dropped, so the
    head of a subject (``Aides to Lee said``) stays.
    """
    if not _opens_sentence(text, start) or not _INTRO_END.match(text, end):
        return False
    return all(_opens_sentence(text, at) for at in _whole_word_offsets(text, text[start:end]))


def _whole_word_offsets(text: str, word: str):
    """Where ``word`` stands in ``text`` as a whole word (no letter, digit, _, ' or - beside)."""
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
                after == len(text) or not _is_word_char(text[after])):
            yield at
        at = text.find(word, at + 1)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’-"  # (a regex's \w is alphanumeric or _)


def _opens_sentence(text: str, pos: int) -> bool:
    """Tell whether ``pos`` starts a line or follows a sentence end and opening marks."""
    lo = max(0, pos - 40)
    before = text[lo:pos].rstrip(" \t\u00a0\"“”‘’'([")
    if not before:
        return lo == 0  # the start of the text (a longer run of marks is no sentence start)
    return before.endswith("\n") or (
        before[-1] in ".!?" and not _ABBREVIATION.search(before[:-1])
    )


def find_mentions(text: str, lo: int, hi: int) -> list[Mention]:
    """All noun-phrase mentions (names, roles, pronouns) in ``text[lo:hi]``."""
    found = []
    for m in NP.finditer(text, lo, hi):
        mention = to_mention(text, m)
        if mention:
            found.append(mention)
    return found


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (line) around ``pos``."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi
