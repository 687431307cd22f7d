"""Who said it: the speaker of each quoted stretch, and the canonical name it refers to.

A speaker is looked for, in order, right after the closing mark (``"…," said X`` / ``"…," X
said``), in the sentence before the opening mark (``X said: "…"``, ``X said that … "…"``),
after ``according to``, and finally carried over from the previous quote (floating quotes).
Pronouns and roles resolve to the nearest fitting earlier name; surnames to the full name.
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

from factcheck.core import lexicon
from factcheck.core.types import Quote, Speaker


class _Stretch(Protocol):
    open_at: int
    start: int
    end: int
    close_end: int
    closed: bool


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VERBS = _alternation(lexicon.REPORTING_VERBS)
_VERB = re.compile(rf"\b(?:{_VERBS})\b|\baccording to\b")
_TITLE_WORDS = _alternation({t.capitalize() for t in lexicon.TITLES} | {"U.S.", "Sen", "Rep"})
_CAP = r"(?:[A-Z][\w'’-]*\.?(?<!['’]s)|[A-Z]\.)"
_PARTICLE = r"(?:de|la|van|von|der|den|bin|al|da|di|du|del|le|el|dos|das|St\.)"
_NAME = rf"(?:(?:{_TITLE_WORDS})\.?\s+)*{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP})*"
_ROLE = (
    rf"(?:\b(?:the|The|a|A|an|An|one|another|his|her|their|its|our|this|that)\s+|{_CAP}['’]s?\s+)"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_alternation(lexicon.ROLE_NOUNS)})\b"
)
_PRONOUN = r"\b(?:he|she|they|we|it|I|He|She|They|We|It|who)\b"
_NP = re.compile(rf"(?P<pro>{_PRONOUN})|(?P<role>{_ROLE})|(?P<name>(?<![\w'’]){_NAME})")
_NP_START = re.compile(rf"\s*(?:(?P<pro>{_PRONOUN})|(?P<role>{_ROLE})|(?P<name>{_NAME}))")
_ABBREVIATION = re.compile(rf"(?:\b(?:{_TITLE_WORDS}|[A-Z]|[A-Z][a-z]?\.[A-Z]|Jr|Sr|St|No|vs|Inc|Co|Corp|Ltd)|\.\.)$")
_SENTENCE_END = re.compile(r"[.!?]['’\"”)]*\s+(?=['‘\"“(]*[A-Z0-9])")
_NAME_MENTION = re.compile(rf"(?P<name>(?<![\w'’]){_NAME})")
_GENDERED_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.IGNORECASE)
_PHRASE_STOP = re.compile(r"[,;:()\"“”«»]|''")
_NOT_SUBJECT_START = lexicon.PREPOSITIONS | lexicon.NOT_NAMES - {"the", "a", "an", "one", "another"}
_WEAK_SUBJECTS = frozenset({"it", "who", "you"})
_WORD = re.compile(r"[\w'’-]+")
_LEADING_STOP = re.compile(r"^(?:(?:[A-Z][a-z]*)\s+)")
_TRANSCRIPT_LINE = re.compile(
    r"^[ \t]*(?P<name>Q|A|(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?"
    r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+[A-Z][\w'’-]+"
    r"|[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})[ \t]*:[ \t]+(?P<text>\S[^\n]*)$",
    re.MULTILINE,
)

#: Most words a floating quote may lie from the previous quote to inherit its speaker.
CARRY_OVER_CHARS = 400
#: Most words of a title-case stretch taken for a title rather than speech.
TITLE_MAX_WORDS = 8
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on to for at by with from is are".split())


def _sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets where a sentence ends inside ``text[lo:hi]`` (after the full stop and spaces)."""
    ends = []
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), hi + 8)):
        if m.start() >= hi:
            break
        if text[m.start()] == "." and _ABBREVIATION.search(text, max(lo, m.start() - 12), m.start()):
            continue
        ends.append(m.end())
    return ends


def _mention(text: str, m: re.Match, offset: int) -> tuple[int, int, str] | None:
    """Turn a noun-phrase match into a cleaned ``(start, end, kind)`` mention."""
    kind = m.lastgroup
    start, end = m.start(kind), m.end(kind)
    if kind == "name":
        # Drop sentence-initial function words ("But Lee") and a trailing full stop.
        while True:
            first = _WORD.match(text, start)
            if not first or first.group().lower() not in lexicon.NOT_NAMES:
                break
            nxt = re.compile(r"\s+").match(text, first.end())
            if not nxt or nxt.end() >= end:
                return None
            start = nxt.end()
        if text[end - 1] == "." and not _ABBREVIATION.search(text[start:end - 1]):
            end -= 1
        words = text[start:end].split()
        if all(w.rstrip(".").lower() in lexicon.TITLES for w in words):
            return None
    return start, end, kind


def _mentions(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """All noun-phrase mentions (names, roles, pronouns) in ``text[lo:hi]``."""
    found = []
    for m in _NP.finditer(text, lo, hi):
        mention = _mention(text, m, lo)
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


def _subject_before(text: str, lo: int, verb_at: int) -> tuple[int, int, str] | None:
    """The subject mention directly before the verb at ``verb_at`` (``X said``)."""
    hi = _strip_appositions(text, lo, verb_at)
    mentions = _mentions(text, lo, hi)
    if not mentions:
        return None
    last = mentions[-1]
    gap = text[last[1]:hi]
    if len(gap.split()) > 3 or re.search(r"[,;:\"“”]", gap):
        return None
    return last


def _subject_after(text: str, verb_end: int, hi: int) -> tuple[int, int, str] | None:
    """The mention right after a verb (``said X``, ``said former governor X``, ``according to X``).

    Looks at the phrase up to the next comma or full stop: a pronoun or role at its start, else
    its last capitalised name.
    """
    m = _NP_START.match(text, verb_end, hi)
    if m and m.lastgroup != "name":
        return _mention(text, m, verb_end)
    stop = _PHRASE_STOP.search(text, verb_end, hi)
    stop_at = stop.start() if stop else hi
    ends = _sentence_ends(text, verb_end, stop_at)
    stop_at = ends[0] if ends else stop_at
    words = text[verb_end:stop_at].split()
    if not words or len(words) > 12 or words[0].lower() in _NOT_SUBJECT_START:
        return None
    names = [n for n in _mentions(text, verb_end, stop_at) if n[2] == "name"]
    return names[-1] if names else None


def _after_window(text: str, lo: int, hi: int, *, max_gap: int) -> tuple[int, int, str] | None:
    """A speaker named after a closing mark at ``lo``, in the same sentence (``"…," X said``)."""
    for m in _VERB.finditer(text, lo, hi):
        gap = text[lo:m.start()]
        if len(gap.split()) > max_gap:
            return None
        if m.group() == "according to" or not gap.strip(" ,.;:—–-\u00a0"):
            found = _subject_after(text, m.end(), hi)
            if found or m.group() == "according to":
                return found
            continue
        found = _subject_before(text, lo, m.start())
        if found:
            return found
        after = _subject_after(text, m.end(), hi)
        if after and after[2] != "pro":
            return after
    return None


def _before_window(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """A speaker named in the sentence ``text[lo:hi]`` that leads into an opening mark."""
    for m in reversed(list(_VERB.finditer(text, lo, hi))):
        if m.group() == "according to":
            found = _subject_after(text, m.end(), hi)
        else:
            found = _subject_before(text, lo, m.start()) or _inverted(text, m.end(), hi)
        if found:
            return found
    return None


def _sentence_subject(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The first person-like mention of ``text[lo:hi]`` that is not inside a prepositional phrase.

    A fallback for quotes with no reporting verb: the subject of their sentence most often said
    them ("Lee has called the plan "a disaster"").
    """
    for start, end, kind in _mentions(text, lo, hi):
        if kind == "pro" and text[start:end].lower() in _WEAK_SUBJECTS:
            continue
        before = text[max(lo, start - 20):start].split()
        if before and before[-1].lower().strip(",") in lexicon.PREPOSITIONS:
            continue
        if kind == "name" and text[start:end].split()[0].endswith(("ing", "ed")):
            continue
        return start, end, kind
    return None


def _inverted(text: str, verb_end: int, hi: int) -> tuple[int, int, str] | None:
    """``said X:`` before a quote: a name right after the verb, then a colon or comma."""
    found = _subject_after(text, verb_end, hi)
    if found and found[2] != "pro" and re.match(r"[\s,:]*$", text[found[1]:hi]):
        return found
    return None


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
        self.starts_sentence = not text[self.sentence_lo:stretch.open_at].strip()
        hi = min(nxt.open_at, par_hi) if nxt and nxt.open_at < par_hi else par_hi
        ends = _sentence_ends(text, stretch.close_end, hi)
        self.sentence_hi = ends[0] if ends else hi
        self.joins_next = bool(nxt) and nxt.open_at < par_hi and not ends
        between = text[stretch.close_end:hi].rstrip()
        ends_sentence = text[stretch.start:stretch.end].rstrip()[-1:] in ".!?"
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
        found = None if ctx.leads_in else _after_window(text, stretch.close_end, ctx.sentence_hi, max_gap=8)
        found = found or _before_window(text, ctx.sentence_lo, stretch.open_at)
        cued.append(found is not None)
        if not found and ctx.joins_previous and speakers and speakers[-1] is not None:
            speaker = speakers[-1]
        elif not found and not ctx.leads_in:
            found = _after_window(text, stretch.close_end, ctx.sentence_hi, max_gap=40)
        if not found and speaker is None:
            found = _sentence_subject(text, ctx.sentence_lo, stretch.open_at)
            found = found or _sentence_subject(text, stretch.close_end, ctx.sentence_hi)
        if found:
            speaker = resolver.speaker(*found)
            cued[-1] = True if found and not cued[-1] and _VERB.search(text, stretch.close_end, ctx.sentence_hi) else cued[-1]
        elif speaker is None and previous is not None and stretch.open_at - previous_end < CARRY_OVER_CHARS:
            if ctx.starts_sentence:
                speaker = previous
        speakers.append(speaker)
        if speaker is not None:
            previous = speaker
        previous_end = stretch.close_end
    for i in range(len(speakers) - 2, -1, -1):
        if speakers[i] is None and contexts[i].joins_next:
            speakers[i], cued[i] = speakers[i + 1], cued[i + 1]
    return list(zip(speakers, cued))


def is_speech_like(text: str, stretch: _Stretch) -> bool:
    """Tell whether an unattributed stretch may be speech rather than a title or markup value.

    Markup attribute values (``id="123"``) and short title-case stretches (``"The Daily Show"``)
    are not speech; anything else may be a partial quote.
    """
    if text[stretch.open_at - 1:stretch.open_at] == "=":
        return False
    inner = text[stretch.start:stretch.end].strip()
    words = [w for w in inner.split() if w[0].isalnum()]
    if not words or len(words) > TITLE_MAX_WORDS:
        return True
    return not all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words)


class _Resolver:
    """Resolves mentions to canonical names using the names met earlier in the text.

    Every capitalised name outside quotation marks is a candidate antecedent; named speakers of
    earlier quotes come first, as the likeliest referents of a later pronoun or role.
    """

    def __init__(self, text: str, stretches: Sequence[_Stretch]) -> None:
        self.text = text
        self.speakers: list[tuple[int, str]] = []  # (offset, canonical name) of named speakers
        self.gender: dict[str, str] = {}
        self.names = self._collect_names(stretches)

    def _collect_names(self, stretches: Sequence[_Stretch]) -> list[tuple[int, str]]:
        """``(offset, canonical name)`` of the person names outside quotes, in text order."""
        names: list[tuple[int, str]] = []
        inside = iter(stretches)
        current = next(inside, None)
        for m in _NAME_MENTION.finditer(self.text):
            while current is not None and current.close_end <= m.start():
                current = next(inside, None)
            if current is not None and current.open_at <= m.start():
                continue
            mention = _mention(self.text, m, 0)
            if mention is None:
                continue
            words = self.text[mention[0]:mention[1]].split()
            titles = [w for w in words if w.rstrip(".").lower() in lexicon.TITLES]
            canonical = self._complete(" ".join(w for w in words if w not in titles), names)
            if not canonical:
                continue
            gender = _gender_of(titles, self.text[mention[1]:mention[1] + 160])
            if gender:
                self.gender.setdefault(canonical, gender)
            names.append((mention[0], canonical))
        return names

    @staticmethod
    def _complete(name: str, earlier: list[tuple[int, str]]) -> str:
        """Complete a lone surname to the latest earlier full name ending with it."""
        if " " in name or not name:
            return name
        for _, full in reversed(earlier):
            if full.endswith(" " + name):
                return full
        return name

    def _before(self, offset: int) -> list[tuple[int, str]]:
        """Names met before ``offset``."""
        return [n for n in self.names if n[0] < offset]

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
        titled = [i for i, w in enumerate(words) if w.rstrip(".").lower() in lexicon.TITLES | {"the"}]
        if titled and titled[-1] + 1 < len(words):
            words = words[titled[-1] + 1:]
        return self._complete(" ".join(words), self._before(start))

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
            if role in self.text[offset:offset + 120].lower():
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


def transcript_turns(text: str) -> list[Quote]:
    """Each ``NAME: words`` line of a transcript as a quote by ``NAME`` (see quotes module)."""
    turns = []
    full_names: dict[str, str] = {}
    for m in _TRANSCRIPT_LINE.finditer(text):
        raw = m.group("name")
        words = [w for w in raw.split() if w.rstrip(".").lower() not in lexicon.TITLES]
        if not words:
            continue
        name = " ".join(w if not w.isupper() or len(w) <= 1 else w.capitalize() for w in words)
        if len(words) > 1:
            full_names[words[-1].upper()] = name
        else:
            name = full_names.get(words[0].upper(), name)
        start, end = m.start("text"), m.end("text")
        while end > start and text[end - 1].isspace():
            end -= 1
        speaker = Speaker(m.start("name"), m.end("name"), raw, name)
        turns.append(Quote(start, end, text[start:end], speaker))
    return turns
