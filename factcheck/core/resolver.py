"""The canonical name a speaker mention refers to: titles stripped, surnames completed, pronouns
and roles resolved to a fitting earlier name.

A he/she resolves to a named speaker of the last few sentences, else to the first fitting person
of the nearest sentence before it (sentence subjects come first, as writers refer back to them).
A person fits when nothing tells another gender and the name is neither an institution or place
(``White House``, ``in Iowa``) nor a lone capitalised word of unknown standing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from factcheck.core import lexicon
from factcheck.core.marks import Stretch
from factcheck.core.mentions import (
    NAME_MENTION,
    NAMES_OF_SEVERAL_WORDS,
    Mention,
    sentence_ends,
    to_mention,
)
from factcheck.core.types import Speaker

#: How many following pronouns a gendered title (Mr, Mrs, spokeswoman) outweighs.
TITLE_WEIGHT = 5
#: Most characters back to a named speaker that a he/she refers to before any other name.
PRONOUN_SPEAKER_WINDOW = 250

_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|from|of|like|near|into|across|to|toward|towards|for|on|by|with|against)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GENDERED_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.IGNORECASE)
_LINE_START = re.compile(r"\n")
_LINE = re.compile(r"[^\n]+")
_PUNCT = "\"'“”‘’()[],:;-–—"
_SENTENCE_CLOSE = frozenset(".?!\"”'’")
#: A word between a title and a name that qualifies the title ("of", "State", "U.S.").
_QUALIFIER = re.compile(r"[a-z][\w'’-]*|[A-Z]\.(?:[A-Z]\.)+")


class Resolver:
    """Resolves mentions to canonical names using the names met earlier in the text."""

    def __init__(self, text: str, stretches: Sequence[Stretch], *, resolve: bool = True) -> None:
        """``resolve=False`` only canonicalises names: pronouns and roles stay as written.

        That needs only the full names met in the text, a fraction of the work (an ingest keeps
        only the speakers named at their quote).
        """
        self.text = text
        self.stretches = stretches
        self.resolve = resolve
        self.speakers: list[tuple[int, str]] = []  # (offset, canonical name) of named speakers
        self.gender: dict[str, str] = {}
        self.people: set[str] = set()  # names met at least once where a person may stand
        # surname -> (offset, full name) of every name met; with resolve=False, None: the
        # full names of a surname are read when it first needs completing (_full_names_of)
        self.full_names: dict[str, list[tuple[int, str]]] | None = None
        self.names: list[tuple[int, str]] = []
        self.offsets: list[int] = []
        self.sentence_starts: list[int] = [0]
        if not resolve:
            self._lazy_full_names: dict[str, list[tuple[int, str]]] = {}
            self._stretch_opens = [s.open_at for s in stretches]
            return
        self.full_names = {}
        self.names = self._collect_names(stretches)
        self.offsets = [offset for offset, _ in self.names]
        starts = sentence_ends(text, 0, len(text)) + [m.end() for m in _LINE_START.finditer(text)]
        self.sentence_starts = sorted([0, *starts])

    def _note_full_name(self, start: int, canonical: str) -> None:
        """Remember a name of several words by its surname, for completing later surnames."""
        if " " in canonical:
            surname = canonical.rsplit(" ", 1)[1]
            self.full_names.setdefault(surname, []).append((start, canonical))

    def _collect_names(self, stretches: Sequence[Stretch]) -> list[tuple[int, str]]:
        """``(offset, canonical name)`` of the names outside quotes, in text order.

        Names after a preposition (``in Salem``) or holding an institution word (``Senate``) are
        not people.  A person's gender is what most of its mentions tell: a title (Mr, Mrs,
        spokeswoman) or the first he/she that follows it in its sentence before another name.
        """
        mentions = _mentions_outside(self.text, stretches)
        names: list[tuple[int, str]] = []
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for index, (start, end, _) in enumerate(mentions):
            words = self.text[start:end].split()
            titles = [w for w in words if w.rstrip(".").lower() in lexicon.TITLES]
            canonical = self._complete(" ".join(_own_name(words)), start)
            if not canonical:
                continue
            names.append((start, canonical))
            self._note_full_name(start, canonical)
            if _is_institution(canonical) or (
                not titles and _AFTER_PREPOSITION.search(self.text, max(0, start - 12), start)
            ):
                continue
            self.people.add(canonical)
            stop = mentions[index + 1][0] if index + 1 < len(mentions) else len(self.text)
            told = _gender_of(titles, self._rest_of_sentence(end, min(stop, end + 160)))
            if told:
                votes[canonical][told[0]] += told[1]
        self.gender = {name: count.most_common(1)[0][0] for name, count in votes.items()}
        return names

    def _rest_of_sentence(self, start: int, stop: int) -> str:
        """The text from ``start`` to the end of its sentence, at most up to ``stop``."""
        ends = sentence_ends(self.text, start, stop)
        return self.text[start : ends[0] if ends else stop]

    def _complete(self, name: str, offset: int) -> str:
        """Complete a lone surname to the latest full name ending with it before ``offset``."""
        if " " in name or not name:
            return name
        found = self.full_names.get(name, ()) if self.full_names is not None else \
            self._full_names_of(name)
        earlier = [full for at, full in found if at < offset]
        return earlier[-1] if earlier else name

    def _full_names_of(self, surname: str) -> list[tuple[int, str]]:
        """``(offset, full name)`` of the names of several words ending with ``surname``.

        With ``resolve=False`` only the surnames that need completing are read, and only in the
        lines that hold them: a name never runs over a line break, so the names of a line are
        the same whether the text is read from its start or from the line's. They are the
        entries ``full_names`` would hold for that surname, in the same order.
        """
        lazy = self._lazy_full_names
        if surname in lazy:
            return lazy[surname]
        lazy[surname] = found = []  # (filled in text order: a nested look-up sees what came before)
        text, opens = self.text, self._stretch_opens
        for line in _LINE.finditer(text):
            if surname not in line.group() or _is_headline(line.group()):
                continue
            for m in NAMES_OF_SEVERAL_WORDS.finditer(text, line.start(), line.end()):
                if len(m.group().split()) < 2:
                    continue
                at = bisect.bisect_right(opens, m.start()) - 1
                if at >= 0 and m.start() < self.stretches[at].close_end:
                    continue  # inside a quote
                mention = to_mention(text, m)
                if mention is None:
                    continue
                own = _own_name(text[mention[0] : mention[1]].split())
                if own[-1] != surname:
                    continue  # (another surname's full name)
                canonical = self._complete(" ".join(own), mention[0])
                if " " in canonical:
                    found.append((mention[0], canonical))
        return found

    def _before(self, offset: int) -> list[tuple[int, str]]:
        """Names met before ``offset``."""
        return self.names[: bisect.bisect_left(self.offsets, offset)]

    def speaker(self, start: int, end: int, kind: str) -> Speaker:
        """Build the speaker for a mention and remember the name it resolves to."""
        mention = self.text[start:end]
        if kind == "name":
            name = self._canonical(start, mention)
            self.speakers.append((start, name))
        elif not self.resolve:
            name = mention
        elif kind == "pro":
            name = self._antecedent(start, mention.lower()) or mention
        else:
            name = self._role(start, mention) or mention
        return Speaker(start, end, mention, name, kind == "name")

    def _canonical(self, start: int, mention: str) -> str:
        """Strip titles and complete a surname to the full name introduced earlier."""
        return self._complete(" ".join(_own_name(mention.split())), start)

    def _antecedent(self, start: int, pronoun: str) -> str | None:
        """The earlier person a pronoun at ``start`` refers to (see the module docstring)."""
        want = lexicon.SUBJECT_PRONOUNS.get(pronoun)
        if pronoun == "who":
            prior = self._before(start)
            return prior[-1][1] if prior and start - prior[-1][0] < 120 else None
        if want not in ("m", "f"):
            return self.speakers[-1][1] if self.speakers else None
        spoken = {name for _, name in self.speakers}
        for at, name in reversed(self.speakers):
            if start - at < PRONOUN_SPEAKER_WINDOW and self._fits(name, want, spoken):
                return name
        for name in self._by_sentence(start):
            if self._fits(name, want, spoken):
                return name
        return None

    def _fits(self, name: str, want: str, spoken: set[str]) -> bool:
        """Tell whether ``name`` may be the person a he (``m``) or she (``f``) refers to."""
        if name not in self.people or self.gender.get(name, want) != want:
            return False
        return " " in name or name in spoken or name in self.gender

    def _by_sentence(self, offset: int) -> Iterator[str]:
        """Names before ``offset``: sentence by sentence backwards, each sentence in order."""
        prior = self._before(offset)
        end = len(prior)
        while end > 0:
            at = self.sentence_starts[
                bisect.bisect_right(self.sentence_starts, prior[end - 1][0]) - 1
            ]
            begin = bisect.bisect_left(self.offsets, at, 0, end)
            yield from (name for _, name in prior[begin:end])
            end = begin

    def _role(self, start: int, mention: str) -> str | None:
        """A role (``the spokesman``) names the latest person introduced with that role."""
        role = mention.split()[-1].lower()
        for offset, name in reversed(self._before(start)):
            if role in self.text[offset : offset + 120].lower():
                return name
        return None


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """The lines of ``text`` written in headline case (``Minister Quits Over Housing Row``).

    Three words or more, every word of four letters or more capitalised, and no full stop,
    question or exclamation mark at the end: a headline or subhead, whose capitalised words
    are not names.
    """
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if _is_headline(m.group())]


def _is_headline(line: str) -> bool:
    """Tell whether a line is in headline case (see ``_headline_spans``)."""
    line = line.rstrip()
    if line[-1:] in _SENTENCE_CLOSE:  # (most paragraphs: ruled out at once)
        return False
    words = line.split()
    long_words = [w for w in words if len(w.strip(_PUNCT)) >= 4]
    return (len(words) >= 3 and bool(long_words)
            and all(w.strip(_PUNCT)[:1].isupper() for w in long_words))


def _mentions_outside(text: str, stretches: Sequence[Stretch]) -> list[Mention]:
    """The name mentions of ``text`` outside every quoted stretch and every headline line."""
    mentions = []
    headlines = _headline_spans(text)
    inside = iter(stretches)
    current = next(inside, None)
    for m in NAME_MENTION.finditer(text):
        if headlines and any(lo <= m.start() < hi for lo, hi in headlines):
            continue
        while current is not None and current.close_end <= m.start():
            current = next(inside, None)
        if current is None or m.start() < current.open_at:
            mention = to_mention(text, m)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _own_name(words: list[str]) -> list[str]:
    """The words of a name after its titles and what qualifies them.

    ``Secretary of State Ann Lee``, ``House Speaker Ann Lee``, ``FBI Director Ann Lee`` are all
    ``Ann Lee``; a name without a title is kept whole (``White House``).
    """
    titled = [i for i, w in enumerate(words) if w.rstrip(".").lower() in lexicon.TITLES_OR_THE]
    if not titled:
        return words
    if titled[-1] + 1 >= len(words):  # "the Iowa governor", "Mr. King"
        return [w for i, w in enumerate(words) if i not in titled] or words[-1:]
    rest = words[titled[-1] + 1 :]
    while (
        len(rest) > 1
        and (_QUALIFIER.fullmatch(rest[0]) or rest[0].lower() in lexicon.INSTITUTION_WORDS)
        or len(rest) > 2
        and rest[0].isupper()
    ):
        rest = rest[1:]
    return rest


def _is_institution(name: str) -> bool:
    """Tell whether a name is an institution or place (``White House``) or a participle."""
    words = name.split()
    return words[0].endswith("ing") or any(
        w.strip(".,").lower() in lexicon.INSTITUTION_WORDS for w in words
    )


def _gender_of(titles: list[str], following: str) -> tuple[str, int] | None:
    """``(gender, weight)`` told by a title (weighty), else by the first he/she that follows."""
    for title in titles:
        low = title.rstrip(".").lower()
        if low in lexicon.MALE_TITLES:
            return "m", TITLE_WEIGHT
        if low in lexicon.FEMALE_TITLES:
            return "f", TITLE_WEIGHT
    m = _GENDERED_PRONOUN.search(following)
    if m:
        return ("f" if m.group().lower() in ("she", "her", "hers") else "m"), 1
    return None
