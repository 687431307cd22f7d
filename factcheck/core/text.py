"""Text normalisation for matching, keeping a map back to the original offsets.

Matching compares texts that differ in ways editors do not care about: curly vs straight quote
marks and apostrophes, ``…`` vs ``...``, HTML entities left in web copy (``&#233;``), letter case.
:func:`normalize` removes those differences and remembers, for every character it produces, the
span of the original text it came from, so any match found in normalised text maps back exactly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from factcheck.core.patterns import alternation

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2026": "...",
    "\u00a0": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
}
_FOLD_TABLE = str.maketrans(_FOLD)
#: A word: letters/digits, with inner apostrophes (``don't``, ``week's``).
_WORD = re.compile(r"\w+(?:'\w+)*")
#: Editorial marks inside quotes: an ellipsis, or a [bracketed] clarification.
_EDITORIAL = re.compile(r"\.\s*\.\s*\.|\[[^\[\]\n]{0,80}\]")
#: Sentence ends: terminal punctuation (and closing marks) followed by space and a capital/quote.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s")
_TITLE_TEXT = "mr mrs ms miss dr prof professor sir lord lady dame rev president"
_TITLES = frozenset(_TITLE_TEXT.split())
_NOT_NAME_TEXT = "he she they it we i you who his her their the a an one its this that"
_NOT_NAMES = frozenset(_NOT_NAME_TEXT.split())
#: Words a full stop follows without ending the sentence: titles, months, initials, "No.".
_ABBREVIATION_TEXT = """mr mrs ms dr prof sen rep gov gen lt col capt sgt rev st mt jan feb mar
    apr jun jul aug sep sept oct nov dec no nos inc ltd corp co vs jr sr approx fig vol"""
_ABBREVIATIONS = alternation(_ABBREVIATION_TEXT.split())
_ABBREVIATION = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|(?<![\w.])[A-Z])$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text with, per character, the original span it came from."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    #: Every character maps to the one at the same offset (no entity, nothing folded to more).
    same_offsets: bool = False

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text back to the original text."""
        if end <= start:
            pos = (
                self.starts[start]
                if start < len(self.starts)
                else (self.ends[-1] if self.ends else 0)
            )
            return pos, pos
        return self.starts[start], self.ends[end - 1]


class Token(NamedTuple):
    """A word (normalised) or an editorial mark, with its span in the original text.

    ``kind`` is ``word``, ``ellipsis`` or ``bracket``. (A named tuple: a check makes tens of
    thousands, and a tuple is the cheapest to build.)
    """

    norm: str
    start: int
    end: int
    kind: str = "word"


def normalize(text: str, *, lower: bool = True) -> Normalized:
    """Fold quote marks, apostrophes, ellipses, dashes and HTML entities; optionally lower-case.

    >>> normalize("Don\u2019t &#233;").text
    "don't é"
    """
    if "&" not in text or not _ENTITY.search(text):
        folded = text.translate(_FOLD_TABLE)
        folded = folded.lower() if lower else folded
        if len(folded) == len(text):  # the usual case: offsets are the same, nothing to map
            return Normalized(folded, range(len(text)), range(1, len(text) + 1), True)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        _fold_plain(text, pos, m.start(), lower, out, starts, ends)
        repl = "".join(_FOLD.get(c, c) for c in html.unescape(m.group()))
        for ch in repl.lower() if lower else repl:
            out.append(ch)
            starts.append(m.start())
            ends.append(m.end())
        pos = m.end()
    _fold_plain(text, pos, len(text), lower, out, starts, ends)
    return Normalized("".join(out), tuple(starts), tuple(ends))


def _fold_plain(text, begin, stop, lower, out, starts, ends) -> None:
    piece = text[begin:stop]
    folded = piece.translate(_FOLD_TABLE)
    if lower:
        folded = folded.lower()
    if len(folded) == len(piece):  # one character for one: the usual case, done in C
        out.append(folded)
        starts.extend(range(begin, stop))
        ends.extend(range(begin + 1, stop + 1))
        return
    for i in range(begin, stop):
        rep = _FOLD.get(text[i], text[i])
        for c in rep.lower() if lower else rep:
            out.append(c)
            starts.append(i)
            ends.append(i + 1)


_new_tuple = tuple.__new__


def tokenize(text: str, *, editorial: bool = False) -> list[Token]:
    """Return the words of ``text`` (normalised, lower-cased) with their original offsets.

    With ``editorial=True``, an ellipsis yields an ``ellipsis`` token and a ``[bracketed]`` insert
    yields one ``bracket`` token instead of its words.

    >>> [(t.norm, t.kind) for t in tokenize("We [Acme] can\u2019t ... go", editorial=True)]
    [('we', 'word'), ('[acme]', 'bracket'), ("can't", 'word'), ('...', 'ellipsis'), ('go', 'word')]
    """
    return list(_tokens(text, editorial))


@lru_cache(maxsize=32768)  # a worker meets the same source passages claim after claim
def _tokens(text: str, editorial: bool) -> tuple[Token, ...]:
    norm = normalize(text)
    tokens: list[Token] = []
    pos = 0
    marks = _EDITORIAL.finditer(norm.text) if editorial else iter(())
    for mark in marks:
        tokens.extend(_words(norm, pos, mark.start()))
        kind = "bracket" if mark.group().startswith("[") else "ellipsis"
        start, end = norm.span(mark.start(), mark.end())
        tokens.append(Token(mark.group() if kind == "bracket" else "...", start, end, kind))
        pos = mark.end()
    tokens.extend(_words(norm, pos, len(norm.text)))
    return tuple(tokens)


def _words(norm: Normalized, begin: int, stop: int) -> list[Token]:
    if norm.same_offsets:  # (tuple.__new__: a named tuple's own __new__ is a Python call)
        return [_new_tuple(Token, (m.group(), *m.span(), "word"))
                for m in _WORD.finditer(norm.text, begin, stop)]
    out = []
    for m in _WORD.finditer(norm.text, begin, stop):
        start, end = norm.span(m.start(), m.end())
        out.append(Token(m.group(), start, end))
    return out


def fold(text: str) -> str:
    """``normalize(text).text`` without the offsets: the same folded, lower-cased text, fast.

    >>> fold("Don’t &#233;…")
    "don't é..."
    """
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return text.translate(_FOLD_TABLE).lower()


def plain_runs(text: str) -> list[list[str]]:
    """The words of ``text`` as :func:`tokenize` yields them, split into runs at editorial marks.

    >>> plain_runs("We [Acme] can’t ... go")
    [['we'], ["can't"], ['go']]
    """
    return [_WORD.findall(piece) for piece in _EDITORIAL.split(fold(text))]


def plain_words(text: str) -> str:
    """The normalised words of ``text``, space-joined, editorial marks and [inserts] left out.

    The same words as ``tokenize(text, editorial=True)`` yields, without their offsets: fast.

    >>> plain_words("We [Acme] can’t ... go &amp; see")
    "we can't go see"
    """
    return " ".join(_WORD.findall(_EDITORIAL.sub(" ", fold(text))))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences (never across a line break), as trimmed ``(start, end)`` spans.

    >>> t = "Sales rose 5.1%. Mr Lee said so on Sept. 21 at 3pm.\\nNext line"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Sales rose 5.1%.', 'Mr Lee said so on Sept. 21 at 3pm.', 'Next line']
    """
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "." and _ABBREVIATION.search(text, max(m.start() - 8, 0), m.start()):
            continue  # "Sept. 21", "Dr. Lee", "John F. Kennedy": not the end of a sentence
        spans.append((pos, m.end() if m.group() != "\n" else m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence(s) holding ``text[start:end]``, never past a line break."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)]
    after = _SENTENCE_BREAK.search(text, end + 2, hi)
    return (breaks[-1] if breaks else lo), (after.start() + 1 if after else hi)


#: Lower-case words that may stand inside a person's name (``Ursula von der Leyen``).
_NAME_PARTICLES = frozenset(["al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van", "von", "y"])


def is_person_name(text: str) -> bool:
    """Say whether ``text`` reads as a person's name, not a pronoun, an article or a role.

    Every word is capitalised (name particles aside) and none is possessive, so
    ``Scotland's justice minister`` and ``the spokesman`` are not names.

    >>> [is_person_name(t) for t in ("Ann van der Berg", "Scotland's justice minister", "he")]
    [True, False, False]
    """
    words = text.split()
    if not words or words[0].lower() in _NOT_NAMES:
        return False
    return all(
        (w[:1].isupper() or w.lower() in _NAME_PARTICLES) and not w.lower().endswith(("'s", "’s"))
        for w in words
    )


_NAME_WORD = re.compile(r"[\w'-]+")


def _name_tokens(name: str) -> set[str]:
    words = _NAME_WORD.findall(normalize(name).text)
    return {w for w in words if w not in _TITLES and len(w) > 1}


def same_person(a: str, b: str) -> bool:
    """Lenient: one person when the surnames agree or one name is part of the other.

    ``Mr Quinn`` == ``Robert Quinn`` == ``Quinn``; ``Dr Ann Lee`` != ``Dr Bob Roe``.
    """
    first, second = _name_tokens(a), _name_tokens(b)
    if not first or not second:
        return True
    return first <= second or second <= first or surname(a) == surname(b)


def surname(name: str) -> str:
    """The last word of a name, normalised (``O’Neil`` -> ``o'neil``)."""
    words = _NAME_WORD.findall(normalize(name).text)
    return words[-1] if words else ""
