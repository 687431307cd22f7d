"""Quotation marks paired into quoted stretches, paragraph by paragraph.

Marks: curly “ ”, guillemets « », low „ (fixed direction), straight " and the doubled ''
(direction from their neighbours, else alternating).  Single quotes are never quotation marks,
so quotes nested inside a quote stay part of it.  A quotation left open at the end of a paragraph
continues when the next paragraph opens with a mark (one quote across paragraphs); otherwise it
ends with its paragraph, so a stray mark never swallows the rest of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"'''|''|[\"“”«»„]")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPENERS = frozenset("“«„")
_CLOSERS = frozenset("”»")
_BEFORE_OPENING = frozenset(" \t\u00a0([{—–-/")
_AFTER_CLOSING = frozenset(" \t\u00a0,.;:!?)]}—–-/")
#: A right single quote after a sentence end and before a new sentence: ``… it.’ Lee was …``.
_SINGLE_CLOSE = re.compile(r"[.!?]’(?=[ \t\u00a0]+[A-Z])")


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

    >>> text = 'He said "yes" and «non».'
    >>> [text[s.start : s.end] for s in find_quoted_stretches(text)]
    ['yes', 'non']
    """
    lines = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    stretches: list[Stretch] = []
    open_mark: tuple[int, int] | None = None
    breaks: list[tuple[int, int, int]] = []  # paragraphs the open quote continued into
    for index, (lo, hi) in enumerate(lines):
        marks = _line_marks(text, lo, hi)
        if open_mark is not None and marks and marks[0][2] != "close":
            breaks.append((_paragraph_end(text, lines[index - 1]), *marks[0][:2]))
            marks = marks[1:]  # the continuation mark of a multi-paragraph quote
        for pos, end, direction in marks:
            if open_mark is None:
                if direction != "close":
                    open_mark, breaks = (pos, end), []
            elif direction != "close" and not text[open_mark[1] : pos].strip():
                open_mark = (open_mark[0], end)  # doubled opening marks ("“)
            elif direction == "open":
                # A mark that can only open (“ before a word, " between a space and a word)
                # starts a new quote: the one still open ends before it, unclosed.
                stretches += _unclosed(open_mark, breaks, pos)
                open_mark, breaks = (pos, end), []
            else:  # any other mark closes an open quote, even a misplaced opener
                stretches.append(Stretch(open_mark[0], open_mark[1], pos, end, True))
                open_mark = None
        if open_mark is not None and not _continues(text, lines, index):
            stop = _paragraph_end(text, (lo, hi))
            if stop > open_mark[1]:
                stretches += _unclosed(open_mark, breaks, stop)
            open_mark = None
    return [_close_at_single_mark(text, s) for s in stretches if text[s.start : s.end].strip()]


def _paragraph_end(text: str, line: tuple[int, int]) -> int:
    lo, hi = line
    return lo + len(text[lo:hi].rstrip())


def _unclosed(open_mark: tuple[int, int], breaks: list[tuple[int, int, int]],
              stop: int) -> list[Stretch]:
    """The stretches of a quote never closed: one per paragraph it ran through.

    A quote that continues over paragraphs ends, by the news convention, at a closing mark in
    its last one. Without that mark the paragraphs are not known to be one quote, so each is a
    stretch of its own, contained to its paragraph (``breaks``: the previous paragraph's end
    and the continuation mark of each next one).
    """
    pieces, (open_at, start) = [], open_mark
    for par_end, mark_at, mark_end in breaks:
        pieces.append(Stretch(open_at, start, par_end, par_end, False))
        open_at, start = mark_at, mark_end
    pieces.append(Stretch(open_at, start, stop, stop, False))
    return pieces


def _close_at_single_mark(text: str, stretch: Stretch) -> Stretch:
    """End an unclosed stretch at a single closing quote typed for a double one.

    ``Lee tweeted: “Let’s go.’ Lee was at the rally``: with no ‘ open inside the quote, a ’ after a
    sentence end and before a capitalised word closes it; the narration after it is no quote.
    """
    if stretch.closed:
        return stretch
    m = _SINGLE_CLOSE.search(text, stretch.start, stretch.end)
    if m is None or "‘" in text[stretch.start : m.start()]:
        return stretch
    return Stretch(stretch.open_at, stretch.start, m.end() - 1, m.end(), True)


def _continues(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Tell whether the paragraph after ``lines[index]`` opens with a quotation mark."""
    if index + 1 >= len(lines):
        return False
    lo, hi = lines[index + 1]
    first = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
    marks = _line_marks(text, lo, hi)
    return bool(marks) and marks[0][0] == first and marks[0][2] != "close"
