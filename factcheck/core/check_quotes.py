"""Checking one quote: verified, altered, misattributed, unverified or unchecked."""

from __future__ import annotations

import re

from factcheck.core.index import keys_of
from factcheck.core.match import (
    Alignment,
    align_quote,
    find_candidates,
    is_negation,
    once_per_text,
    replaced_name,
    screen,
)
from factcheck.core.options import DEFAULT_OPTIONS, CheckOptions
from factcheck.core.ports import PassageIndex
from factcheck.core.text import (
    is_person_name,
    same_person,
    sentence_around,
    surname,
    tokenize,
)
from factcheck.core.types import (
    Finding,
    Passage,
    Quote,
    ReferenceInfo,
    SourceMatch,
    Speaker,
)

_TOO_SHORT = "The quote is too short to be checked reliably."
_NOT_FOUND = "No reference in the store contains this quote or anything close to it."
_QUOTE_MARKS = re.compile(r"[\"“”]")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s")
_INTRODUCES_QUOTE = re.compile(r"[^\"“”\n.]{0,40}?:\s*[\"“]")


def check_quote(
    quote: Quote,
    index: PassageIndex,
    *,
    options: CheckOptions = DEFAULT_OPTIONS,
    text: str | None = None,
) -> Finding:
    """Verify one quote: verified, altered, misattributed, unverified (unchecked when short).

    ``text`` is the draft the quote comes from: it tells an attribution made at the quote from
    one carried over from elsewhere, and gives a short quote's sentence to look it up by.
    """
    tokens = tokenize(quote.text, editorial=True)
    words = sum(1 for t in tokens if t.kind == "word")
    short = words < options.min_quote_words
    # The few best candidates first: most quotes are held word for word by one of them. Only a
    # quote that none of them holds exactly needs the long list (to find what changed).
    found, close = _aligned(quote, tokens, text, index, options, short=short,
                            limit=options.first_candidate_limit)
    if not any(not a.diff for a in close):
        found, close = _aligned(quote, tokens, text, index, options, short=short,
                                limit=options.candidate_limit)
    base = {"claim": "quote", "start": quote.start, "end": quote.end, "text": quote.text}
    base["speaker"] = quote.speaker
    if not close:
        if short or not keys_of(quote.text):
            return Finding(verdict="unchecked", explanation=_TOO_SHORT, **base)
        return Finding(verdict="unverified", explanation=_NOT_FOUND, **base)
    exact = sorted((a for a in close if not a.diff), key=lambda a: (-a.score, a.passage.kind))
    if exact:
        brief = words < options.min_attributed_words
        return _attribution_verdict(quote, text, exact, found, base, index, options, short=brief)
    best = max(close, key=lambda a: (a.score, a.coverage))
    if short and not best.negation:
        return Finding(verdict="unchecked", explanation=_TOO_SHORT, **base)
    explanation = _altered_explanation(best, _source_speaker(best, found))
    source = _source(best, close, found)
    return Finding(verdict="altered", explanation=explanation, source=source, diff=best.diff,
                   negation=best.negation, **base)  # fmt: skip


def _aligned(
    quote: Quote,
    tokens: list,
    text: str | None,
    index: PassageIndex,
    options: CheckOptions,
    *,
    short: bool,
    limit: int,
) -> tuple[list[Passage], list[Alignment]]:
    """The candidates of a quote (``limit`` texts) and the close alignments among them."""
    found = _quote_candidates(quote, text, index, options, short=short, limit=limit)
    passages = screen(quote.text, found, keep=options.screen_keep)
    exact_seen = False

    def align(passage: Passage) -> Alignment | None:
        # Once a source holds the quote word for word, only other exact sources still matter
        # (as more sources and speakers), and those are cheap to recognise.
        nonlocal exact_seen
        found = align_quote(quote.text, passage, tokens=tokens, exact_only=exact_seen)
        exact_seen = exact_seen or (found is not None and not found.diff)
        return found

    return found, [a for a in once_per_text(align, passages) if _is_close(a, options)]


def _quote_candidates(
    quote: Quote, text: str | None, index: PassageIndex, options: CheckOptions, *, short: bool,
    limit: int,
) -> list[Passage]:
    """Candidates for a quote; a short or generic one is also looked up by its sentence."""
    wide = options.wide_candidate_limit if limit >= options.candidate_limit else limit
    found = find_candidates(index, quote.text, limit=limit, few_keys=options.few_keys,
                            wide_limit=wide)
    sentence = _sentence_looked_up(quote, text, options, short=short)
    if sentence is not None:
        found += find_candidates(index, sentence, limit=limit)
    return list(dict.fromkeys(found))


def _sentence_looked_up(quote: Quote, text: str | None, options: CheckOptions, *,
                        short: bool) -> str | None:
    """The draft sentence a short or generic quote is also looked up by (None: not needed)."""
    if text is None or not (short or len(keys_of(quote.text)) <= options.few_keys):
        return None
    lo, hi = sentence_around(text, quote.start, quote.end)
    return text[lo:hi]


def first_lookups(quote: Quote, text: str | None, options: CheckOptions = DEFAULT_OPTIONS
                  ) -> list[str]:
    """The texts whose index look-ups come first when checking ``quote`` (for a prefetch)."""
    tokens = tokenize(quote.text, editorial=True)
    short = sum(1 for t in tokens if t.kind == "word") < options.min_quote_words
    sentence = _sentence_looked_up(quote, text, options, short=short)
    return [quote.text] if sentence is None else [quote.text, sentence]


def _attribution_verdict(
    quote: Quote,
    text: str | None,
    exact: list[Alignment],
    found: list[Passage],
    base: dict,
    index: PassageIndex,
    options: CheckOptions,
    *,
    short: bool,
) -> Finding:
    """Verified, or misattributed when the sources name someone else than the draft does.

    Evidence is either the speaker a source gives its quote, or the attribution words around
    the quote with one name replaced. A short quote, a pronoun, a speaker named away from the
    quote, or a draft attribution that the source itself contains (same words, same name) is
    never grounds for misattribution.
    """
    verified = Finding(
        verdict="verified",
        explanation="The quote matches its source.",
        source=_source(exact[0], exact, found),
        **base,
    )
    said = _draft_speaker(quote, text, reach=options.attribution_reach)
    if not said or text is None or short:
        return verified
    named = [(a, s) for a, s in ((a, _source_speaker(a, found)) for a in exact) if s]
    if named and not any(same_person(said, s) for _, s in named):
        best, other, mine = named[0][0], named[0][1], said
    else:
        swap = _swapped_name(text, quote, exact[0], found)
        if swap is None:
            return verified
        (mine, other), best = swap, exact[0]
    if _attribution_in_source(text, quote.speaker, mine, exact, index, options):
        return verified
    return Finding(
        verdict="misattributed",
        explanation=(f"The source attributes this quote to {other}, not {mine}."),
        source=_source(best, exact, found, speaker=other),
        **base,
    )


def _attribution_in_source(
    text: str,
    speaker: Speaker,
    name: str,
    exact: list[Alignment],
    index: PassageIndex,
    options: CheckOptions,
) -> bool:
    """Say whether a source holds the draft's attribution sentence with the same name in it.

    Then the draft copied its attribution, and a different speaker on the source's side comes
    from reading the two texts differently (a name introducing the next quote, a pronoun).
    """
    lo, hi = sentence_around(text, speaker.start, speaker.end)
    keys = keys_of(text[lo:hi])
    if not keys:
        return False
    last = surname(name)
    references = {a.passage.reference_id for a in exact}
    for passage, shared in index.lookup(keys, limit=options.candidate_limit):
        if (
            passage.reference_id in references
            and shared >= max(2, len(keys) // 2)
            and last in {t.norm for t in tokenize(passage.text)}
        ):
            return True
    return False


def _is_close(a: Alignment, options: CheckOptions) -> bool:
    """Close enough to be the quote's source: similar overall, or all there bar one cut."""
    if a.score >= options.close_score and a.coverage >= options.close_coverage:
        return True
    return (
        len(a.diff) == 1
        and a.diff[0].op == "delete"
        and a.coverage == 1
        and a.matched >= options.min_cut_quote_words
    )


def _source(
    best: Alignment,
    supporting: list[Alignment],
    found: list[Passage],
    *,
    speaker: str | None = None,
) -> SourceMatch:
    others = {a.passage.reference_id for a in supporting} - {best.passage.reference_id}
    return SourceMatch(
        ReferenceInfo(best.passage.reference_id, ""),
        best.start,
        best.end,
        best.text,
        best.score,
        speaker or _source_speaker(best, found),
        len(others),
    )


def _swapped_name(
    text: str, quote: Quote, alignment: Alignment, found: list[Passage]
) -> tuple[str, str] | None:
    """A name in the draft's attribution standing where the source sentence names another.

    Compares the words around the quote, within its sentence, with those around the quote in
    the source sentence: the only difference must be one run of capitalised words replaced by
    another (``said Ann Lee at Acme`` vs ``said Bob Roe at Acme``), the draft's run appearing
    nowhere on the source's side, and standing at the draft's speaker (or between the quote
    and a speaker named after it): ``Ann Lee told the BBC`` vs ``... told Reuters`` is no
    misattribution. Returns (draft name, source name).
    """
    sentence = next(
        (
            p
            for p in found
            if p.kind == "sentence"
            and p.reference_id == alignment.passage.reference_id
            and p.start <= alignment.start
            and alignment.end <= p.end
        ),
        None,
    )
    if sentence is None:
        return None
    lo, hi = sentence_around(text, quote.start, quote.end)
    cut_start, cut_end = alignment.start - sentence.start, alignment.end - sentence.start
    sides = [
        (text[lo : quote.start], sentence.text[:cut_start]),
        (text[quote.end : hi], sentence.text[cut_end:]),
    ]
    speaker = quote.speaker
    for offset, (mine, theirs) in zip((lo, quote.end), sides):
        swap = replaced_name(mine, theirs)
        if swap is None or speaker is None:
            continue
        start, end = offset + swap[0], offset + swap[1]
        at_speaker = start < speaker.end and speaker.start < end
        before_speaker = offset == quote.end and end <= speaker.start  # ," said X at Y
        if at_speaker or before_speaker:
            return text[start:end], swap[2]
    return None


def _source_speaker(alignment: Alignment, found: list[Passage]) -> str | None:
    """The named speaker of the source quote holding the aligned stretch, if any."""
    for p in [alignment.passage] + found:
        if (
            p.kind == "quote"
            and p.reference_id == alignment.passage.reference_id
            and p.start <= alignment.start
            and alignment.end <= p.end
        ):
            return p.speaker if p.speaker and is_person_name(p.speaker) else None
    return None


def _draft_speaker(quote: Quote, text: str | None, *, reach: int) -> str | None:
    """The draft's speaker when it is named right at the quote (``," said X``, ``X said: "``).

    A pronoun or a role proves nothing, nor does a name carried over from elsewhere or one that
    introduces the next quote (``X said: "...``).
    """
    speaker = quote.speaker
    if speaker is None or not speaker.named or not is_person_name(speaker.text):
        return None
    if text is not None:
        after = speaker.start >= quote.end
        gap = text[quote.end : speaker.start] if after else text[speaker.end : quote.start]
        if (
            "\n" in gap
            or len(gap) > reach
            or len(_QUOTE_MARKS.findall(gap)) > 1
            or _SENTENCE_BREAK.search(gap.lstrip("\"”’',.!?; " if after else ""))
        ):
            return None
        if after and _INTRODUCES_QUOTE.match(text, speaker.end):
            return None
    return speaker.name if is_person_name(speaker.name) else speaker.text


def _altered_explanation(best: Alignment, speaker: str | None) -> str:
    """Say what changed, in words a reporter reads: the negation first, then up to 3 changes."""
    for d in best.diff:
        mine, theirs = _negation_words(d.draft), _negation_words(d.source)
        if len(mine) > len(theirs):
            return f"The quote adds a negation (“{' '.join(mine)}”) that the source does not have."
        if len(theirs) > len(mine):
            return f"The quote drops the negation (“{' '.join(theirs)}”) that the source has."
    who = f"quotes {speaker} as saying" if speaker else "has"
    parts = []
    for d in best.diff[:3]:
        if d.op == "replace":
            parts.append(f"The source {who} “{d.source}”, not “{d.draft}”.")
        elif d.op == "insert":
            parts.append(f"The quote adds “{d.draft}”, which the source does not have.")
        else:
            parts.append(f"The quote leaves out “{d.source}” without an ellipsis.")
    if len(best.diff) > 3:
        parts.append(f"There are {len(best.diff) - 3} more changes.")
    return " ".join(parts)


def _negation_words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text) if is_negation(t.norm)]
