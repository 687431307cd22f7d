"""What a reference contributes to the candidate index: passages and their keys.

A key is a hash of two consecutive *content* words (stopwords and numbers left out, editorial
marks ``...`` and ``[...]`` break the run). Such keys survive what drafts do to quotes and
figures: a changed word breaks at most two keys, deleted or inserted stopwords break none, a
changed number breaks none, an ellipsis-cut or partial quote keeps the keys of what it kept.
Quotes also get pairs one word apart, so that a short quote with one word changed still shares
keys with its source. Keys made only of stopwords are never produced.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from itertools import pairwise

from factcheck.core.quotes import extract_quotes
from factcheck.core.text import is_person_name, plain_runs, sentence_spans
from factcheck.core.types import Passage

#: Bump when keys or passages change: a store built with another version must be re-indexed.
INDEX_VERSION = 6

#: Function words, negations and attribution verbs: never part of a key.
_STOPWORD_TEXT = """a about after all also am an and any are aren't as at be because been
    before being both but by can can't cannot could couldn't did didn't do does doesn't don't
    down during each for from had hadn't has hasn't have haven't having he he'd he'll he's her
    here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't
    it it's its itself let's me mustn't my myself no nor not of on or other ought our ours
    ourselves out over shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through to under until up was wasn't we we'd we'll we're we've
    were weren't what what's when when's where where's which while who who's whom why why's
    will with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves never said says say told mr mrs ms dr"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _hash(gram: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big", signed=True
    )


class _WordHashes(dict):
    """word -> its 64-bit hash, or 0 for a word that never enters a key (a stopword, a single
    letter, a number): a memo of the vocabulary, since words recur across every reference."""

    LIMIT = 1 << 18  # distinct words kept; past that the memo starts again (names, typos)

    def __missing__(self, word: str) -> int:
        if word in STOPWORDS or len(word) < 2 or word[0].isdigit():
            value = 0
        else:
            value = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
        if len(self) >= self.LIMIT:
            self.clear()
        self[word] = value
        return value


_word_hashes = _WordHashes()


_MASK = (1 << 63) - 1  # keys are non-negative 63-bit integers (a signed 64-bit column holds them)
_ADJACENT, _ONE_APART = 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F  # odd 64-bit multipliers


@lru_cache(maxsize=8192)  # a draft's sentences are keyed for the prefetch, then per claim
def keys_of(text: str, *, skips: bool = True) -> frozenset[int]:
    """Return the index keys of ``text``: hashes of its content-word pairs, adjacent or one apart.

    ``skips=False`` leaves out the pairs one word apart.

    >>> len(keys_of("The firm's profits rose sharply in 2004")), len(keys_of("a b", skips=False))
    (5, 0)
    """
    keys: set[int] = set()
    hash_of = _word_hashes.__getitem__
    for words in plain_runs(text):  # each word hashed once; 0: not a content word
        hashes = [h for h in map(hash_of, words) if h]
        if len(hashes) > 1:
            keys.update({(a * _ADJACENT + b) & _MASK for a, b in pairwise(hashes)})
            if skips:
                keys.update({(a * _ONE_APART + b) & _MASK for a, b in zip(hashes, hashes[2:])})
    return frozenset(keys)


def passages_of(reference_id: str, text: str) -> list[Passage]:
    """Split a reference into its passages: its sentences, then its quotes.

    Quote passages carry the canonical name of their speaker when the reference names one at
    the quote.
    """
    out = [
        Passage(reference_id, start, end, text[start:end], "sentence")
        for start, end in sentence_spans(text)
    ]
    # Only a speaker named at the quote is trusted as the source's word on who said it: a
    # pronoun or a role resolved to a name is a guess, no ground for a misattribution. So
    # pronouns and roles are not even resolved here (most of the work of attribution).
    for quote in extract_quotes(text, resolve=False):
        named = (quote.speaker is not None and quote.speaker.named
                 and is_person_name(quote.speaker.text))
        speaker = quote.speaker.name if named else None
        out.append(Passage(reference_id, quote.start, quote.end, quote.text, "quote", speaker))
    return out


def passage_keys(passage: Passage) -> frozenset[int]:
    """The index keys of a passage: a quote also gets the pairs one word apart.

    Short quotes are where one changed word must not hide the source; sentences get adjacent
    pairs only, which keeps the index small.
    """
    # (not through keys_of's cache: an ingest would only push the drafts' keys out of it)
    return keys_of.__wrapped__(passage.text, skips=passage.kind == "quote")


def text_id(passage: Passage) -> int:
    """A 63-bit fingerprint of a passage's kind and exact text.

    Archives hold the same sentence many times (wire copy run by several titles, updates of a
    story): the index keys each distinct text once, and every passage with that text points to it.
    """
    return _hash(f"{passage.kind}\x00{passage.text}") & 0x7FFF_FFFF_FFFF_FFFF


def index_reference(reference_id: str, text: str) -> list[tuple[Passage, set[int]]]:
    """The passages of a reference (:func:`passages_of`) with their keys, those that have any."""
    out = []
    for passage in passages_of(reference_id, text):
        keys = passage_keys(passage)
        if keys:
            out.append((passage, keys))
    return out
