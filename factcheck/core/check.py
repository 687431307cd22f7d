"""The checking pipeline: a draft's quotes and figures against the reference store.

``check_text`` extracts the claims of a draft, checks each quote (``check_quotes``) and the
figures of each sentence (``check_figures``) against candidates from the store's index, and
returns one :class:`Finding` per claim.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace
from datetime import date

from factcheck.core.check_figures import check_figures
from factcheck.core.check_quotes import check_quote, first_lookups
from factcheck.core.figures import extract_figures
from factcheck.core.index import keys_of
from factcheck.core.labels import LABEL, with_labels
from factcheck.core.options import DEFAULT_OPTIONS, CheckOptions
from factcheck.core.ports import PassageIndex
from factcheck.core.prefetch import PrefetchedIndex
from factcheck.core.quotes import extract_quotes
from factcheck.core.text import (
    sentence_spans,
)
from factcheck.core.types import (
    Finding,
)

__all__ = ["CheckOptions", "check_text"]

def check_text(
    text: str,
    index: PassageIndex,
    *,
    options: CheckOptions = DEFAULT_OPTIONS,
    published: date | None = None,
) -> list[Finding]:
    """Check every quote and figure of ``text`` against ``index``; one Finding per claim.

    Figures inside quotes belong to the quote's check and get no finding of their own.
    """
    quotes = extract_quotes(text)
    inside = [(q.start, q.end) for q in quotes]
    figures = [
        f
        for f in with_labels(text, extract_figures(text, published=published))
        if not any(s <= f.start < e for s, e in inside)
    ]
    claims = [(span, [f for f in figures if span[0] <= f.start < span[1]])
              for span in sentence_spans(text)]
    claims = [(span, in_sentence) for span, in_sentence in claims if in_sentence]
    prefetched = hasattr(index, "postings")
    if prefetched:
        index = PrefetchedIndex(index)
    with index.pinned() if prefetched else nullcontext():  # one view of the store per draft
        if prefetched:
            _prefetch(text, quotes, claims, index, options)
        findings = [check_quote(q, index, options=options, text=text) for q in quotes]
        for span, in_sentence in claims:
            checked = check_figures(text, span, in_sentence, index, options=options)
            # A number in a name is reported only when the source has another one there.
            findings.extend(f for f in checked
                            if f.figure.kind != LABEL or f.verdict == "mismatch")
        findings.sort(key=lambda f: (f.start, f.end))
        return _with_titles(findings, index)


def _prefetch(text: str, quotes: list, claims: list, index: PrefetchedIndex,
              options: CheckOptions) -> None:
    """Read what the draft's look-ups will need at once.

    Those look-ups are its quotes (with the sentence around a short one) and its sentences
    with figures, less the sentences the store holds word for word (they are their own source:
    no look-up). Their postings are read in one go, then the passages of each one's first
    candidates. Look-ups not foreseen here (a quote's longer list, when none of its first
    candidates holds it) read theirs as they come.
    """
    sentences = [text[s:e] for (s, e), _ in claims]
    index.same_texts((sentence, "sentence") for sentence in sentences)
    searched = [keys_of(t) for t in sentences if not index.same_text(t, "sentence")]
    quoted = [keys_of(t) for q in quotes for t in first_lookups(q, text, options)]
    index.prefetch(set().union(*searched, *quoted))
    index.preload([(keys, options.figure_candidate_limit) for keys in searched]
                  + [(keys, options.first_candidate_limit) for keys in quoted if keys])


def _with_titles(findings: list[Finding], index: PassageIndex) -> list[Finding]:
    ids = {f.source.reference.id for f in findings if f.source}
    info = index.references(ids) if ids else {}
    out = []
    for f in findings:
        if f.source and f.source.reference.id in info:
            f = replace(f, source=replace(f.source, reference=info[f.source.reference.id]))
        out.append(f)
    return out
