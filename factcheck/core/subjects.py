"""The noun phrase a reporting verb belongs to: its subject before it (``Lee said``), after it
(``said Lee``, ``according to Lee``), or the subject of a whole sentence with no such verb.
"""

from __future__ import annotations

import re

from factcheck.core import lexicon
from factcheck.core.mentions import (
    GENERIC_NP,
    NP_START,
    Mention,
    alternation,
    find_mentions,
    sentence_ends,
    to_mention,
)

_PHRASE_STOP = re.compile(r"[,;:()\"“”«»]|''")
_NOT_SUBJECT_START = lexicon.PREPOSITIONS | lexicon.NOT_NAMES - {"the", "a", "an", "one", "another"}
_PREPOSITIONS = alternation(lexicon.PREPOSITIONS | {w.capitalize() for w in lexicon.PREPOSITIONS})
_INTRO_PHRASE = re.compile(
    rf"\s*(?:(?:{_PREPOSITIONS})\b|[A-Z][a-z]+(?:ing|ed)\b"
    rf"|(?:[A-Z][a-z]+ly|Early|Late|Soon)\s+(?:{_PREPOSITIONS})\b)[^,\"“”]{{0,120}},"
)
_CORE_VERB = re.compile(r"(?:say|add|tell|ask|write|declare|note|explain|insist|argue)\b")
_QUANTIFIER_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+|\s)(Another|Others|One|Some|Many|Both|Most|Several|Few)\s*$"
)
_SUBJECT_FOLLOWER = re.compile(
    r"\s+[a-z]|\s*\(|\s*,\s+"
    r"(?:a|an|the|who|whose|which|one|his|her|its|their|then|now|also|[0-9]+|[a-z]+ing)\b"
)
_LOWER_PREPOSITION = re.compile(r"\s(?:of|from|at|for|in|with|on)\s")
_ARTICLES = frozenset({"the", "a", "an"})
_PHRASE_DETERMINERS = _ARTICLES | {"one", "another"}
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?$")
_COORDINATION = re.compile(r"\s*(?:and|but|then|before|after)\b")
_OF_PHRASE = re.compile(r"\s+(?:of|for|at|from|with)\s+(?:the\s+)?")
_WEAK_SUBJECTS = frozenset({"it", "who", "you"})
_DOUBLE_MARK = re.compile(r"[\"“”]")
_GAP_BREAK = re.compile(r"[,;:\"“”]")
_PUNCTUATION_ONLY = re.compile(r"\s*[,:][\s,:]*$")


def _strip_appositions(text: str, lo: int, hi: int) -> int:
    """Move ``hi`` back over trailing adverbs and ``, apposition,`` stretches before a verb."""
    for _ in range(3):
        chunk = text[lo:hi].rstrip()
        words = chunk.split()
        if words and words[-1].lower() in lexicon.ADVERBS:
            hi = lo + len(chunk) - len(words[-1])
            continue
        if chunk.endswith(","):
            inner = chunk[:-1]
            cut = inner.rfind(",")
            if cut > 0 and len(inner) - cut < 160 and not _DOUBLE_MARK.search(inner, cut):
                hi = lo + cut
                continue
        break
    return hi


def subject_before(text: str, lo: int, verb_at: int, *, generic: bool = False) -> Mention | None:
    """The subject right before the verb at ``verb_at`` (``X said``, ``the crowd chanted``)."""
    if _INFINITIVE.search(text, max(lo, verb_at - 24), verb_at) and not _CORE_VERB.match(
        text, verb_at
    ):
        return None  # "wants Lee to explain": not a report (but "was quick to say" is)
    hi = _strip_appositions(text, lo, verb_at)
    mentions = [
        m
        for m in find_mentions(text, lo, hi)
        if m[2] == "pro" or text[m[1] : m[1] + 2] not in ("'s", "’s")
    ]
    if mentions:
        last = mentions[-1]
        gap = text[last[1] : hi]
        if len(gap.split()) <= 3 and not _GAP_BREAK.search(gap):
            if _COORDINATION.match(gap):
                # "X praised Y and said": the subject is the one of the first verb.
                return sentence_subject(text, lo, last[0]) or last
            return _head_of(text, mentions)
    quantifier = _QUANTIFIER_SUBJECT.search(text, lo, hi)
    if quantifier:  # "Another said", "Others wrote"
        return quantifier.start(1), quantifier.end(1), "role"
    phrase = GENERIC_NP.search(text, lo, hi) if generic else None
    if phrase:
        return phrase.start(), phrase.start() + len(phrase.group().rstrip()), "role"
    return None


def _head_of(text: str, mentions: list[Mention]) -> Mention:
    """The head of the last noun phrase: ``Ann Lee`` in ``Ann Lee of the Iowa Farm Bureau``."""
    last = mentions[-1]
    for earlier in reversed(mentions[:-1]):
        if earlier[2] == "pro" or not _OF_PHRASE.fullmatch(text, earlier[1], last[0]):
            break
        last = earlier
    return last


def subject_after(text: str, verb_end: int, hi: int, *, generic: bool = False) -> Mention | None:
    """The mention right after a verb (``said X``, ``said former governor X``, ``according to X``).

    Looks at the phrase up to the next comma or full stop: a pronoun or role at its start, else
    its last capitalised name.
    """
    m = NP_START.match(text, verb_end, hi)
    if m and m.lastgroup != "name":
        return to_mention(text, m)
    stop = _PHRASE_STOP.search(text, verb_end, hi)
    stop_at = stop.start() if stop else hi
    ends = sentence_ends(text, verb_end, stop_at)
    stop_at = ends[0] if ends else stop_at
    words = text[verb_end:stop_at].split()
    if not words or len(words) > 12:
        return None
    if generic and words[0].lower() in _PHRASE_DETERMINERS:  # "said a former senior official"
        start = verb_end + len(text[verb_end:stop_at]) - len(text[verb_end:stop_at].lstrip())
        end = len(text[:stop_at].rstrip(" ."))
        names = [n for n in find_mentions(text, start, end) if n[2] == "name"]
        return names[-1] if names else (start, end, "role") if end > start else None
    if words[0].lower() in _NOT_SUBJECT_START:
        return None
    # "said Ann Lee of the University of Iowa": the name before the first preposition.
    of = _LOWER_PREPOSITION.search(text, verb_end, stop_at)
    names = [n for n in find_mentions(text, verb_end, stop_at) if n[2] == "name"]
    if not names:
        return None
    if of and _titles_only(text[verb_end : of.start()]):
        # "said Secretary of State Ann Lee": the whole titled name, not the title alone.
        start = (
            verb_end + len(text[verb_end : of.start()]) - len(text[verb_end : of.start()].lstrip())
        )
        return start, names[-1][1], "name"
    names = [n for n in names if not of or n[1] <= of.start()]
    return names[-1] if names else None


def _titles_only(words: str) -> bool:
    """Tell whether ``words`` are titles only (``Secretary``, ``Deputy Director``)."""
    split = words.split()
    return bool(split) and all(w.rstrip(".").lower() in lexicon.TITLES for w in split)


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The first person-like mention of ``text[lo:hi]`` that is not inside a prepositional phrase.

    A fallback for quotes with no reporting verb: the subject of their sentence most often said
    them ("Lee has called the plan "a disaster"").
    """
    intro = _INTRO_PHRASE.match(text, lo, hi)
    if intro:
        lo = intro.end()
    fallback = None
    for start, end, kind in find_mentions(text, lo, hi):
        if kind == "pro" and text[start:end].lower() in _WEAK_SUBJECTS:
            continue
        before = [w.lower().strip(",") for w in text[max(lo, start - 30) : start].split()]
        while before and before[-1] in _ARTICLES:
            before.pop()
        if before and before[-1] in lexicon.PREPOSITIONS:
            continue
        if kind == "name" and text[start:end].split()[0].endswith(("ing", "ed")):
            continue
        if kind != "pro" and text[end : end + 2] in ("'s", "’s"):
            continue  # a possessor ("Lee's plan"), not the subject
        if kind == "name" and text[start:end].isupper() and end - start > 20:
            continue  # an upper-case headline
        if kind == "name" and not _SUBJECT_FOLLOWER.match(text, end):
            fallback = fallback or (start, end, kind)
            continue  # a place or list item ("in Salem, New Hampshire, Lee said")
        return start, end, kind
    return fallback


def inverted_subject(text: str, verb_end: int, hi: int) -> Mention | None:
    """``said X:`` before a quote: a name right after the verb, then a colon or comma.

    Without the punctuation the name starts the reported clause (``says Ali "walked the walk"``).
    """
    found = subject_after(text, verb_end, hi)
    if found and found[2] != "pro" and _PUNCTUATION_ONLY.match(text, found[1], hi):
        return found
    return None
