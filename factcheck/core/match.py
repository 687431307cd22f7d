"""Candidate ranking and verification of a draft quote against reference passages.

Candidates come from the store's index (``PassageIndex.lookup``); each is screened with rapidfuzz
and the best few are aligned word by word. The word diff favours long contiguous runs (a quote is
mostly copied), its ends are trimmed (a quote may be a fragment of a longer passage), and
allowed editing is excused: words omitted at an ellipsis, a word replaced by (or clarified with)
a ``[bracketed]`` insert, a number written another way. Case, quote marks, apostrophes and
punctuation never reach the diff; a change that adds or drops a negation is never excused.

A draft figure is lined up the same way: its sentence against a source sentence with every
figure masked, so the two figures at the same place are compared (``figcompare``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from factcheck.core.index import keys_of
from factcheck.core.ports import PassageIndex
from factcheck.core.text import Token, plain_words, tokenize
from factcheck.core.types import DiffOp, Passage

#: Words that make a statement negative; a contraction ending in n't counts too.
NEGATIONS = frozenset(
    {"not", "never", "no", "cannot", "nobody", "nothing", "none", "neither", "nor", "nowhere"}
)
#: At most this many source words may be replaced by one [bracketed] clarification.
BRACKET_MAX_WORDS = 3
_NUMBER_TOKEN = re.compile(r"(\d+(?:\.\d+)?)(bn|m|k|tn)?")
_SCALES = {"bn": "e9", "billion": "e9", "m": "e6", "million": "e6", "k": "e3", "thousand": "e3",
           "tn": "e12", "trillion": "e12"}  # fmt: skip
_PERCENT_WORDS = frozenset({"per", "cent", "percent"})
_NUMBER_TEXT = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBER_WORDS = {word: str(n) for n, word in enumerate(_NUMBER_TEXT.split())}


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a draft quote lines up with a stretch of one reference passage.

    ``start``/``end`` are offsets into the reference text; ``diff`` holds only the changes that
    are not allowed editing; ``negation`` is set when one of them adds or drops a negation.
    """

    passage: Passage
    start: int
    end: int
    text: str
    score: float
    matched: int
    words: int
    diff: tuple[DiffOp, ...]
    negation: bool

    @property
    def coverage(self) -> float:
        """The share of the draft quote's words found in order in the source."""
        return self.matched / self.words if self.words else 0.0

    def moved_to(self, passage: Passage) -> Alignment:
        """The same alignment in ``passage``, a copy of this one's passage text elsewhere."""
        shift = passage.start - self.passage.start
        return Alignment(passage, self.start + shift, self.end + shift, self.text, self.score,
                         self.matched, self.words, self.diff, self.negation)


def is_negation(word: str) -> bool:
    """Say whether a normalised word negates (``not``, ``never``, ``won't``, ...)."""
    return word in NEGATIONS or word.endswith("n't")


def count_negations(words: list[str]) -> int:
    """Count the negations among ``words``; ``no longer`` counts once, as ``no``."""
    return sum(1 for w in words if is_negation(w))


def find_candidates(
    index: PassageIndex, text: str, *, limit: int, few_keys: int = 0, wide_limit: int = 0
) -> list[Passage]:
    """Return the passages of the store most likely to hold ``text``, best first.

    A text with at most ``few_keys`` keys ties with many passages, so ``wide_limit`` of them
    are asked for instead. Adjacent sentences of one reference are also offered joined, so a
    quote running over two sentences of a reference still meets one passage holding all of it.
    """
    keys = keys_of(text)
    if not keys:
        return []
    if len(keys) <= few_keys:
        limit = max(limit, wide_limit)
    found = [passage for passage, _ in index.lookup(keys, limit=limit)]
    return found + _joined_neighbours(found)


def _joined_neighbours(passages: list[Passage]) -> list[Passage]:
    by_reference: dict[str, list[Passage]] = {}
    for passage in passages:
        if passage.kind == "sentence":
            by_reference.setdefault(passage.reference_id, []).append(passage)
    joined = []
    for group in by_reference.values():
        group.sort(key=lambda p: p.start)
        run = [group[0]]
        for passage in group[1:] + [None]:
            if passage is not None and 0 <= passage.start - run[-1].end <= 3:
                run.append(passage)
                continue
            if len(run) > 1:
                text = run[0].text
                for prev, nxt in pairwise(run):
                    text += " " * (nxt.start - prev.end) + nxt.text
                joined.append(
                    Passage(run[0].reference_id, run[0].start, run[-1].end, text, "sentence")
                )
            if passage is not None:
                run = [passage]
    return joined


def screen(text: str, passages: list[Passage], *, keep: int) -> list[Passage]:
    """Keep the passages of the ``keep`` distinct texts that best hold ``text`` (rapidfuzz).

    A passage scores its best partial match with ``text``, scaled down when it is shorter than
    ``text``: a sentence that holds only part of a long quote must not outrank the quote. Copies
    of one text (the same sentence in several references) are scored once and kept together,
    best text first.
    """
    query = _plain(text)
    scores: dict[str, tuple[float, int]] = {}
    for order, passage in enumerate(passages):
        if passage.text not in scores:
            target = _plain(passage.text)
            cover = min(1.0, len(target) / len(query)) if query else 0.0
            scores[passage.text] = (-_partial_ratio(query, target) * cover, order)
    kept = set(sorted(scores, key=scores.__getitem__)[:keep])
    chosen = [p for p in passages if p.text in kept]
    chosen.sort(key=lambda p: scores[p.text])
    return chosen


def _partial_ratio(query: str, target: str) -> float:
    """rapidfuzz's partial_ratio, without its search when one text holds the other whole."""
    if query and target and (query in target if len(query) <= len(target) else target in query):
        return 100.0  # (what partial_ratio gives then: most candidates hold the claim whole)
    return fuzz.partial_ratio(query, target)


def once_per_text(align, passages: list[Passage]) -> list:
    """``align(passage)`` for the first passage of each distinct text, moved to its copies.

    ``align`` returns None or a record with a ``moved_to(passage)`` method giving the same
    record at the offsets of a copy.
    """
    done: dict[str, object] = {}
    out = []
    for passage in passages:
        if passage.text not in done:
            found = done[passage.text] = align(passage)
        elif (first := done[passage.text]) is not None:
            found = first.moved_to(passage)
        else:
            found = None
        if found is not None:
            out.append(found)
    return out


@lru_cache(maxsize=8192)  # the same candidate passages come back for many claims of a draft
def _plain(text: str) -> str:
    """The words of ``text`` (editorial marks and [bracketed] inserts left out), space-joined."""
    return plain_words(text)


def align_quote(
    text: str, passage: Passage, *, tokens: list[Token] | None = None, exact_only: bool = False
) -> Alignment | None:
    """Align a draft quote with a passage; ``tokens`` may pass ``tokenize(text, editorial=True)``.

    ``exact_only`` asks only for an alignment without changes (None otherwise), which is cheap.

    >>> p = Passage("r", 0, 27, "Prices will rise next year.", "sentence")
    >>> align_quote("prices won't rise", p).diff
    (DiffOp(op='replace', draft="won't", source='will'),)
    >>> align_quote("rise next", p).text
    'rise next'
    """
    if exact_only and f" {_plain(text)} " not in f" {_plain(passage.text)} ":
        return None  # (the quote's words are not all there, in order and unbroken)
    tokens = tokenize(text, editorial=True) if tokens is None else tokens
    draft = [t for t in tokens if t.kind == "word"]
    source = [t for t in tokenize(passage.text, editorial=True) if t.kind == "word"]
    words, names = [t.norm for t in draft], [t.norm for t in source]
    if not words or not names:
        return None
    at = _contiguous(words, names)
    if at is not None:  # the quote's words, in order and unbroken: nothing to diff
        start, end = source[at].start, source[at + len(words) - 1].end
        return Alignment(passage, passage.start + start, passage.start + end,
                         passage.text[start:end], 100.0, len(words), len(words), (), False)
    if exact_only:
        return None
    ops = difflib.SequenceMatcher(None, words, names, autojunk=False).get_opcodes()
    ops = _trim(ops, words, names)
    if not any(op[0] == "equal" for op in ops):
        return None
    diff, negation, matched, excused = _judge(ops, words, names, _marks(tokens))
    diff = [
        DiffOp(d.op, _surface(text, draft, i1, i2), _surface(passage.text, source, j1, j2))
        for d, (i1, i2, j1, j2) in diff
    ]
    j_start, j_end = ops[0][3], ops[-1][4]
    start, end = source[j_start].start, source[j_end - 1].end
    kept = [names[j] for j in range(j_start, j_end) if j not in excused]
    score = round(fuzz.ratio(" ".join(words), " ".join(kept)), 1)
    return Alignment(
        passage,
        passage.start + start,
        passage.start + end,
        passage.text[start:end],
        score,
        matched,
        len(words),
        tuple(diff),
        negation,
    )


def _contiguous(words: list[str], names: list[str]) -> int | None:
    """The position of ``words`` as an unbroken run of ``names``, or None."""
    if len(words) > len(names):
        return None
    haystack = _SEP + _SEP.join(names) + _SEP
    found = haystack.find(_SEP + _SEP.join(words) + _SEP)
    return None if found < 0 else haystack.count(_SEP, 0, found)


_SEP = "\x00"  # never inside a word


def _surface(text: str, tokens: list[Token], first: int, stop: int) -> str:
    """The original text of ``tokens[first:stop]`` (empty when there are none)."""
    return text[tokens[first].start : tokens[stop - 1].end] if stop > first else ""


def _marks(tokens: list[Token]) -> dict[int, str]:
    """Map a word position of the quote to the editorial mark just before it."""
    marks: dict[int, str] = {}
    position = 0
    for token in tokens:
        if token.kind == "word":
            position += 1
        else:
            marks[position] = token.kind
    return marks


def _trim(ops: list[tuple], words: list[str], names: list[str]) -> list[tuple]:
    """Drop source words outside the quote: leading and trailing source-only stretches.

    A change at an edge keeps as many source words as the draft has there, or the number that
    says the same thing another way (``£5 billion`` vs ``£5bn``).
    """
    ops = list(ops)
    while ops and ops[0][0] == "insert":
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    if ops and ops[0][0] == "replace":
        tag, i1, i2, j1, j2 = ops[0]
        size = _edge_size(words[i1:i2], names[j1:j2][::-1], reverse=True)
        ops[0] = (tag, i1, i2, max(j1, j2 - size), j2)
    if ops and ops[-1][0] == "replace":
        tag, i1, i2, j1, j2 = ops[-1]
        ops[-1] = (tag, i1, i2, j1, min(j2, j1 + _edge_size(words[i1:i2], names[j1:j2])))
    return ops


def _edge_size(draft: list[str], source: list[str], *, reverse: bool = False) -> int:
    """How many of ``source`` (nearest the quote first) a change at the quote's edge covers."""
    for size in range(1, len(source) + 1):
        part = source[:size][::-1] if reverse else source[:size]
        if _allowed("replace", draft, part, set()):
            return size
    return len(draft)


def _judge(ops, words, names, marks):
    """Sort difflib opcodes into allowed editing and changes.

    Returns the changes (each a DiffOp of normalised words with its word ranges), whether one
    of them flips a negation, the number of draft words matched, and the excused source words.
    """
    diff: list[tuple[DiffOp, tuple[int, int, int, int]]] = []
    negation = False
    matched = 0
    excused: set[int] = set()
    for tag, i1, i2, j1, j2 in ops:
        draft, source = words[i1:i2], names[j1:j2]
        if tag == "equal":
            matched += i2 - i1
            continue
        neg_changed = count_negations(draft) != count_negations(source)
        gap = _gap_marks(i1, j1, j2, words, names, marks) if tag == "insert" else set()
        if not neg_changed and _allowed(tag, draft, source, gap):
            excused.update(range(j1, j2))
            continue
        op = {"replace": "replace", "delete": "insert", "insert": "delete"}[tag]
        diff.append((DiffOp(op, " ".join(draft), " ".join(source)), (i1, i2, j1, j2)))
        negation = negation or neg_changed
    return diff, negation, matched, excused


def _gap_marks(
    i: int, j1: int, j2: int, words: list[str], names: list[str], marks: dict[int, str]
) -> set[str]:
    """The editorial marks a run of omitted source words can slide to.

    Omitted ``names[j1:j2]`` sit before draft word ``i``; when the words around the gap repeat
    (``it's radio voices, and it's fake, it's just``) the same omission can be drawn a few words
    earlier or later, and the draft's ellipsis may sit at any of those places.
    """
    found = {marks[i]} if i in marks else set()
    shift = 1
    while i - shift >= 0 and j2 - shift >= j1 and words[i - shift] == names[j2 - shift]:
        found.update([marks[i - shift]] if i - shift in marks else [])
        shift += 1
    shift = 0
    while i + shift < len(words) and j1 + shift < j2 and words[i + shift] == names[j1 + shift]:
        found.update([marks[i + shift + 1]] if i + shift + 1 in marks else [])
        shift += 1
    return found


def _allowed(tag: str, draft: list[str], source: list[str], gap: set[str]) -> bool:
    """Say whether a change is allowed editing.

    Allowed: words omitted at an ellipsis, a few words replaced by a [bracketed] clarification,
    a word spelt in pieces (``e-mail``/``email``), a number written another way (``3``/``three``,
    ``12%``/``12 per cent``, ``£5bn``/``£5 billion``).
    """
    if "".join(draft) == "".join(source):
        return True
    if tag == "insert" and (
        "ellipsis" in gap or "bracket" in gap and len(source) <= BRACKET_MAX_WORDS
    ):
        return True
    if set(draft + source) <= _PERCENT_WORDS:  # "12%" vs "12 per cent": "%" is no word
        return True
    mine, theirs = _numeric_form(draft), _numeric_form(source)
    return mine == theirs and any(c.isdigit() for c in mine)


def _numeric_form(words: list[str]) -> str:
    """Numbers in one spelling: digits, with scale words as exponents, percent words dropped."""
    out = []
    for word in words:
        if word in _PERCENT_WORDS:
            continue
        m = _NUMBER_TOKEN.fullmatch(word)
        if m:
            out.append(m.group(1) + _SCALES.get(m.group(2) or "", ""))
        else:
            out.append(_SCALES.get(word) or _NUMBER_WORDS.get(word) or word)
    return "".join(out)


def replaced_name(mine: str, theirs: str) -> tuple[int, int, str] | None:
    """If ``mine`` is ``theirs`` with one run of capitalised words replaced, locate the runs.

    Returns the run's span in ``mine`` and the run of ``theirs`` it replaces. The run of
    ``mine`` must appear nowhere in ``theirs`` (a new name, not a moved one).

    >>> replaced_name(", said Ann Lee at Acme.", ", said Bob Roe at Acme.")
    (7, 14, 'Bob Roe')
    """
    a, b = tokenize(mine), tokenize(theirs)
    ops = difflib.SequenceMatcher(
        None, [t.norm for t in a], [t.norm for t in b], autojunk=False
    ).get_opcodes()
    changed = [op for op in ops if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] != "replace" or len(ops) < 2:
        return None
    _, i1, i2, j1, j2 = changed[0]
    if not all(mine[t.start].isupper() for t in a[i1:i2]) or not all(
        theirs[t.start].isupper() for t in b[j1:j2]
    ):
        return None
    if {t.norm for t in a[i1:i2]} & {t.norm for t in b}:
        return None
    return a[i1].start, a[i2 - 1].end, theirs[b[j1].start : b[j2 - 1].end]
