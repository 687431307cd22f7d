"""Index keys and the passages a reference contributes."""

from __future__ import annotations

import subprocess
import sys

from factcheck.core.index import index_reference, keys_of
from factcheck.core.memindex import MemoryIndex

QUOTE = "We will keep investing in rural broadband because families there deserve it"


def test_keys_are_stable_non_negative_63_bit_ints():
    keys = keys_of(QUOTE)
    assert keys and all(isinstance(k, int) and 0 <= k < 2**63 for k in keys)
    code = f"from factcheck.core.index import keys_of; print(sorted(keys_of({QUOTE!r})))"
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123"},
    )
    assert other.stdout.strip() == str(sorted(keys))


def test_stopword_only_text_has_no_keys():
    assert keys_of("It is what it is, and we are where we are.") == set()


def test_case_marks_apostrophes_and_entities_do_not_change_keys():
    assert keys_of("The Café’s “BEST” year") == keys_of('the caf&#233;\'s "best" year')


def test_changed_number_keeps_every_key():
    assert keys_of("Sales rose 12% to £5bn last year") == keys_of(
        "Sales rose 19% to £8bn last year"
    )


def test_one_changed_word_keeps_keys():
    changed = QUOTE.replace("families", "people")
    assert len(keys_of(QUOTE) & keys_of(changed)) >= len(keys_of(QUOTE)) // 2


def test_short_quote_with_one_changed_word_still_shares_a_key():
    assert keys_of("Prices were forecast to fall sharply") & keys_of(
        "Prices were tipped to fall sharply"
    )
    assert keys_of("Cellphones were forecasting half") & keys_of("Cellphones were standing half")


def test_fragment_and_ellipsis_quote_share_keys_with_their_source():
    source = keys_of(QUOTE)
    assert keys_of("keep investing in rural broadband") <= source
    assert keys_of("We will keep investing ... families there deserve it") <= source
    assert keys_of("We will keep investing in [Welsh] rural broadband") <= source


def test_reference_gives_sentences_and_quote_passages_with_speakers():
    text = (
        'Broadband push\n\nThe minister spoke in Cardiff. "We will keep investing in rural '
        'broadband," said Ann Hughes.\n'
    )
    passages = [p for p, _ in index_reference("ref-1", text)]
    kinds = [(p.kind, p.text) for p in passages]
    assert ("sentence", "The minister spoke in Cardiff.") in kinds
    quote = next(p for p in passages if p.kind == "quote")
    assert quote.text == "We will keep investing in rural broadband,"
    assert quote.speaker == "Ann Hughes"
    for p in passages:
        assert text[p.start : p.end] == p.text and p.reference_id == "ref-1"


def test_adjacent_and_one_apart_pairs_have_different_keys():
    assert keys_of("rural broadband", skips=False).isdisjoint(keys_of("rural x broadband") -
                                                              keys_of("rural x broadband",
                                                                      skips=False))
    assert keys_of("rural broadband") != keys_of("broadband rural")


def test_a_role_or_pronoun_speaker_is_never_stored_even_when_capitalised():
    text = (
        "One sign by the road read, \u201cDrive slow, live long.\u201d Another advised, "
        "\u201cSpeed is the path to regret,\u201d and \u201cBuckle up today.\u201d "
        "\u201cWe will keep investing in rural broadband,\u201d said Ann Hughes. "
        "\u201cIt will take years,\u201d she added.\n"
    )
    speakers = {p.text: p.speaker for p, _ in index_reference("ref-1", text)
                if p.kind == "quote"}
    assert speakers["We will keep investing in rural broadband,"] == "Ann Hughes"
    assert speakers["It will take years,"] is None  # "she": a guess, not the source's word
    assert speakers["Speed is the path to regret,"] is None  # "Another": not a name


def test_keys_per_article_stay_modest():
    paragraph = (
        "The regional council said on Monday that spending on roads and bridges would "
        "rise next year, while libraries and parks would see their budgets frozen. "
    )
    text = "Budget\n\n" + paragraph * 3 + "\n\n" + paragraph.replace("roads", "rail lines")
    keys = set().union(*(k for _, k in index_reference("r", text)))
    assert len(keys) < 60


def test_memory_index_looks_up_best_passage_first_and_ignores_common_keys():
    index = MemoryIndex(max_postings=2)
    for n in range(3):
        index.add(f"common-{n}", "t", "Shares rose sharply in early trading today.")
    index.add("target", "t", "Shares rose sharply after the rural broadband contract win.")
    found = index.lookup(keys_of("after the rural broadband contract win"), limit=3)
    assert found[0][0].reference_id == "target"
    assert not index.lookup(keys_of("shares rose sharply"), limit=5) or all(
        p.reference_id == "target" for p, _ in index.lookup(keys_of("shares rose sharply"), limit=5)
    )
    assert index.references(["target", "missing"])["target"].title == "t"
