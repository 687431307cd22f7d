"""The factored alternation matches exactly what the plain longest-first alternation matches."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.core.patterns import alternation


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_shared_beginnings_are_factored():
    assert alternation(["say", "said", "says", "told"]) == "sa(?:id|ys?)|told"
    assert alternation(["Sen", "Senator", "U.S."]) == r"Sen(?:ator)?|U\.S\."


@pytest.mark.parametrize("tail", ["", r"\b", "b", r"\.", "(?=a)"])
def test_same_matches_as_the_plain_alternation(tail):
    rng = random.Random(tail)
    for _ in range(2000):
        words = {"".join(rng.choice("ab.") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 7))}
        factored = re.compile(f"(?:{alternation(words)}){tail}")
        plain = re.compile(f"(?:{_plain(words)}){tail}")
        text = "".join(rng.choice("ab. ") for _ in range(14))
        assert [m.span() for m in factored.finditer(text)] == \
            [m.span() for m in plain.finditer(text)], (words, text)
