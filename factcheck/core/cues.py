"""Who is quoted, read off the words around a quoted stretch: the reporter of a reporting verb.

``after_window`` reads the words after a closing mark (``"…," said X``, ``"…," X, a spokesman
for Y, said``); ``before_window`` the sentence leading into an opening mark (``X said: "…"``,
``X told Y that … "…"``, ``according to X``, ``The plan, X said, is "…"``), where the reporter
of an outer clause governs a partial quote in its complement (``X said Y had called it "…"``);
``lead_in_paragraph`` reads the paragraph before a quote that opens its own paragraph, and
``credit_line`` the dash line that may sign it (``- Ann Lee.``).
"""

from __future__ import annotations

import re

from factcheck.core import lexicon
from factcheck.core.mentions import (
    NAME,
    VERB,
    Mention,
    find_mentions,
    paragraph_bounds,
    sentence_ends,
)
from factcheck.core.subjects import (
    inverted_subject,
    sentence_subject,
    subject_after,
    subject_before,
)

_OWN_CONTENT = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:that|he|she|they|we|I|there)\b")
#: A finite verb after the reporting verb: it reports a clause of its own, not the quote before.
_COMPLEMENT_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|should|could|can|must|may|might|isn't|"
    r"wasn't|won't|wouldn't)\b")
#: What may follow the verb of a speech tag rather than a clause of its own: a phrase telling
#: what about or where ('"…?" Lee said about the plan', '"…." Lee wrote in an email').
_TAG_GOES_ON = re.compile(r"\s*(?:about|during|in\s+(?:a|an|his|her|their))\b")
_LABEL = re.compile(rf"(?:{NAME})\s*:\s*$")
_CREDIT_LINE = re.compile(r"[ \t]*[-—–]+[ \t]*(?=[A-Z])")
_ANY_MARK = re.compile(r"[\"“”«»]|''")
_CLAUSE_START = re.compile(r"(?:[—–-]|\.\.\.|…)\s*$")
_ASIDE_START = re.compile(r"[,—–]\s*$")
_ASIDE_END = re.compile(r"\s*[,—–]")
_RELATIVE_BEFORE = re.compile(r"\b(?:which|whom)\s+$")  # "…, which Lee denied": not a report
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\s-\s|''|\b(?:after|before|when|while|because|as|since|although|though|if"
    r"|until|unless|whereas|but|and|or|so)\b"
)


def after_window(
    text: str, lo: int, hi: int, *, max_gap: int, tail: int | None = None
) -> Mention | None:
    """A speaker named after a closing mark at ``lo``, in the same sentence (``"…," X said``).

    With ``tail``, the verb must end its sentence within that many words (``"…." X said.``).
    """
    for m in VERB.finditer(text, lo, hi):
        gap = text[lo : m.start()]
        if len(gap.split()) > max_gap:
            return None
        if m.group() in lexicon.WEAK_VERBS and len(gap.split()) > 3:
            continue
        if tail is not None and not _TAG_GOES_ON.match(text, m.end(), hi) and (
            len(text[m.end() : hi].split()) > tail or _COMPLEMENT_VERB.search(text, m.end(), hi)
        ):
            continue  # '"…." Lee insists the fine is unfair': a new statement, not a tag
        if _OWN_CONTENT.match(text, m.end(), hi):
            continue  # "…," he claimed they had never met: the verb reports something else
        if m.group().endswith("ing") and gap.strip(" ,.;:—–-\u00a0"):
            continue  # 'X called her a "clown" on his show when commenting': X's participle
        if m.group() in lexicon.ACCORDING_TO or not gap.strip(" ,.;:—–-\u00a0"):
            found = subject_after(text, m.end(), hi, generic=True)
            if found or m.group() in lexicon.ACCORDING_TO:
                return found
            continue
        found = subject_before(text, lo, m.start(), generic=True)
        if found and not (_RELATIVE_BEFORE.search(text, max(lo, found[0] - 12), found[0])):
            return found
    return None


def before_window(text: str, lo: int, hi: int) -> Mention | None:
    """A speaker named in the sentence ``text[lo:hi]`` that leads into an opening mark."""
    label = _LABEL.search(text, lo, hi)
    # "More from Lee: "…"", "Critics agree - Lee: "…"", but not "Lee wrote to Ann: "…"".
    if label and (
        not VERB.search(text, lo, label.start()) or _CLAUSE_START.search(text, lo, label.start())
    ):
        mentions = find_mentions(text, label.start(), label.end())
        if mentions and mentions[-1][2] != "pro":
            return mentions[-1]
    verbs = list(VERB.finditer(text, lo, hi))
    aside = _parenthetical_reporter(text, lo, verbs)
    if aside:
        return aside
    for m in reversed(verbs):
        if m.group() in lexicon.WEAK_VERBS and len(text[m.end() : hi].split()) > 4:
            continue
        found = _reporter_of(text, lo, hi, m)
        if found and found[0] > lo and found[2] == "pro":
            # "Lee said he would "…"": an outer named reporter wins over the inner pronoun.
            outer = before_window(text, lo, found[0])
            if outer and outer[2] != "pro":
                return outer
        if found and found[0] > lo and text[m.end() : hi].strip(" ,:\u00a0"):
            outer = _outer_reporter(text, lo, found[0])
            if outer:
                return outer
        if found:
            return found
    return None


def _parenthetical_reporter(text: str, lo: int, verbs: list[re.Match]) -> Mention | None:
    """The reporter of an aside that governs its whole sentence (``The plan, Lee said, is …``)."""
    for m in verbs:
        if m.group() in lexicon.WEAK_VERBS or not _ASIDE_END.match(text, m.end()):
            continue
        found = subject_before(text, lo, m.start())
        if found and found[2] != "role" and _ASIDE_START.search(text, lo, found[0]):
            return found
    return None


def _reporter_of(text: str, lo: int, hi: int, verb: re.Match) -> Mention | None:
    """Who the reporting ``verb`` in ``text[lo:hi]`` reports, before an opening mark at ``hi``."""
    if verb.group() in lexicon.ACCORDING_TO:
        return subject_after(text, verb.end(), hi)
    if verb.group().endswith("ing"):
        # "X released a statement saying …": the participle's subject is the clause's.
        return sentence_subject(text, lo, verb.start()) or inverted_subject(text, verb.end(), hi)
    # "the crowd chanted, "…"": a generic subject only right before the quote.
    adjacent = not text[verb.end() : hi].strip(" ,:\u00a0")
    found = subject_before(text, lo, verb.start(), generic=adjacent)
    if not found and verb.group() not in lexicon.WEAK_VERBS:
        # "said Lee: "…"", but not 'call Lee "flexible"': the name after "call" is its object.
        found = inverted_subject(text, verb.end(), hi)
    if (
        found
        and _RELATIVE_BEFORE.search(text, max(lo, found[0] - 12), found[0])
        and text[verb.end() : hi].rstrip().endswith((",", "—", "–"))
    ):
        return None  # "…, which Lee denied, "…"": the relative clause closed before the quote
    return found


def _outer_reporter(text: str, lo: int, hi: int) -> Mention | None:
    """The subject of a reporting verb in ``text[lo:hi]`` whose complement runs on to ``hi``.

    ``Lee said on Monday that the council had called it "…"``: the quote is in Lee's complement,
    so Lee is quoted, not the subject of a verb inside it.  A punctuation mark or a conjunction
    after the verb ends its complement (``While Ann says so, Lee said "…"``).
    """
    for m in reversed(list(VERB.finditer(text, lo, hi))):
        verb = m.group()
        if verb in lexicon.WEAK_VERBS or verb in lexicon.ACCORDING_TO or verb.endswith("ing"):
            continue
        if _CLAUSE_BREAK.search(text, m.end(), hi):
            return None
        found = subject_before(text, lo, m.start())
        return found if found and found[2] in ("name", "pro") else None
    return None


def lead_in_paragraph(text: str, open_at: int, close_end: int) -> Mention | None:
    """The speaker of the paragraph before a paragraph that opens with a quote.

    A paragraph ending with a colon introduces the quote (``Lee said:``); with ``reported``, so
    does one in reported speech (no quotation marks) whose last sentence has a reporting verb
    when the quote fills its own paragraph (``Lee said the plan would fail.`` then ``"It is
    dead."``).
    """
    par_lo, par_hi = paragraph_bounds(text, open_at)
    if text[par_lo:open_at].strip():
        return None
    prev_hi = len(text[:par_lo].rstrip())
    if prev_hi == 0:
        return None
    prev_lo, _ = paragraph_bounds(text, prev_hi - 1)
    ends = [end for end in sentence_ends(text, prev_lo, prev_hi) if end < prev_hi]
    lo = ends[-1] if ends else prev_lo
    if text[prev_hi - 1] == ":":
        return before_window(text, lo, prev_hi) or sentence_subject(text, lo, prev_hi)
    if text[close_end:par_hi].strip() or _ANY_MARK.search(text, prev_lo, prev_hi):
        return None
    return before_window(text, lo, prev_hi)


def credit_line(text: str, close_end: int) -> Mention | None:
    """The name on a dash line right after a quote that ends its paragraph (``- Ann Lee.``).

    Fact-check and digest formats sign a quoted paragraph on the next line instead of with a
    reporting verb.
    """
    _, par_hi = paragraph_bounds(text, max(0, close_end - 1))
    if text[close_end:par_hi].strip():
        return None
    nxt = len(text) - len(text[par_hi:].lstrip())
    line_lo, line_hi = paragraph_bounds(text, nxt) if nxt < len(text) else (nxt, nxt)
    dash = _CREDIT_LINE.match(text, line_lo, line_hi)
    if not dash or len(text[dash.end() : line_hi].split()) > 6:
        return None
    names = [m for m in find_mentions(text, dash.end(), line_hi) if m[2] == "name"]
    return names[0] if names else None
