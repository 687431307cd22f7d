"""Direct-quote extraction: quotation marks paired per paragraph, then a speaker for each quote.

Marks: curly “ ”, guillemets « », low „ (fixed direction), straight " and the doubled ''
(direction from their neighbours, else alternating).  Single quotes are never quotation marks,
so quotes nested inside a quote stay part of it.  A quotation left open at the end of a paragraph
continues when the next paragraph opens with a mark (one quote across paragraphs); otherwise it
ends with its paragraph, so a stray mark never swallows the rest of the text.  Quoted stretches
with no attribution that do not read like speech (scare quotes, titles, nicknames) are dropped.
``extract_transcript_turns`` reads ``NAME: words`` lines of transcripts, which carry no marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core import lexicon
from factcheck.core.attribution import attribute
from factcheck.core.types import Quote, Speaker

_MARK = re.compile(r"'''|''|[\"“”«»„]")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPENERS = frozenset("“«„")
_CLOSERS = frozenset("”»")
_BEFORE_OPENING = frozenset(" \t\u00a0([{—–-/")
_AFTER_CLOSING = frozenset(" \t\u00a0,.;:!?)]}—–-/")
_TITLE_SMALL_WORDS = lexicon.TITLE_SMALL_WORDS
_TITLE_CONTEXT = re.compile(
    r"(?:['’]s|\b(?:{}))[\s,]*$".format("|".join(sorted(lexicon.PREPOSITIONS | lexicon.WORK_NOUNS)))
)
_LETTERS = re.compile(r"[^\W\d_]+")
_BYLINE = re.compile(r",\s*by\s+[A-Z]")
_SO_CALLED = re.compile(r"\bso-called\s*$", re.IGNORECASE)
_TURN = re.compile(
    r"^[ \t]*(?P<name>Q|A|(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?"
    r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+[A-Z][\w'’-]+"
    r"|[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})[ \t]*:[ \t]+(?P<text>\S[^\n]*)$",
    re.MULTILINE,
)
_NOT_SPEAKER_LABELS = lexicon.NOT_SPEAKER_LABELS

#: Most words of a title-case stretch that may be a title ("The Daily Show") rather than speech.
TITLE_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Stretch:
    """A quoted stretch: inner ``start``/``end`` and the outer mark offsets."""

    open_at: int  # offset of the opening mark
    start: int
    end: int
    close_end: int  # offset just after the closing mark (== end when unclosed)
    closed: bool


def _mark_direction(text: str, pos: int, end: int, lo: int, hi: int) -> str:
    """Return ``open``, ``close`` or ``either`` for the mark ``text[pos:end]`` of line ``lo:hi``."""
    char = text[pos]
    before = text[pos - 1] if pos > lo else " "
    after = text[end] if end < hi else " "
    if char in _OPENERS:
        # A misplaced opener after a word and before a space closes ("done.“ he said").
        return "close" if char == "“" and not before.isspace() and after.isspace() else "open"
    if char in _CLOSERS:
        return "close"
    opening = before in _BEFORE_OPENING and not after.isspace()
    closing = not before.isspace() and (after in _AFTER_CLOSING or after in '"“”')
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "either"


def _line_marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """List ``(start, end, direction)`` of the quotation marks in the line ``text[lo:hi]``."""
    marks = []
    for m in _MARK.finditer(text, lo, hi):
        pos, end = m.start(), m.end()
        if end - pos == 3:  # a nested single quote next to a doubled mark: '''Sir or it,'''
            after = text[end] if end < hi else " "
            pos, end = (
                (pos, pos + 2)
                if not after.isspace() and (pos == lo or text[pos - 1].isspace())
                else (pos + 1, end)
            )
        marks.append((pos, end, _mark_direction(text, pos, end, lo, hi)))
    return marks


def find_quoted_stretches(text: str) -> list[Stretch]:
    """Pair the quotation marks of ``text`` into stretches, paragraph by paragraph.

    >>> [text[s.start:s.end] for s in find_quoted_stretches('He said "yes" and «non».')]
    ['yes', 'non']
    """
    lines = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    stretches: list[Stretch] = []
    open_mark: tuple[int, int] | None = None
    for index, (lo, hi) in enumerate(lines):
        marks = _line_marks(text, lo, hi)
        if open_mark is not None and marks and marks[0][2] != "close":
            marks = marks[1:]  # the continuation mark of a multi-paragraph quote
        for pos, end, direction in marks:
            if open_mark is None:
                if direction != "close":
                    open_mark = (pos, end)
            elif direction != "close" and not text[open_mark[1] : pos].strip():
                open_mark = (open_mark[0], end)  # doubled opening marks ("“)
            else:  # any mark closes an open quote, even a misplaced opener
                stretches.append(Stretch(open_mark[0], open_mark[1], pos, end, True))
                open_mark = None
        if open_mark is not None and not _continues(text, lines, index):
            stop = len(text[lo:hi].rstrip()) + lo
            if stop > open_mark[1]:
                stretches.append(Stretch(open_mark[0], open_mark[1], stop, stop, False))
            open_mark = None
    return [s for s in stretches if text[s.start : s.end].strip()]


def _continues(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Tell whether the paragraph after ``lines[index]`` opens with a quotation mark."""
    if index + 1 >= len(lines):
        return False
    lo, hi = lines[index + 1]
    first = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
    marks = _line_marks(text, lo, hi)
    return bool(marks) and marks[0][0] == first and marks[0][2] != "close"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space inside a stretch."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_speech_like(text: str, stretch: Stretch, *, cued: bool) -> bool:
    """Tell whether a quoted stretch may be speech rather than a title, name or markup value.

    Markup attribute values (``id="123"``) and scare quotes after "so-called" never are; a short
    title-case stretch (``"The Daily Show"``) is speech only when a reporting verb ties it to a
    speaker and it does not follow a possessive, a preposition or a work noun (``NBC's "…"``,
    ``on "…"``, ``the book "…"``).  Anything else may be a partial quote.
    """
    before = text[max(0, stretch.open_at - 40) : stretch.open_at]
    if before.endswith("=") or _SO_CALLED.search(before):
        return False
    inner = text[stretch.start : stretch.end].strip()
    if inner[:1].isupper() and _BYLINE.match(
        inner[-1:] + text[stretch.close_end : stretch.close_end + 8]
    ):
        return False  # a headline with its author: "Mayor opens bridge," by Jane Doe
    words = [w for w in text[stretch.start : stretch.end].split() if w[0].isalnum()]
    if not words or len(words) > TITLE_MAX_WORDS:
        return True
    if not all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words):
        return True
    return cued and (len(words) == 1 or not _TITLE_CONTEXT.search(before))


def extract_quotes(text: str) -> list[Quote]:
    """Return the direct quotes of ``text`` in order, each with its speaker when one is named.

    Quotes are sorted by ``start`` and never overlap; ``Quote.text`` is the text inside the
    marks.  Titles, scare quotes and markup values are left out (see ``is_speech_like``).

    >>> [(q.text, q.speaker.name) for q in extract_quotes('"We will win," said Ann Lee.')]
    [('We will win,', 'Ann Lee')]
    """
    stretches = find_quoted_stretches(text)
    quotes = []
    for stretch, (speaker, cued) in zip(stretches, attribute(text, stretches)):
        if is_speech_like(text, stretch, cued=cued):
            start, end = _trim(text, stretch.start, stretch.end)
            quotes.append(Quote(start, end, text[start:end], speaker))
    return quotes


def extract_transcript_turns(text: str) -> list[Quote]:
    """Return each ``NAME: words`` line of a transcript as a quote spoken by ``NAME``.

    For references that are transcripts, where speech carries no quotation marks.  Only lines
    that start with a short capitalised name (``JOHN KIRBY``, ``MR. KIRBY``, ``Jane Doe``, ``Q``)
    followed by a colon count; common labels (``NOTE:``, ``UPDATE:``) and single title-case
    words (``Update:``) do not.  A turn is its line; the speaker span is the name as written,
    ``Speaker.name`` the name without titles, a surname completed to the full name of an
    earlier turn (``MR. KIRBY`` after ``JOHN KIRBY`` is ``John Kirby``).

    >>> [(q.text, q.speaker.name) for q in extract_transcript_turns('MR. KIRBY: We said so.')]
    [('We said so.', 'Kirby')]
    """
    turns = []
    full_names: dict[str, str] = {}
    for m in _TURN.finditer(text):
        raw = m.group("name")
        if raw.lower() in _NOT_SPEAKER_LABELS:
            continue
        words = [w for w in raw.split() if w.rstrip(".").lower() not in lexicon.TITLES | {"the"}]
        name = _display_name(words or raw.split())
        if len(words) > 1:
            full_names[words[-1].upper()] = name
        elif words:
            name = full_names.get(words[0].upper(), name)
        start, end = _trim(text, m.start("text"), m.end("text"))
        speaker = Speaker(m.start("name"), m.end("name"), raw, name)
        turns.append(Quote(start, end, text[start:end], speaker))
    return turns


def _display_name(words: list[str]) -> str:
    """Title-case upper-case name words (``KIRBY`` -> ``Kirby``), keep the others."""
    return " ".join(
        _LETTERS.sub(lambda m: m.group().capitalize(), w) if w.isupper() and len(w) > 1 else w
        for w in words
    )
