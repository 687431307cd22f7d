"""Lining a draft figure up with the figure at the same place in a source sentence."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.core.figcompare import Comparison, compare_figures
from factcheck.core.figures import extract_figures
from factcheck.core.labels import with_labels
from factcheck.core.text import tokenize
from factcheck.core.types import Figure, Passage

FIGURE = "\x00fig"


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """A draft figure lined up with the figure at the same place in a source sentence.

    ``context`` is the word-level similarity of the two sentences with figures masked;
    ``comparison`` says whether the figures agree (and which part of the draft figure differs);
    ``value_elsewhere`` says the draft's value is stated by another figure of the source sentence
    (a sign the two were lined up wrongly: never a mismatch then).
    """

    passage: Passage
    start: int
    end: int
    source_figure: Figure
    context: float
    comparison: Comparison
    value_elsewhere: bool

    @property
    def agrees(self) -> bool | None:
        """True, False, or None when the figures cannot be compared."""
        return self.comparison.agrees

    def moved_to(self, passage: Passage) -> FigureMatch:
        """The same match in ``passage``, a copy of this one's passage text elsewhere."""
        shift = passage.start - self.passage.start
        found = self.source_figure
        found = found.moved(shift)
        return FigureMatch(passage, self.start + shift, self.end + shift, found, self.context,
                           self.comparison, self.value_elsewhere)


def masked_tokens(text: str, figures: list[Figure], offset: int = 0) -> tuple[list[str], list[int]]:
    """Words of ``text`` with each figure (offsets relative to ``text`` + ``offset``) as one token.

    Returns the token strings and, per figure, the index of its token (-1 if it has none).
    """
    spans = [(f.start - offset, f.end - offset) for f in figures]
    out: list[str] = []
    where = [-1] * len(figures)
    for tok in tokenize(text):
        hit = next((i for i, (s, e) in enumerate(spans) if s < tok.end and tok.start < e), None)
        if hit is None:
            out.append(tok.norm)
        elif where[hit] < 0:
            where[hit] = len(out)
            out.append(FIGURE)
    return out, where


@lru_cache(maxsize=256)
def _masked_draft(
    text: str, figures: tuple[Figure, ...], offset: int
) -> tuple[list[str], list[int]]:
    return masked_tokens(text, list(figures), offset)


@lru_cache(maxsize=16384)  # a worker meets the same source sentences again and again
def _masked_passage(text: str) -> tuple[list[Figure], list[str], list[int]]:
    """A passage text's figures and masked words (a draft's figures meet the same passages)."""
    figures = with_labels(text, extract_figures(text))
    return (figures, *masked_tokens(text, figures))


@lru_cache(maxsize=1024)  # every figure of a sentence is lined up with the same passages
def _matched(sentence: str, figures: tuple[Figure, ...], offset: int, passage_text: str
             ) -> tuple[list[tuple[str, int, int, int, int]], float]:
    """The word-level opcodes and similarity of a draft sentence and a passage, figures masked."""
    draft, _ = _masked_draft(sentence, figures, offset)
    _, source, _ = _masked_passage(passage_text)
    matcher = difflib.SequenceMatcher(None, draft, source, autojunk=False)
    return matcher.get_opcodes(), matcher.ratio()


#: Words each side of a figure that must agree when the rest of the sentence is reworded.
CONTEXT_WORDS = 8


def _local_ratio(draft: list[str], at: int, source: list[str], target: int) -> float:
    """Similarity of the words around the figure in both sentences (figures masked)."""
    mine = draft[max(at - CONTEXT_WORDS, 0) : at + CONTEXT_WORDS + 1]
    theirs = source[max(target - CONTEXT_WORDS, 0) : target + CONTEXT_WORDS + 1]
    return difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio()


def align_figure(
    text: str, sentence: tuple[int, int], figure: Figure, passage: Passage, figures: list[Figure]
) -> FigureMatch | None:
    """Line ``figure`` of a draft sentence up with the figure at the same place in a passage.

    ``figures`` are all the figures of the draft sentence; the figure must sit in a run of at
    least two matching tokens, or replace exactly one figure between matching words.
    """
    start, end = sentence
    if passage.text == text[start:end]:  # the sentence word for word: the same figure there
        shift = passage.start - start
        found = figure.moved(shift)
        return FigureMatch(passage, found.start, found.end, found, 1.0,
                           compare_figures(figure, found), False)
    draft, draft_at = _masked_draft(text[start:end], tuple(figures), start)
    position = draft_at[figures.index(figure)]
    source_figures, source, source_at = _masked_passage(passage.text)
    if position < 0 or not source:
        return None
    opcodes, ratio = _matched(text[start:end], tuple(figures), start, passage.text)
    target = None
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= position < i2 and (
            tag == "equal" and i2 - i1 > 1 or tag == "replace" and i2 - i1 == j2 - j1 == 1
        ):
            target = j1 + position - i1
    if target is None or source[target] != FIGURE:
        return None
    found = source_figures[source_at.index(target)]
    shifted = found.moved(passage.start)
    comparison = compare_figures(figure, shifted)
    # Only a disagreement needs to know whether the source states the draft's value elsewhere.
    # (the draft's value as written: "more than 16" is not "stated" by an 18 next to it)
    plain = replace(figure, change="=")
    elsewhere = comparison.agrees is False and any(
        compare_figures(plain, f).agrees
        for f in source_figures
        if f is not found and f.change == "=" and not isinstance(f.value, tuple)
    )
    return FigureMatch(
        passage,
        shifted.start,
        shifted.end,
        shifted,
        max(ratio, _local_ratio(draft, position, source, target)),
        comparison,
        elsewhere,
    )
