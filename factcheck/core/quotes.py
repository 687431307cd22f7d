"""Direct-quote extraction: quotation marks paired per paragraph (``marks``), then a speaker for
each quote (``attribution``).  Quoted stretches with no attribution that do not read like speech
(scare quotes, titles, nicknames) are dropped.  ``extract_transcript_turns`` reads ``NAME: words`` lines of transcripts, which carry no marks.
"""

from __future__ import annotations

import re

from factcheck.core import lexicon
from factcheck.core.attribution import attribute
from factcheck.core.marks import Stretch, find_quoted_stretches
from factcheck.core.mentions import VERB, paragraph_bounds
from factcheck.core.patterns import alternation
from factcheck.core.types import Quote, Speaker

_TITLE_SMALL_WORDS = lexicon.TITLE_SMALL_WORDS
_TITLE_CONTEXT_WORDS = alternation(
    lexicon.PREPOSITIONS | lexicon.WORK_NOUNS | lexicon.ADDRESSEE_VERBS)
_TITLE_CONTEXT = re.compile(rf"(?:['’]s|\b(?:{_TITLE_CONTEXT_WORDS}))[\s,]*$", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_BYLINE = re.compile(r",\s*by\s+(?:the\s+)?[A-Z]")
#: A lead-in that credits a published piece rather than a speaker: ``"Headline," by Ann Lee:`` or
#: a paragraph ``From Ann Lee writing at The Daily:``.  What follows is an excerpt of the piece.
_EXCERPT_CREDIT = re.compile(
    r"(?:(?:,[\"”’]|[\"”’],)\s*by\s+[^\n:]{1,60}"
    r"|(?:^|\n)[ \t]*From\s+[^\n:]{1,80}\bwriting\s+(?:at|in|for)\s+[^\n:]{1,60}):\s*$"
)
_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
#: An element of embedded markup still open before a mark (``<tweet id="1">“…``, ``<a href=…>“…``).
_OPEN_ELEMENT = re.compile(r"<(?P<tag>[A-Za-z][\w-]*)(?:[^<>/]|/(?!>))*>[^<>]*$")
#: A translation gloss: an appositive naming a language, then ``for`` (``Bellum," Latin for "…"``).
_GLOSS = re.compile(r"(?:[,(—–]|\s--?|''|[\"”])\s*[A-Z][a-z]+\s+for\s*$")
#: A year in brackets after the closing mark: a dated work, poster or slogan (``“…” (2015)``).
_DATED = re.compile(r"\W?\s*\((?:1[89]|20)\d\d\)")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.'’-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")
_NAMING = re.compile(
    r"(?:\b(?:{0})|\b(?:{0}|{1})(?:\s+[^\s.;:\"“”]+){{0,6}}?\s+as)\s*,?\s+"
    r"(?:(?:the|a|an|it|him|her|them)\s+)?$".format(
        alternation(lexicon.NAMING_CUES), alternation(lexicon.NAMING_AS)
    ),
    re.IGNORECASE,
)
#: A colon announcing the words themselves (``one message: "Dump the Tax"``), or a slogan or motto
#: (``ran on the slogan "Jobs First"``): what follows is a phrase used in speech, not a title.
_ANNOUNCED = re.compile(r"(?::|\b(?:slogans?|mottos?|mottoes)\s*,?)\s*$", re.IGNORECASE)
_CRY_BEFORE = re.compile(
    rf"\b(?:{alternation(lexicon.CRY_WORDS)})(?:\s+of)?\s+$", re.IGNORECASE
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
_CONTINUATION_MARK = re.compile(r"[ \t\u00a0]*(?:''|[\"“«„])")
#: What may stand between a closing mark and the verb of its speech tag: a name or a pronoun.
_TAG_GAP = re.compile(r"[\s\w.'’-]*")

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

    Markup attribute values (``id="123"``), scare quotes after "so-called" and translation glosses
    (``Spanish for "witches"``) never are, nor is a stretch dated like a work (``"…" (2015)``) or
    one shown inside an embedded markup element (a tweet, a link) that no reporting verb quotes.
    A short title-case stretch (``"The Daily Show"``) is speech only when a reporting verb ties it
    to a speaker and it does not follow a possessive, a preposition or a work noun (``NBC's
    "…"``, ``on "…"``, ``the book "…"``, ``told "…"``), unless a verb of naming (``a memo titled
    "…"``), a colon or "slogan" (``one message: "…"``) or a cry (``chants of "…"``) introduces it;
    a longer one (a book and its subtitle) only when no such title context precedes it.  Excerpts
    under a byline are published text, not speech.  Anything else may be a partial quote.
    """
    before = text[max(0, stretch.open_at - 40) : stretch.open_at]
    if before.endswith("=") or _SO_CALLED.search(before) or _GLOSS.search(before):
        return False
    inner = text[stretch.start : stretch.end].strip()
    if inner.startswith(">") or not _MARKUP_TAG.sub("", inner).strip(" .,;:!?"):
        return False  # the end of a markup tag (<a title="x">…), or nothing but tags
    if _is_excerpt(text, stretch):
        return False
    if _DATED.match(text, stretch.close_end):
        return False  # cited with its year like a work: “No to Schengen” (2005)
    if not cued and _in_markup_element(text, stretch):
        return False  # shown in an embedded post or link, and no reporting verb quotes it
    if inner.lstrip("'‘")[:1].isupper() and _BYLINE.match(
        inner[-1:] + text[stretch.close_end : stretch.close_end + 12]
    ):
        return False  # a headline with its author: "Mayor opens bridge," by Jane Doe
    words = [w for w in text[stretch.start : stretch.end].split() if w[0].isalnum()]
    if not words:
        return True
    if not all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words):
        return True
    if len(words) > TITLE_MAX_WORDS:
        # A long title, mostly a book with its subtitle: speech only when nothing marks it a title.
        return bool(_NAMING.search(before)) or not _TITLE_CONTEXT.search(before)
    if _is_nickname(text, stretch, before, inner):
        return False  # a nickname inside a name: Gov. Ann "Bud" Lee
    if _NAMING.search(before):
        return True  # a name someone gave: a memo titled "The Facts", what she calls "Plan B"
    if _ANNOUNCED.search(before):
        return True  # the words a colon or "slogan" announces: one sentence: "THIS IS WRONG."
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


def _in_markup_element(text: str, stretch: Stretch) -> bool:
    """Tell whether a stretch lies inside an element of embedded markup opened in its paragraph.

    Pages copied with their markup embed posts and links (``<tweet id="1">“…”</tweet>``,
    ``<a href="…">A rally “Anger here”</a>``): their text is displayed content, not speech that
    the article reports.  Tags that only format text (``<p>``, ``<em>``) do not count.
    """
    par_lo, _ = paragraph_bounds(text, stretch.open_at)
    if "<" not in text[par_lo : stretch.open_at]:
        return False
    element = _OPEN_ELEMENT.search(text, par_lo, stretch.open_at)
    return bool(element) and element.group("tag").lower() not in lexicon.FORMATTING_TAGS


def _is_nickname(text: str, stretch: Stretch, before: str, inner: str) -> bool:
    """Tell whether a stretch is a nickname between the parts of a name (``Ann "Bud" Lee``)."""
    return (
        len(inner.split()) <= 2
        and inner[-1:].isalnum()
        and bool(_NAME_BEFORE.search(before))
        and bool(_NAME_AFTER.match(text, stretch.close_end))
    )


def split_tagged_last_paragraph(text: str, stretch: Stretch) -> list[Stretch]:
    """Split off the last paragraph of a multi-paragraph quote that carries its own speech tag.

    ``Lee said. "A …¶"B …," she said.``: the quote opened after a tag in its first paragraph
    and the last paragraph ends in a tag of its own (``"…," she said``), so the writer
    attributed the paragraphs separately: they are two quotes.  A quotation that opens its
    paragraph and is tagged only at the end stays one quote, as does one with no closing tag.
    """
    if not stretch.closed or text[stretch.start : stretch.end].rstrip()[-1:] != ",":
        return [stretch]
    last_break = text.rfind("\n", stretch.start, stretch.end)
    par_lo, _ = paragraph_bounds(text, stretch.open_at)
    if last_break < 0 or not text[par_lo : stretch.open_at].strip():
        return [stretch]
    verb = VERB.search(text, stretch.close_end, min(len(text), stretch.close_end + 60))
    gap = _TAG_GAP.fullmatch(text, stretch.close_end, verb.start()) if verb else None
    if gap is None or len(gap.group().split()) > 3:
        return [stretch]
    mark = _CONTINUATION_MARK.match(text, last_break + 1)
    first_end = stretch.start + len(text[stretch.start : last_break].rstrip())
    if mark is None or first_end <= stretch.start:
        return [stretch]
    reopen = mark.end() - len(mark.group().lstrip())
    return [
        Stretch(stretch.open_at, stretch.start, first_end, first_end, False),
        Stretch(reopen, mark.end(), stretch.end, stretch.close_end, True),
    ]


def extract_quotes(text: str, *, resolve: bool = True) -> list[Quote]:
    """Return the direct quotes of ``text`` in order, each with its speaker when one is named.

    Quotes are sorted by ``start`` and never overlap; ``Quote.text`` is the text inside the
    marks.  Titles, scare quotes and markup values are left out (see ``is_speech_like``).
    ``resolve=False`` leaves pronoun and role speakers unresolved (faster; names stay canonical).

    >>> [(q.text, q.speaker.name) for q in extract_quotes('"We will win," said Ann Lee.')]
    [('We will win,', 'Ann Lee')]
    """
    stretches = [
        part
        for whole in find_quoted_stretches(text)
        for part in split_tagged_last_paragraph(text, whole)
    ]
    quotes = []
    for stretch, (speaker, cued) in zip(stretches, attribute(text, stretches, resolve=resolve)):
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
        words = [w for w in raw.split() if w.rstrip(".").lower() not in lexicon.TITLES_OR_THE]
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
