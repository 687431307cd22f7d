"""Normalisation with offset maps, tokens and sentences."""

from __future__ import annotations

import pytest

from factcheck.core.text import (
    fold,
    is_person_name,
    normalize,
    plain_runs,
    plain_words,
    same_person,
    sentence_around,
    sentence_spans,
    tokenize,
)


def test_normalize_folds_marks_entities_and_case_with_a_way_back():
    text = "“Don’t” say Beyonc&#233;… OK"
    norm = normalize(text)
    assert norm.text == '"don\'t" say beyoncé... ok'
    start = norm.text.index("beyoncé")
    assert text[slice(*norm.span(start, start + len("beyoncé")))] == "Beyonc&#233;"
    dots = norm.text.index("...")
    assert text[slice(*norm.span(dots, dots + 3))] == "…"
    assert text[slice(*norm.span(dots + 1, dots + 2))] == "…"


def test_normalize_can_keep_case():
    assert normalize("Mr O’Neil", lower=False).text == "Mr O'Neil"


def test_normalize_leaves_unknown_entities_alone():
    assert normalize("a &bogus; b").text == "a &bogus; b"


def test_empty_span_maps_to_a_position():
    norm = normalize("abc")
    assert norm.span(1, 1) == (1, 1)


def test_tokens_keep_original_offsets():
    text = "He said: “It’s the firm&#39;s best year.”"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["he", "said", "it's", "the", "firm's", "best", "year"]
    for token in tokens:
        assert normalize(text[token.start : token.end]).text == token.norm


def test_editorial_marks_become_tokens():
    tokens = tokenize("We [the club] will ... win. Or we . . . lose", editorial=True)
    kinds = [(t.norm, t.kind) for t in tokens]
    assert ("[the club]", "bracket") in kinds
    assert [k for _, k in kinds].count("ellipsis") == 2
    assert "the" not in [t.norm for t in tokens if t.kind == "word"][:2]


def test_sentences_never_split_decimals_or_cross_lines():
    text = "Sales rose 5.1% to $2.5bn. “It was good,” he said.\nNew paragraph here"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Sales rose 5.1% to $2.5bn.",
        "“It was good,” he said.",
        "New paragraph here",
    ]


def test_sentence_ends_after_closing_quote():
    text = '"We won." The fans cheered.'
    assert [text[s:e] for s, e in sentence_spans(text)] == ['"We won."', "The fans cheered."]


def test_person_names_compare_leniently():
    assert same_person("Mr Quinn", "Robert Quinn") and same_person("Quinn", "Robert Quinn")
    assert same_person("Finian O’Sullivan", "Finian O'Sullivan")
    assert not same_person("Dr Ann Lee", "Dr Bob Roe")
    assert not same_person("Radio DJ Ann Lee", "Radio DJ Bob Roe")
    assert is_person_name("Ann Lee") and not is_person_name("he") and not is_person_name("the boss")


def test_sentence_around_stays_in_its_sentence_and_line():
    text = 'First one. "Quoted words," said Ann Lee. Last one.\nNext line.'
    start = text.index("Quoted")
    lo, hi = sentence_around(text, start, start + len("Quoted words,"))
    assert text[lo:hi] == '"Quoted words," said Ann Lee.'


FOLDING_CASES = [
    "We [Acme] can\u2019t \u2026 go &amp; see",
    "caf&eacute; &amp co \u2014 [a] ... &#x201C;Yes&#x201D;",
    "\u00abNon\u00bb, dit-il. \u2018Maybe\u2019 ``so''",
    "&lt;b&gt; 5.1% of \u00a3300,000 [sic]",
]


@pytest.mark.parametrize("text", FOLDING_CASES)
def test_fast_folding_gives_the_words_tokenize_gives(text):
    assert fold(text) == normalize(text).text
    tokens = tokenize(text, editorial=True)
    runs: list[list[str]] = [[]]
    for tok in tokens:
        if tok.kind == "word":
            runs[-1].append(tok.norm)
        else:
            runs.append([])
    assert [run for run in plain_runs(text) if run] == [run for run in runs if run]
    assert plain_words(text) == " ".join(t.norm for t in tokens if t.kind == "word")
