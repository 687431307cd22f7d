"""Regex building blocks shared by the extractors."""

from __future__ import annotations

import re


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, factored by shared beginnings.

    ``said|says|say`` becomes ``sa(?:ys?|id)``: the regex engine then tries a few first
    letters at each position rather than every word of a long list (reporting verbs, titles).

    >>> alternation(["say", "said", "says", "told"])
    'sa(?:id|ys?)|told'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict, *, top: bool = True) -> str:
    """The regex of a trie node's words: longer continuations first, as in a longest-first list.

    Below the top, the pattern is one unit that may follow a character: grouped when it has
    several branches or may end there.
    """
    branches = sorted((char for char in node if char), key=lambda c: (-_depth(node[c]), c))
    parts = [re.escape(char) + _trie_pattern(node[char], top=False) for char in branches]
    ends = "" in node
    if not parts:
        return ""
    if top and not ends:
        return "|".join(parts)
    if len(parts) == 1 and not ends:
        return parts[0]
    group = parts[0] if len(parts) == 1 and len(branches[0]) == len(parts[0]) == 1 else \
        "(?:" + "|".join(parts) + ")"
    return group + "?" if ends else group


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for char, child in node.items() if char), default=0)
