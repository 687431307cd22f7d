"""Who said it: the speaker of each quoted stretch, and the canonical name it refers to.

A speaker is looked for, in order: right after the closing mark (``"…," said X``, ``"…," X
said``, ``"…," X, a spokesman for Y, said``); in the sentence leading into the opening mark
(``X said: "…"``, ``X told Y that … "…"``, ``according to X``); the speaker of an earlier quote
in the same sentence; the paragraph before a quote that opens its own paragraph (``X said:``,
or reported speech); the subject of the sentence; and finally the previous quote's speaker
(floating quotes).  ``cued`` records whether a reporting verb tied the speaker to the quote,
which the quote filter uses.  ``cues`` and ``subjects`` read the words, ``resolver`` turns
pronouns, roles and surnames into the name they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.core.cues import (
    after_window,
    before_window,
    credit_line,
    lead_in_paragraph,
    sentence_subject,
)
from factcheck.core.marks import Stretch
from factcheck.core.mentions import VERB, Mention, paragraph_bounds, sentence_ends
from factcheck.core.resolver import Resolver
from factcheck.core.types import Speaker

#: Most characters between a floating quote and the previous quote whose speaker it inherits.
CARRY_OVER_CHARS = 400
_NEXT_SENTENCE = re.compile(r"\s+[A-Z]")


class _Context:
    """Where the sentences around one quoted stretch begin and end."""

    def __init__(self, text: str, stretches: Sequence[Stretch], index: int) -> None:
        stretch = stretches[index]
        par_lo, _ = paragraph_bounds(text, stretch.open_at)
        _, par_hi = paragraph_bounds(text, max(stretch.start, stretch.close_end - 1))
        prev = stretches[index - 1] if index else None
        nxt = stretches[index + 1] if index + 1 < len(stretches) else None
        lo = max(par_lo, prev.close_end if prev else 0)
        ends = sentence_ends(text, lo, stretch.open_at)
        self.sentence_lo = ends[-1] if ends else lo
        #: The previous quote is in the same sentence ("called it "A" and "B"").
        self.joins_previous = (
            bool(prev) and prev.close_end > par_lo and not ends and not _ends_sentence(text, prev)
        )
        self.starts_sentence = not text[self.sentence_lo : stretch.open_at].strip()
        hi = min(nxt.open_at, par_hi) if nxt and nxt.open_at < par_hi else par_hi
        ends = sentence_ends(text, stretch.close_end, hi)
        self.sentence_hi = ends[0] if ends else hi
        #: What follows the closing mark is a whole sentence, not a lead into the next quote.
        self.tail_is_sentence = bool(ends) or hi == par_hi
        self.joins_next = bool(nxt) and nxt.open_at < par_hi and not ends
        between = text[stretch.close_end : hi].rstrip()
        ends_sentence = text[stretch.start : stretch.end].rstrip(" '’)]")[-1:] in ".!?"
        #: The quote ends its sentence ("… politicians." His comments …).
        self.closes_sentence = ends_sentence and bool(
            _NEXT_SENTENCE.match(text, stretch.close_end, hi)
        )
        #: What follows the closing mark introduces the next quote ("… ." He added: "…").
        self.leads_in = stretch.closed and (
            between.endswith(":") or ends_sentence and self.joins_next and between.endswith(",")
        )


def _ends_sentence(text: str, stretch: Stretch) -> bool:
    """Tell whether a quote ends its sentence: ``"… it." That prompted …``."""
    inner = text[stretch.start : stretch.end].rstrip(" '’)]")
    return inner[-1:] in ".!?" and bool(_NEXT_SENTENCE.match(text, stretch.close_end))


def _cued_mention(text: str, stretch: Stretch, ctx: _Context) -> Mention | None:
    """The subject of a reporting verb after the closing mark, else before the opening mark."""
    found = None
    if not (ctx.leads_in or ctx.closes_sentence and not ctx.tail_is_sentence):
        tail = 6 if ctx.closes_sentence else None
        found = after_window(text, stretch.close_end, ctx.sentence_hi, max_gap=8, tail=tail)
    return found or before_window(text, ctx.sentence_lo, stretch.open_at)


def _uncued_mention(text: str, stretch: Stretch, ctx: _Context) -> Mention | None:
    """A looser guess: a verb further after the quote, a lead-in paragraph, the sentence subject."""
    found = None
    if not ctx.leads_in and not ctx.closes_sentence:
        found = after_window(text, stretch.close_end, ctx.sentence_hi, max_gap=40)
    if not found and ctx.starts_sentence:
        found = credit_line(text, stretch.close_end) or lead_in_paragraph(
            text, stretch.open_at, stretch.close_end
        )
    if not found:
        found = sentence_subject(text, ctx.sentence_lo, stretch.open_at)
    if not found and not ctx.closes_sentence:
        found = sentence_subject(text, stretch.close_end, ctx.sentence_hi)
    return found


def attribute(text: str, stretches: Sequence[Stretch], *,
              resolve: bool = True) -> list[tuple[Speaker | None, bool]]:
    """Return ``(speaker or None, cued)`` for each quoted stretch of ``text``, in order.

    ``cued`` tells that a reporting verb or ``according to`` ties the speaker to the quote, rather
    than the speaker being carried over or guessed from the sentence subject. ``resolve=False``
    leaves pronouns and roles unresolved (``Speaker.name`` is the mention); names are still
    canonical.
    """
    resolver = Resolver(text, stretches, resolve=resolve)
    contexts = [_Context(text, stretches, i) for i in range(len(stretches))]
    found: list[tuple[Speaker | None, bool]] = []
    previous: Speaker | None = None
    previous_end = -CARRY_OVER_CHARS
    for stretch, ctx in zip(stretches, contexts):
        speaker, cued = _speaker_of(text, stretch, ctx, resolver, found[-1][0] if found else None)
        if speaker is None and previous and stretch.open_at - previous_end < CARRY_OVER_CHARS:
            speaker = previous  # a floating quote continues the previous speaker
        found.append((speaker, cued))
        previous = speaker or previous
        previous_end = stretch.close_end
    for i in range(len(found) - 2, -1, -1):
        if found[i][0] is None and contexts[i].joins_next:
            found[i] = found[i + 1]  # "called it "A" and "B," Lee said"
    return found


def _speaker_of(
    text: str, stretch: Stretch, ctx: _Context, resolver: Resolver, last: Speaker | None
) -> tuple[Speaker | None, bool]:
    """``(speaker, cued)`` of one stretch; ``last`` is the speaker of the stretch before it."""
    mention = _cued_mention(text, stretch, ctx)
    if mention:
        return resolver.speaker(*mention), True
    if ctx.joins_previous and last is not None:
        return last, False  # "called it "A" and "B"": the same speaker
    mention = _uncued_mention(text, stretch, ctx)
    if mention is None:
        return None, False
    return resolver.speaker(*mention), bool(VERB.search(text, stretch.close_end, ctx.sentence_hi))
