"""Direct-quote extraction: quotation marks paired per paragraph (``marks``), then a speaker for
each quote (``attribution``).  Quoted stretches with no attribution that do not read like speech
(scare quotes, titles, nicknames) are dropped.  ``extract_transcript_turns`` reads ``NAME: words`` lines of transcripts, which carry no marks.
"""

from __future__ import annotations

import re

from factcheck.core import lexicon
from factcheck.core.attribution import attribute
from factcheck.core.marks import Stretch, find_quoted_stretches
from factcheck.core.types import Quote, Speaker

_TITLE_SMALL_WORDS = lexicon.TITLE_SMALL_WORDS
_TITLE_CONTEXT = re.compile(
    r"(?:['’]s|\b(?:{}))[\s,]*$".format(
        "|".join(sorted(lexicon.PREPOSITIONS | lexicon.WORK_NOUNS | lexicon.ADDRESSEE_VERBS))
    ),
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")
_BYLINE = re.compile(r",\s*by\s+(?:the\s+)?[A-Z]")
#: A lead-in that credits a published piece rather than a speaker: ``"Headline," by Ann Lee:`` or
#: a paragraph ``From Ann Lee writing at The Daily:``.  What follows is an excerpt of the piece.
_EXCERPT_CREDIT = re.compile(
    r"(?:(?:,[\"”’]|[\"”’],)\s*by\s+[^\n:]{1,60}"
    r"|(?:^|\n)[ \t]*From\s+[^\n:]{1,80}\bwriting\s+(?:at|in|for)\s+[^\n:]{1,60}):\s*$"
)
_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.'’-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")
_NAMING = re.compile(
    r"(?:\b(?:{0})|\b(?:{0}|{1})(?:\s+[^\s.;:\"“”]+){{0,6}}?\s+as)\s+"
    r"(?:(?:the|a|an|it|him|her|them)\s+)?$".format(
        "|".join(sorted(lexicon.NAMING_CUES)), "|".join(sorted(lexicon.NAMING_AS))
    ),
    re.IGNORECASE,
)
_CRY_BEFORE = re.compile(
    r"\b(?:{})(?:\s+of)?\s+$".format("|".join(sorted(lexicon.CRY_WORDS))), re.IGNORECASE
)
_CRY_AFTER = re.compile(r"\s+(?:chants?|cheers|cries|shouts)\b", re.IGNORECASE)
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
    ``on "…"``, ``the book "…"``, ``told "…"``), unless a verb of naming (``a memo titled "…"``)
    or a cry (``chants of "…"``) introduces it.  Excerpts under a byline are published text, not
    speech.  Anything else may be a partial quote.
    """
    before = text[max(0, stretch.open_at - 40) : stretch.open_at]
    if before.endswith("=") or _SO_CALLED.search(before):
        return False
    inner = text[stretch.start : stretch.end].strip()
    if inner.startswith(">") or not _MARKUP_TAG.sub("", inner).strip(" .,;:!?"):
        return False  # the end of a markup tag (<a title="x">…), or nothing but tags
    if _is_excerpt(text, stretch):
        return False
    if inner.lstrip("'‘")[:1].isupper() and _BYLINE.match(
        inner[-1:] + text[stretch.close_end : stretch.close_end + 12]
    ):
        return False  # a headline with its author: "Mayor opens bridge," by Jane Doe
    words = [w for w in text[stretch.start : stretch.end].split() if w[0].isalnum()]
    if not words or len(words) > TITLE_MAX_WORDS:
        return True
    if not all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words):
        return True
    if _is_nickname(text, stretch, before, inner):
        return False  # a nickname inside a name: Gov. Ann "Bud" Lee
    if _NAMING.search(before):
        return True  # a name someone gave: a memo titled "The Facts", what she calls "Plan B"
    if _CRY_BEFORE.search(before) or _CRY_AFTER.match(text, stretch.close_end):
        return True  # a crowd or a voice crying out: chants of "USA! USA!", "Bernie!" chants
    if inner.rstrip(",")[-1:] in "!?":
        return not _TITLE_CONTEXT.search(before)  # a cry or a question: "Choke!", "Really?"
    return cued and (len(words) == 1 or not _TITLE_CONTEXT.search(before))


def _is_excerpt(text: str, stretch: Stretch) -> bool:
    """Tell whether a stretch follows a credit line (``"Headline," by Ann Lee: "…"``).

    News digests quote other outlets' articles under a byline; the excerpt is published text,
    not something a speaker said.  The credit ends the paragraph's text before the opening
    mark, or forms the paragraph before it.
    """
    lead = text[max(0, stretch.open_at - 200) : stretch.open_at].rstrip()
    return lead.endswith(":") and bool(_EXCERPT_CREDIT.search(lead))


def _is_nickname(text: str, stretch: Stretch, before: str, inner: str) -> bool:
    """Tell whether a stretch is a nickname between the parts of a name (``Ann "Bud" Lee``)."""
    return (
        len(inner.split()) <= 2
        and inner[-1:].isalnum()
        and bool(_NAME_BEFORE.search(before))
        and bool(_NAME_AFTER.match(text, stretch.close_end))
    )


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
