"""Who said it: the speaker of each quoted stretch, and the canonical name it refers to.

A speaker is looked for, in order: right after the closing mark (``"…," said X``, ``"…," X
said``, ``"…," X, a spokesman for Y, said``); in the sentence leading into the opening mark
(``X said: "…"``, ``X told Y that … "…"``, ``according to X``); the speaker of an earlier quote
in the same sentence; a paragraph ending with a colon just before; the subject of the sentence;
and finally the previous quote's speaker (floating quotes).  ``cued`` records whether a
reporting verb tied the speaker to the quote, which the quote filter uses.  Pronouns and roles
resolve to the nearest fitting earlier name, surnames to the full name introduced earlier.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

from factcheck.core import lexicon
from factcheck.core.types import Speaker

#: A mention in the text: ``(start, end, kind)`` with kind ``name``, ``role`` or ``pro``.
Mention = tuple[int, int, str]


class _Stretch(Protocol):
    """What attribution needs of a quoted stretch (see ``quotes.Stretch``)."""

    open_at: int
    start: int
    end: int
    close_end: int
    closed: bool


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VERBS = _alternation(lexicon.REPORTING_VERBS)
_VERB = re.compile(
    rf"\b(?:{_alternation(lexicon.REPORTING_PHRASES)})\b"
    # A verb form right after a determiner or possessive is a noun ("his remarks", "the claim").
    r"|(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\ban )(?<!['’]s )"
    r"(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )"
    rf"\b(?:{_VERBS})\b"
)
_TITLE_WORDS = _alternation({t.capitalize() for t in lexicon.TITLES} | {"U.S.", "Sen", "Rep"})
_CAP = r"(?:[A-Z][\w-]*(?:['’](?!s\b)[A-Za-z][\w-]*)*\.?|[A-Z]\.)"
_DETERMINERS = _alternation(lexicon.DETERMINERS | {d.capitalize() for d in lexicon.DETERMINERS})
_PARTICLE = r"(?:de|la|van|von|der|den|bin|al|da|di|du|del|le|el|dos|das|St\.)"
# Only an initial or a short abbreviation may end with a full stop inside a name ("James B. Lee",
# "St. Paul"): otherwise the stop ends a sentence ("… to CNN. Lee said").
_CAP_INNER = r"(?:[A-Z][\w-]*(?:['’](?!s\b)[A-Za-z][\w-]*)*(?!\.)|[A-Z]\.|(?:Jr|Sr|St|Mt|Ft)\.)"
_NAME = rf"(?:(?:{_TITLE_WORDS})\.?\s+)*(?:{_CAP_INNER}\s+(?:{_PARTICLE}\s+)?)*{_CAP}"
_ROLE = (
    rf"(?:\b(?:{_DETERMINERS})\s+|{_CAP}['’]s?\s+)"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:{_alternation(lexicon.ROLE_NOUNS)})\b"
)
_GENERIC_NP = re.compile(rf"\b(?:{_DETERMINERS})\s+(?:[\w'’.-]+\s+){{0,4}}?[\w'’-]+\s*$")
_PRONOUN = r"\b(?:he|she|they|we|it|I|He|She|They|We|It|who)\b"
_NP = re.compile(rf"(?P<pro>{_PRONOUN})|(?P<role>{_ROLE})|(?P<name>(?<![\w'’-]){_NAME})")
_NP_START = re.compile(rf"\s*(?:(?P<pro>{_PRONOUN})|(?P<role>{_ROLE})|(?P<name>{_NAME}))")
_ABBREVIATION = re.compile(
    rf"(?:\b(?:{_TITLE_WORDS}|[A-Z]|[A-Z][a-z]?\.[A-Z]|Jr|Sr|St|No|vs|Inc|Co|Corp|Ltd)|\.\.)$"
)
_SENTENCE_END = re.compile(r"[.!?]['’\"”)]*\s+(?=['‘\"“(]*[A-Z0-9])")
_NAME_MENTION = re.compile(rf"(?P<name>(?<![\w'’-]){_NAME})")
_GENDERED_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.IGNORECASE)
_PHRASE_STOP = re.compile(r"[,;:()\"“”«»]|''")
_NOT_SUBJECT_START = lexicon.PREPOSITIONS | lexicon.NOT_NAMES - {"the", "a", "an", "one", "another"}
_PREPOSITIONS = _alternation(lexicon.PREPOSITIONS | {w.capitalize() for w in lexicon.PREPOSITIONS})
_INTRO_PHRASE = re.compile(
    rf"\s*(?:(?:{_PREPOSITIONS})\b|[A-Z][a-z]+(?:ing|ed)\b)[^,\"“”]{{0,120}},"
)
_OWN_CONTENT = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:that|he|she|they|we|I|there)\b")
_CORE_VERB = re.compile(r"(?:say|add|tell|ask|write|declare|note|explain|insist|argue)\b")
_QUANTIFIER_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+|\s)(Another|Others|One|Some|Many|Both|Most|Several|Few)\s*$"
)
_SUBJECT_FOLLOWER = re.compile(
    r"\s+[a-z]|\s*\(|\s*,\s+"
    r"(?:a|an|the|who|whose|which|one|his|her|its|their|then|now|also|[0-9]+|[a-z]+ing)\b"
)
_LOWER_PREPOSITION = re.compile(r"\s(?:of|from|at|for|in|with|on)\s")
_ARTICLES = frozenset({"the", "a", "an"})
_PHRASE_DETERMINERS = _ARTICLES | {"one", "another"}
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?$")
_LABEL = re.compile(rf"(?:{_NAME})\s*:\s*$")
_COORDINATION = re.compile(r"\s*(?:and|but|then|before|after)\b")
_WEAK_SUBJECTS = frozenset({"it", "who", "you"})
_WORD = re.compile(r"[\w'’-]+")
_RELATIVE_BEFORE = re.compile(r"\b(?:which|whom)\s+$")  # "…, which Lee denied": not a report
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\s-\s|''|\b(?:after|before|when|while|because|as|since|although|though|if"
    r"|until|unless|whereas|but|and|or|so)\b"
)
_SPACES = re.compile(r"\s+")

#: Most characters between a floating quote and the previous quote whose speaker it inherits.
CARRY_OVER_CHARS = 400


def _sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets where a sentence ends inside ``text[lo:hi]`` (after the full stop and spaces)."""
    ends = []
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), hi + 8)):
        if m.start() >= hi:
            break
        if text[m.start()] == "." and _ABBREVIATION.search(
            text, max(lo, m.start() - 12), m.start()
        ):
            continue
        ends.append(m.end())
    return ends


def _mention(text: str, m: re.Match) -> Mention | None:
    """Turn a noun-phrase match into a cleaned ``(start, end, kind)`` mention."""
    kind = m.lastgroup
    start, end = m.start(kind), m.end(kind)
    if kind == "name":
        # Drop sentence-initial function words ("But Lee") and a trailing full stop.
        while True:
            first = _WORD.match(text, start)
            if not first or first.group().lower() not in lexicon.NOT_NAMES:
                break
            nxt = _SPACES.match(text, first.end())
            if not nxt or nxt.end() >= end:
                return None
            start = nxt.end()
        if text[end - 1] == "." and not _ABBREVIATION.search(text[start : end - 1]):
            end -= 1
        words = text[start:end].split()
        if all(w.rstrip(".").lower() in lexicon.TITLES for w in words):
            return None
    return start, end, kind


def _mentions(text: str, lo: int, hi: int) -> list[Mention]:
    """All noun-phrase mentions (names, roles, pronouns) in ``text[lo:hi]``."""
    found = []
    for m in _NP.finditer(text, lo, hi):
        mention = _mention(text, m)
        if mention:
            found.append(mention)
    return found


def _strip_appositions(text: str, lo: int, hi: int) -> int:
    """Move ``hi`` back over trailing adverbs and ``, apposition,`` stretches before a verb."""
    for _ in range(3):
        chunk = text[lo:hi].rstrip()
        words = chunk.split()
        if words and words[-1].lower() in lexicon.ADVERBS:
            hi = lo + len(chunk) - len(words[-1])
            continue
        if chunk.endswith(","):
            inner = chunk[:-1]
            cut = inner.rfind(",")
            if cut > 0 and len(inner) - cut < 160 and not re.search(r"[\"“”]", inner[cut:]):
                hi = lo + cut
                continue
        break
    return hi


def _subject_before(text: str, lo: int, verb_at: int, *, generic: bool = False) -> Mention | None:
    """The subject right before the verb at ``verb_at`` (``X said``, ``the crowd chanted``)."""
    if _INFINITIVE.search(text, max(lo, verb_at - 24), verb_at) and not _CORE_VERB.match(
        text, verb_at
    ):
        return None  # "wants Lee to explain": not a report (but "was quick to say" is)
    hi = _strip_appositions(text, lo, verb_at)
    mentions = [
        m
        for m in _mentions(text, lo, hi)
        if m[2] == "pro" or text[m[1] : m[1] + 2] not in ("'s", "’s")
    ]
    if mentions:
        last = mentions[-1]
        gap = text[last[1] : hi]
        if len(gap.split()) <= 3 and not re.search(r"[,;:\"“”]", gap):
            if _COORDINATION.match(gap):
                # "X praised Y and said": the subject is the one of the first verb.
                return _sentence_subject(text, lo, last[0]) or last
            return last
    quantifier = _QUANTIFIER_SUBJECT.search(text, lo, hi)
    if quantifier:  # "Another said", "Others wrote"
        return quantifier.start(1), quantifier.end(1), "role"
    phrase = _GENERIC_NP.search(text, lo, hi) if generic else None
    if phrase:
        return phrase.start(), phrase.start() + len(phrase.group().rstrip()), "role"
    return None


def _subject_after(text: str, verb_end: int, hi: int, *, generic: bool = False) -> Mention | None:
    """The mention right after a verb (``said X``, ``said former governor X``, ``according to X``).

    Looks at the phrase up to the next comma or full stop: a pronoun or role at its start, else
    its last capitalised name.
    """
    m = _NP_START.match(text, verb_end, hi)
    if m and m.lastgroup != "name":
        return _mention(text, m)
    stop = _PHRASE_STOP.search(text, verb_end, hi)
    stop_at = stop.start() if stop else hi
    ends = _sentence_ends(text, verb_end, stop_at)
    stop_at = ends[0] if ends else stop_at
    words = text[verb_end:stop_at].split()
    if not words or len(words) > 12:
        return None
    if generic and words[0].lower() in _PHRASE_DETERMINERS:  # "said a former senior official"
        start = verb_end + len(text[verb_end:stop_at]) - len(text[verb_end:stop_at].lstrip())
        end = len(text[:stop_at].rstrip(" ."))
        names = [n for n in _mentions(text, start, end) if n[2] == "name"]
        return names[-1] if names else (start, end, "role") if end > start else None
    if words[0].lower() in _NOT_SUBJECT_START:
        return None
    # "said Ann Lee of the University of Iowa": the name before the first preposition.
    of = _LOWER_PREPOSITION.search(text, verb_end, stop_at)
    names = [n for n in _mentions(text, verb_end, of.start() if of else stop_at) if n[2] == "name"]
    return names[-1] if names else None


def _after_window(
    text: str, lo: int, hi: int, *, max_gap: int, tail: int | None = None
) -> Mention | None:
    """A speaker named after a closing mark at ``lo``, in the same sentence (``"…," X said``).

    With ``tail``, the verb must end its sentence within that many words (``"…." X said.``).
    """
    for m in _VERB.finditer(text, lo, hi):
        gap = text[lo : m.start()]
        if len(gap.split()) > max_gap:
            return None
        if m.group() in lexicon.WEAK_VERBS and len(gap.split()) > 3:
            continue
        if tail is not None and len(text[m.end() : hi].split()) > tail:
            continue
        if _OWN_CONTENT.match(text, m.end(), hi):
            continue  # "…," he claimed they had never met: the verb reports something else
        if m.group() in lexicon.ACCORDING_TO or not gap.strip(" ,.;:—–-\u00a0"):
            found = _subject_after(text, m.end(), hi, generic=True)
            if found or m.group() in lexicon.ACCORDING_TO:
                return found
            continue
        found = _subject_before(text, lo, m.start(), generic=True)
        if found and not (_RELATIVE_BEFORE.search(text, max(lo, found[0] - 12), found[0])):
            return found
    return None


def _before_window(text: str, lo: int, hi: int) -> Mention | None:
    """A speaker named in the sentence ``text[lo:hi]`` that leads into an opening mark."""
    label = _LABEL.search(text, lo, hi)
    if label:  # "More from Lee: "…""
        mentions = _mentions(text, label.start(), label.end())
        if mentions and mentions[-1][2] != "pro":
            return mentions[-1]
    for m in reversed(list(_VERB.finditer(text, lo, hi))):
        if m.group() in lexicon.WEAK_VERBS and len(text[m.end() : hi].split()) > 4:
            continue
        if m.group() in lexicon.ACCORDING_TO:
            found = _subject_after(text, m.end(), hi)
        elif m.group().endswith("ing"):
            # "X released a statement saying …": the participle's subject is the clause's.
            found = _sentence_subject(text, lo, m.start()) or _inverted(text, m.end(), hi)
        else:
            # "the crowd chanted, "…"": a generic subject only right before the quote.
            adjacent = not text[m.end() : hi].strip(" ,:\u00a0")
            found = _subject_before(text, lo, m.start(), generic=adjacent) or _inverted(
                text, m.end(), hi
            )
            if (
                found
                and _RELATIVE_BEFORE.search(text, max(lo, found[0] - 12), found[0])
                and text[m.end() : hi].rstrip().endswith((",", "—", "–"))
            ):
                continue  # "…, which Lee denied, "…"": the relative clause closed before the quote
        if found and found[0] > lo and found[2] == "pro":
            # "Lee said he would "…"": an outer named reporter wins over the inner pronoun.
            outer = _before_window(text, lo, found[0])
            if outer and outer[2] != "pro":
                return outer
        if found and found[0] > lo and text[m.end() : hi].strip(" ,:\u00a0"):
            outer = _outer_reporter(text, lo, found[0])
            if outer:
                return outer
        if found:
            return found
    return None


def _outer_reporter(text: str, lo: int, hi: int) -> Mention | None:
    """The subject of a reporting verb in ``text[lo:hi]`` whose complement runs on to ``hi``.

    ``Lee said on Monday that the council had called it "…"``: the quote is in Lee's complement,
    so Lee is quoted, not the subject of a verb inside it.  A punctuation mark or a conjunction
    after the verb ends its complement (``While Ann says so, Lee said "…"``).
    """
    for m in reversed(list(_VERB.finditer(text, lo, hi))):
        verb = m.group()
        if verb in lexicon.WEAK_VERBS or verb in lexicon.ACCORDING_TO or verb.endswith("ing"):
            continue
        if _CLAUSE_BREAK.search(text, m.end(), hi):
            return None
        found = _subject_before(text, lo, m.start())
        return found if found and found[2] in ("name", "pro") else None
    return None


def _sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The first person-like mention of ``text[lo:hi]`` that is not inside a prepositional phrase.

    A fallback for quotes with no reporting verb: the subject of their sentence most often said
    them ("Lee has called the plan "a disaster"").
    """
    intro = _INTRO_PHRASE.match(text, lo, hi)
    if intro:
        lo = intro.end()
    fallback = None
    for start, end, kind in _mentions(text, lo, hi):
        if kind == "pro" and text[start:end].lower() in _WEAK_SUBJECTS:
            continue
        before = [w.lower().strip(",") for w in text[max(lo, start - 30) : start].split()]
        while before and before[-1] in _ARTICLES:
            before.pop()
        if before and before[-1] in lexicon.PREPOSITIONS:
            continue
        if kind == "name" and text[start:end].split()[0].endswith(("ing", "ed")):
            continue
        if kind != "pro" and text[end : end + 2] in ("'s", "’s"):
            continue  # a possessor ("Lee's plan"), not the subject
        if kind == "name" and text[start:end].isupper() and end - start > 20:
            continue  # an upper-case headline
        if kind == "name" and not _SUBJECT_FOLLOWER.match(text, end):
            fallback = fallback or (start, end, kind)
            continue  # a place or list item ("in Salem, New Hampshire, Lee said")
        return start, end, kind
    return fallback


def _inverted(text: str, verb_end: int, hi: int) -> Mention | None:
    """``said X:`` before a quote: a name right after the verb, then a colon or comma."""
    found = _subject_after(text, verb_end, hi)
    if found and found[2] != "pro" and re.match(r"[\s,:]*$", text[found[1] : hi]):
        return found
    return None


def _lead_in_paragraph(text: str, open_at: int) -> Mention | None:
    """The speaker of a paragraph ending with a colon right before a paragraph opening a quote."""
    par_lo, _ = _paragraph_bounds(text, open_at)
    if text[par_lo:open_at].strip():
        return None
    prev_hi = len(text[:par_lo].rstrip())
    if prev_hi == 0 or text[prev_hi - 1] != ":":
        return None
    prev_lo, _ = _paragraph_bounds(text, prev_hi - 1)
    ends = _sentence_ends(text, prev_lo, prev_hi)
    lo = ends[-1] if ends else prev_lo
    return _before_window(text, lo, prev_hi) or _sentence_subject(text, lo, prev_hi)


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (line) around ``pos``."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


class _Context:
    """Where the sentences around one quoted stretch begin and end."""

    def __init__(self, text: str, stretches: Sequence[_Stretch], index: int) -> None:
        stretch = stretches[index]
        par_lo, _ = _paragraph_bounds(text, stretch.open_at)
        _, par_hi = _paragraph_bounds(text, max(stretch.start, stretch.close_end - 1))
        prev = stretches[index - 1] if index else None
        nxt = stretches[index + 1] if index + 1 < len(stretches) else None
        lo = max(par_lo, prev.close_end if prev else 0)
        ends = _sentence_ends(text, lo, stretch.open_at)
        self.sentence_lo = ends[-1] if ends else lo
        #: The previous quote is in the same sentence ("called it "A" and "B"").
        self.joins_previous = bool(prev) and prev.close_end > par_lo and not ends
        self.starts_sentence = not text[self.sentence_lo : stretch.open_at].strip()
        hi = min(nxt.open_at, par_hi) if nxt and nxt.open_at < par_hi else par_hi
        ends = _sentence_ends(text, stretch.close_end, hi)
        self.sentence_hi = ends[0] if ends else hi
        #: What follows the closing mark is a whole sentence, not a lead into the next quote.
        self.tail_is_sentence = bool(ends) or hi == par_hi
        self.joins_next = bool(nxt) and nxt.open_at < par_hi and not ends
        between = text[stretch.close_end : hi].rstrip()
        ends_sentence = text[stretch.start : stretch.end].rstrip(" '’)]")[-1:] in ".!?"
        #: The quote ends its sentence ("… politicians." His comments …).
        self.closes_sentence = ends_sentence and bool(
            re.match(r"\s+[A-Z]", text[stretch.close_end : hi])
        )
        #: What follows the closing mark introduces the next quote ("… ." He added: "…").
        self.leads_in = stretch.closed and (
            between.endswith(":") or ends_sentence and self.joins_next and between.endswith(",")
        )


def attribute(text: str, stretches: Sequence[_Stretch]) -> list[tuple[Speaker | None, bool]]:
    """Return ``(speaker or None, cued)`` for each quoted stretch of ``text``, in order.

    ``cued`` tells that a reporting verb or ``according to`` ties the speaker to the quote, rather
    than the speaker being carried over or guessed from the sentence subject.
    """
    resolver = _Resolver(text, stretches)
    speakers: list[Speaker | None] = []
    cued: list[bool] = []
    contexts = [_Context(text, stretches, i) for i in range(len(stretches))]
    previous: Speaker | None = None
    previous_end = -CARRY_OVER_CHARS
    for stretch, ctx in zip(stretches, contexts):
        speaker = None
        found = (
            None
            if ctx.leads_in or ctx.closes_sentence and not ctx.tail_is_sentence
            else _after_window(
                text,
                stretch.close_end,
                ctx.sentence_hi,
                max_gap=8,
                tail=6 if ctx.closes_sentence else None,
            )
        )
        found = found or _before_window(text, ctx.sentence_lo, stretch.open_at)
        cued.append(found is not None)
        if not found and ctx.joins_previous and speakers and speakers[-1] is not None:
            speaker = speakers[-1]
        elif not found and not ctx.leads_in and not ctx.closes_sentence:
            found = _after_window(text, stretch.close_end, ctx.sentence_hi, max_gap=40)
        if not found and speaker is None and ctx.starts_sentence:
            found = _lead_in_paragraph(text, stretch.open_at)
        if not found and speaker is None:
            found = _sentence_subject(text, ctx.sentence_lo, stretch.open_at)
            if not ctx.closes_sentence:
                found = found or _sentence_subject(text, stretch.close_end, ctx.sentence_hi)
        if found:
            speaker = resolver.speaker(*found)
            cued[-1] = (
                True
                if found and not cued[-1] and _VERB.search(text, stretch.close_end, ctx.sentence_hi)
                else cued[-1]
            )
        elif (
            speaker is None
            and previous is not None
            and stretch.open_at - previous_end < CARRY_OVER_CHARS
        ):
            speaker = previous
        speakers.append(speaker)
        if speaker is not None:
            previous = speaker
        previous_end = stretch.close_end
    for i in range(len(speakers) - 2, -1, -1):
        if speakers[i] is None and contexts[i].joins_next:
            speakers[i], cued[i] = speakers[i + 1], cued[i + 1]
    return list(zip(speakers, cued))


class _Resolver:
    """Resolves mentions to canonical names using the names met earlier in the text.

    Every capitalised name outside quotation marks is a candidate antecedent; named speakers of
    earlier quotes come first, as the likeliest referents of a later pronoun or role.
    """

    def __init__(self, text: str, stretches: Sequence[_Stretch]) -> None:
        self.text = text
        self.speakers: list[tuple[int, str]] = []  # (offset, canonical name) of named speakers
        self.gender: dict[str, str] = {}
        self.full_names: dict[str, list[tuple[int, str]]] = {}  # surname -> (offset, full name)
        self.names = self._collect_names(stretches)
        self.offsets = [offset for offset, _ in self.names]

    def _collect_names(self, stretches: Sequence[_Stretch]) -> list[tuple[int, str]]:
        """``(offset, canonical name)`` of the person names outside quotes, in text order.

        A name's gender comes from its titles (Mr, Mrs, spokeswoman) or from the first he/she
        that follows it in its sentence before any other name.
        """
        mentions = []
        inside = iter(stretches)
        current = next(inside, None)
        for m in _NAME_MENTION.finditer(self.text):
            while current is not None and current.close_end <= m.start():
                current = next(inside, None)
            if current is None or m.start() < current.open_at:
                mention = _mention(self.text, m)
                if mention is not None:
                    mentions.append(mention)
        names: list[tuple[int, str]] = []
        for index, (start, end, _) in enumerate(mentions):
            words = self.text[start:end].split()
            titles = [w for w in words if w.rstrip(".").lower() in lexicon.TITLES]
            canonical = self._complete(" ".join(w for w in words if w not in titles), start)
            if not canonical:
                continue
            if " " in canonical:
                self.full_names.setdefault(canonical.rsplit(" ", 1)[1], []).append(
                    (start, canonical)
                )
            stop = mentions[index + 1][0] if index + 1 < len(mentions) else len(self.text)
            ends = _sentence_ends(self.text, end, min(stop, end + 160))
            gender = _gender_of(titles, self.text[end : ends[0] if ends else min(stop, end + 160)])
            if gender:
                self.gender.setdefault(canonical, gender)
            names.append((start, canonical))
        return names

    def _complete(self, name: str, offset: int) -> str:
        """Complete a lone surname to the latest full name ending with it before ``offset``."""
        if " " in name or not name:
            return name
        earlier = [full for at, full in self.full_names.get(name, ()) if at < offset]
        return earlier[-1] if earlier else name

    def _before(self, offset: int) -> list[tuple[int, str]]:
        """Names met before ``offset``."""
        return self.names[: bisect.bisect_left(self.offsets, offset)]

    def speaker(self, start: int, end: int, kind: str) -> Speaker:
        """Build the speaker for a mention and remember the name it resolves to."""
        mention = self.text[start:end]
        if kind == "name":
            name = self._canonical(start, mention)
            self.speakers.append((start, name))
        elif kind == "pro":
            name = self._antecedent(start, mention.lower()) or mention
        else:
            name = self._role(start, mention) or mention
        return Speaker(start, end, mention, name)

    def _canonical(self, start: int, mention: str) -> str:
        """Strip titles and complete a surname to the full name introduced earlier."""
        words = mention.split()
        titled = [
            i for i, w in enumerate(words) if w.rstrip(".").lower() in lexicon.TITLES | {"the"}
        ]
        if titled and titled[-1] + 1 < len(words):
            words = words[titled[-1] + 1 :]
        return self._complete(" ".join(words), start)

    def _antecedent(self, start: int, pronoun: str) -> str | None:
        """The nearest earlier named speaker, else name, that fits the pronoun's gender."""
        want = lexicon.SUBJECT_PRONOUNS.get(pronoun)
        if pronoun == "who":
            prior = self._before(start)
            return prior[-1][1] if prior and start - prior[-1][0] < 120 else None
        if want not in ("m", "f"):
            return self.speakers[-1][1] if self.speakers else None
        for candidates in (self.speakers, self._before(start)):
            for _, name in reversed(candidates):
                if " " in name and self.gender.get(name, want) == want:
                    return name
        return None

    def _role(self, start: int, mention: str) -> str | None:
        """A role (``the spokesman``) names the latest person introduced with that role."""
        role = mention.split()[-1].lower()
        for offset, name in reversed(self._before(start)):
            if role in self.text[offset : offset + 120].lower():
                return name
        return None


def _gender_of(titles: list[str], following: str) -> str | None:
    """Gender told by a title, else by the first personal pronoun that follows a mention."""
    for title in titles:
        low = title.rstrip(".").lower()
        if low in lexicon.MALE_TITLES:
            return "m"
        if low in lexicon.FEMALE_TITLES:
            return "f"
    m = _GENDERED_PRONOUN.search(following)
    if m:
        return "f" if m.group().lower() in ("she", "her", "hers") else "m"
    return None
