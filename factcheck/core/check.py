"""The checking pipeline: a draft's quotes and figures against the reference store.

``check_text`` extracts the claims of a draft, finds candidate passages through the store's index,
verifies them (``factcheck.core.match``) and returns one :class:`Finding` per claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from factcheck.core.figures import extract_figures
from factcheck.core.index import keys_of
from factcheck.core.match import (
    Alignment,
    FigureMatch,
    align_figure,
    align_quote,
    count_negations,
    find_candidates,
    screen,
)
from factcheck.core.ports import PassageIndex
from factcheck.core.quotes import extract_quotes
from factcheck.core.text import sentence_spans, tokenize
from factcheck.core.types import Figure, Finding, Passage, Quote, ReferenceInfo, SourceMatch, Speaker

_TITLES = frozenset("mr mrs ms miss dr prof professor sir lord lady dame rev president".split())
_NOT_NAMES = frozenset(
    "he she they it we i you who his her their the a an one its this that".split()
)


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Thresholds and limits of the check, with defaults tuned on development drafts."""

    candidate_limit: int = 40  # passages asked from the index per claim
    screen_keep: int = 8  # candidates aligned word by word after the rapidfuzz screen
    min_quote_words: int = 5  # shorter quotes prove little when they match inside a long passage
    close_score: float = 70.0  # rapidfuzz ratio of quote vs source stretch to count as "close"
    close_coverage: float = 0.6  # share of the quote's words found in order in the source
    figure_candidate_limit: int = 20
    figure_keep: int = 6
    figure_context: float = 0.75  # word-level similarity of a figure's sentence to a source one


def check_text(text: str, index: PassageIndex, *, options: CheckOptions = CheckOptions(),
               published: date | None = None) -> list[Finding]:
    """Check every quote and figure of ``text`` against ``index``; one Finding per claim.

    Figures inside quotes belong to the quote's check and get no finding of their own.
    """
    quotes = extract_quotes(text)
    findings = [check_quote(q, index, options=options) for q in quotes]
    inside = [(q.start, q.end) for q in quotes]
    figures = [f for f in extract_figures(text, published=published)
               if not any(s <= f.start < e for s, e in inside)]
    for start, end in sentence_spans(text):
        in_sentence = [f for f in figures if start <= f.start < end]
        if in_sentence:
            findings.extend(check_figures(text, (start, end), in_sentence, index, options=options))
    findings.sort(key=lambda f: (f.start, f.end))
    return _with_titles(findings, index)


def check_quote(quote: Quote, index: PassageIndex, *, options: CheckOptions = CheckOptions()
                ) -> Finding:
    """Verify one quote: verified, altered, misattributed, unverified (unchecked when short)."""
    tokens = tokenize(quote.text, editorial=True)
    words = sum(1 for t in tokens if t.kind == "word")
    found = find_candidates(index, quote.text, limit=options.candidate_limit)
    passages = screen(quote.text, found, keep=options.screen_keep)
    alignments = [a for a in (align_quote(tokens, p) for p in passages) if a is not None]
    close = [a for a in alignments if _is_close(a, options)]
    base = dict(claim="quote", start=quote.start, end=quote.end, text=quote.text,
                speaker=quote.speaker)
    if not close:
        if words < options.min_quote_words or not keys_of(quote.text):
            return Finding(verdict="unchecked", explanation=(
                "The quote is too short to be looked up reliably."), **base)
        return Finding(verdict="unverified", explanation=(
            "No reference in the store contains this quote or anything close to it."), **base)
    exact = sorted((a for a in close if not a.diff), key=lambda a: (-a.score, a.passage.kind))
    if not exact:
        best = max(close, key=lambda a: (a.score, a.coverage))
        if words < options.min_quote_words and not best.negation:
            return Finding(verdict="unchecked", explanation=(
                "The quote is too short to be checked reliably."), **base)
        return Finding(verdict="altered", explanation=_altered_explanation(best),
                       source=_source(best, close, found), diff=best.diff,
                       negation=best.negation, **base)
    said = _draft_speaker(quote.speaker)
    heard = [(a, _source_speaker(a, found)) for a in exact]
    named = [(a, s) for a, s in heard if s is not None]
    if said and named and not any(_same_person(said, s) for _, s in named):
        best, other = named[0]
        return Finding(verdict="misattributed", explanation=(
            f"The source attributes this quote to {other}, not {said}."),
            source=_source(best, exact, found), **base)
    return Finding(verdict="verified", explanation="The quote matches its source.",
                   source=_source(exact[0], exact, found), **base)


def _is_close(a: Alignment, options: CheckOptions) -> bool:
    """Close enough to be the quote's source: similar overall, or all there bar one cut."""
    if a.score >= options.close_score and a.coverage >= options.close_coverage:
        return True
    return len(a.diff) == 1 and a.diff[0].op == "delete" and a.coverage == 1 \
        and a.matched >= options.min_quote_words - 1


def check_figures(text: str, sentence: tuple[int, int], figures: list[Figure],
                  index: PassageIndex, *, options: CheckOptions = CheckOptions()) -> list[Finding]:
    """Check the figures of one draft sentence against the source sentence stating the same fact."""
    start, end = sentence
    found = find_candidates(index, text[start:end], limit=options.figure_candidate_limit)
    found = [p for p in found if p.kind == "sentence"]
    passages = screen(text[start:end], found, keep=options.figure_keep)
    findings = []
    for figure in figures:
        matches = [m for m in (align_figure(text, sentence, figure, p, figures) for p in passages)
                   if m is not None and m.context >= options.figure_context]
        findings.append(_figure_finding(figure, matches, found))
    return findings


def _figure_finding(figure: Figure, matches: list[FigureMatch], found: list[Passage]) -> Finding:
    base = dict(claim="figure", start=figure.start, end=figure.end, text=figure.text,
                figure=figure)
    agree = [m for m in matches if m.agrees]
    if agree:
        best = max(agree, key=lambda m: m.context)
        return Finding(verdict="verified", explanation="The source gives the same figure.",
                       source=_figure_source(best, agree), source_figure=best.source_figure,
                       **base)
    disagree = [m for m in matches if m.agrees is False and not m.value_elsewhere]
    if disagree:
        best = max(disagree, key=lambda m: m.context)
        return Finding(verdict="mismatch", explanation=(
            f"The source gives {best.source_text}, not {figure.text}."),
            source=_figure_source(best, disagree), source_figure=best.source_figure, **base)
    return Finding(verdict="unchecked", explanation=(
        "No reference in the store states this figure."), **base)


def _figure_source(best: FigureMatch, matches: list[FigureMatch]) -> SourceMatch:
    others = {m.passage.reference_id for m in matches} - {best.passage.reference_id}
    p = best.passage
    return SourceMatch(ReferenceInfo(p.reference_id, ""), best.start, best.end, best.source_text,
                       round(best.context * 100, 1), None, len(others))


def _source(best: Alignment, supporting: list[Alignment], found: list[Passage]) -> SourceMatch:
    others = {a.passage.reference_id for a in supporting} - {best.passage.reference_id}
    return SourceMatch(ReferenceInfo(best.passage.reference_id, ""), best.start, best.end,
                       best.text, best.score, _source_speaker(best, found), len(others))


def _source_speaker(alignment: Alignment, found: list[Passage]) -> str | None:
    """The named speaker of the source quote holding the aligned stretch, if any."""
    for p in [alignment.passage] + found:
        if p.kind == "quote" and p.reference_id == alignment.passage.reference_id \
                and p.start <= alignment.start and alignment.end <= p.end:
            return p.speaker if p.speaker and _is_name(p.speaker) else None
    return None


def _draft_speaker(speaker: Speaker | None) -> str | None:
    """The draft's speaker when it is named (a pronoun or a role proves nothing)."""
    if speaker is None or not _is_name(speaker.text):
        return None
    return speaker.name if _is_name(speaker.name) else speaker.text


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in _NOT_NAMES


def _name_tokens(name: str) -> set[str]:
    words = re.findall(r"[\w'-]+", name.lower())
    return {w for w in words if w not in _TITLES and len(w) > 1}


def _same_person(a: str, b: str) -> bool:
    """Lenient: one person when the surnames agree or one name is part of the other.

    ``Mr Quinn`` == ``Robert Quinn`` == ``Quinn``; ``Dr Ann Lee`` != ``Dr Bob Roe``.
    """
    first, second = _name_tokens(a), _name_tokens(b)
    if not first or not second:
        return True
    return first <= second or second <= first or _surname(a) == _surname(b)


def _surname(name: str) -> str:
    words = re.findall(r"[\w'-]+", name.lower())
    return words[-1] if words else ""


def _altered_explanation(best: Alignment) -> str:
    neg = next((d for d in best.diff if _has_negation_change(d)), None)
    if neg is not None:
        if _negations(neg.draft) > _negations(neg.source):
            word = neg.draft
            return f"The quote adds a negation (“{word}”) that the source does not have."
        return f"The quote drops the negation (“{neg.source}”) that the source has."
    speaker = best.passage.speaker
    who = f"quotes {speaker} as saying" if speaker and _is_name(speaker) else "has"
    parts = []
    for d in best.diff[:3]:
        if d.op == "replace":
            parts.append(f"The source {who} “{d.source}”, not “{d.draft}”.")
        elif d.op == "insert":
            parts.append(f"The quote adds “{d.draft}”, which the source does not have.")
        else:
            parts.append(f"The quote leaves out “{d.source}” without an ellipsis.")
    return " ".join(parts)


def _negations(words: str) -> int:
    return count_negations(words.split())


def _has_negation_change(d) -> bool:
    return _negations(d.draft) != _negations(d.source)


def _with_titles(findings: list[Finding], index: PassageIndex) -> list[Finding]:
    ids = {f.source.reference.id for f in findings if f.source}
    info = index.references(ids) if ids else {}
    out = []
    for f in findings:
        if f.source and f.source.reference.id in info:
            f = replace(f, source=replace(f.source, reference=info[f.source.reference.id]))
        out.append(f)
    return out
