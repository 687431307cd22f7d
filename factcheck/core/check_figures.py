"""Checking the figures of a draft sentence against the source sentence stating the same fact."""

from __future__ import annotations

import re

from factcheck.core.figmatch import FigureMatch, align_figure
from factcheck.core.match import (
    find_candidates,
    once_per_text,
    screen,
)
from factcheck.core.options import DEFAULT_OPTIONS, CheckOptions
from factcheck.core.ports import PassageIndex
from factcheck.core.types import (
    Figure,
    Finding,
    ReferenceInfo,
    SourceMatch,
)

_NOT_STATED = "No reference in the store states this figure."
_RANGE_END = re.compile(r"[£$€]?\d[\d,.]*\d?(?:\s?(?:bn|m|k|%|million|billion|per cent))?")


def check_figures(
    text: str,
    sentence: tuple[int, int],
    figures: list[Figure],
    index: PassageIndex,
    *,
    options: CheckOptions = DEFAULT_OPTIONS,
) -> list[Finding]:
    """Check the figures of one draft sentence against the source sentence stating the same fact."""
    start, end = sentence
    # A sentence the store holds word for word is its own source: no search needed.
    passages = index.same_text(text[start:end], "sentence")
    if not passages:
        found = find_candidates(index, text[start:end], limit=options.figure_candidate_limit)
        found = [p for p in found if p.kind == "sentence"]
        passages = screen(text[start:end], found, keep=options.figure_keep)
    findings = []
    for figure in figures:
        aligned = once_per_text(
            lambda p, figure=figure: align_figure(text, sentence, figure, p, figures), passages)
        matches = [m for m in aligned if m.context >= options.figure_context]
        findings.extend(_figure_finding(figure, matches))
    return findings


def _figure_finding(figure: Figure, matches: list[FigureMatch]) -> list[Finding]:
    """Verified if a source sentence agrees; a mismatch (tight on what differs) if the best
    lined-up ones disagree; else unchecked: a figure no source states is never a flag."""
    base = {"figure": figure, "claim": "figure"}
    agree = [m for m in matches if m.agrees]
    if agree:
        best = max(agree, key=lambda m: m.context)
        return [Finding(verdict="verified", start=figure.start, end=figure.end, text=figure.text,
                        explanation=best.comparison.reason, source=_figure_source(best, agree),
                        source_figure=best.source_figure, **base)]  # fmt: skip
    disagree = [m for m in matches if m.agrees is False and not m.value_elsewhere]
    if not disagree:
        return [Finding(verdict="unchecked", start=figure.start, end=figure.end, text=figure.text,
                        explanation=_NOT_STATED, **base)]  # fmt: skip
    best = max(disagree, key=lambda m: m.context)
    c = best.comparison
    spans = _range_ends(figure, best.source_figure) or [
        (c.start, c.end, figure.text[c.start - figure.start : c.end - figure.start], None)
    ]
    source = _figure_source(best, disagree)
    return [Finding(verdict="mismatch", start=start, end=end, text=text, source=source,
                    explanation=f"The source gives {theirs}, not {text}." if theirs else c.reason,
                    source_figure=best.source_figure, **base)
            for start, end, text, theirs in spans]  # fmt: skip


def _range_ends(draft: Figure, source: Figure) -> list[tuple[int, int, str, str]]:
    """For two ranges differing at both ends, each draft end with the source end it contradicts."""
    if not (isinstance(draft.value, tuple) and isinstance(source.value, tuple)):
        return []
    mine, theirs = list(_RANGE_END.finditer(draft.text)), list(_RANGE_END.finditer(source.text))
    if len(mine) != 2 or len(theirs) != 2:
        return []
    if any(abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1) for a, b in zip(draft.value, source.value)):
        return []
    return [
        (draft.start + m.start(), draft.start + m.end(), m.group(), t.group())
        for m, t in zip(mine, theirs)
    ]


def _figure_source(best: FigureMatch, matches: list[FigureMatch]) -> SourceMatch:
    """The source sentence stating the fact (its figure is the finding's ``source_figure``)."""
    others = {m.passage.reference_id for m in matches} - {best.passage.reference_id}
    p = best.passage
    return SourceMatch(ReferenceInfo(p.reference_id, ""), p.start, p.end, p.text,
                       round(best.context * 100, 1), None, len(others))
