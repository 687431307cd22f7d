"""Word-level verification of quotes and figures against passages."""

from __future__ import annotations

from factcheck.core.figmatch import align_figure
from factcheck.core.figures import extract_figures
from factcheck.core.match import (
    align_quote,
    count_negations,
    find_candidates,
    is_negation,
    screen,
)
from factcheck.core.memindex import MemoryIndex
from factcheck.core.types import DiffOp, Passage

SOURCE = (
    "It's radio voices, and it's fake, it's just fake, and listeners can hear the "
    "difference straight away"
)


def passage(text: str, start: int = 100) -> Passage:
    return Passage("ref", start, start + len(text), text, "quote", "Jo Marsh")


def align(draft: str, source: str | Passage = SOURCE):
    return align_quote(draft, source if isinstance(source, Passage) else passage(source))


def test_exact_fragment_aligns_to_its_source_offsets():
    result = align("listeners can hear the difference")
    assert result.diff == () and result.coverage == 1
    assert result.text == "listeners can hear the difference"
    assert (result.start - 100, result.end - 100) == (
        SOURCE.index("listeners"),
        SOURCE.index("difference") + len("difference"),
    )


def test_replaced_word_is_one_diff_op():
    result = align("listeners can tell the difference")
    assert result.diff == (DiffOp("replace", "tell", "hear"),)
    assert not result.negation


def test_ellipsis_excuses_omitted_words_even_when_the_gap_is_ambiguous():
    assert align("It's radio voices, and it's fake, … it's just fake").diff == ()
    assert align("It's radio voices … it's just fake").diff == ()


def test_bracket_replacing_a_word_is_allowed():
    result = align_quote("[Their] listeners can hear", passage("and their listeners can hear it"))
    assert result.diff == ()


def test_negations_are_detected():
    assert is_negation("won't") and is_negation("never") and not is_negation("now")
    assert count_negations(["we", "no", "longer", "can", "not"]) == 2
    result = align_quote("listeners can’t hear the difference", passage(SOURCE))
    assert result.negation and result.diff == (DiffOp("replace", "can’t", "can"),)


def test_candidates_join_adjacent_sentences_of_a_reference():
    index = MemoryIndex()
    text = (
        "Title line\n\nThe mayor praised the volunteers warmly. "
        "She thanked the firefighters personally."
    )
    index.add("r", "Title line", text)
    found = find_candidates(
        index, "praised the volunteers warmly. She thanked the firefighters", limit=10
    )
    joined = [p for p in found if "volunteers" in p.text and "firefighters" in p.text]
    assert joined and text[joined[0].start : joined[0].end] == joined[0].text


def test_screen_keeps_closest_passages_first():
    far = passage("completely unrelated words about gardening and sheds")
    near = passage(SOURCE)
    assert screen("listeners can hear the difference", [far, near], keep=1) == [near]


def test_figure_lines_up_by_context_not_by_value():
    draft = "Sales rose 7% to £5bn in 2004 while costs fell 3%."
    figures = extract_figures(draft)
    source = passage("Sales rose 4% to £5bn in 2004 while costs fell 3%.", start=50)
    match = align_figure(draft, (0, len(draft)), figures[0], source, figures)
    assert match.source_figure.text == "4%"
    assert match.start == 50 + source.text.index("4%")
    assert match.agrees is False and match.context > 0.8
    last = align_figure(draft, (0, len(draft)), figures[-1], source, figures)
    assert last.agrees is True


def test_figure_without_context_is_not_aligned():
    draft = "Turnout was 64%."
    figures = extract_figures(draft)
    source = passage("The quarterly dividend rose to 80p per share.")
    assert align_figure(draft, (0, len(draft)), figures[0], source, figures) is None


def test_number_written_another_way_inside_a_quote_is_allowed():
    source = passage("We sold three million units, up 12% on last year, worth £5bn in all")
    assert align("We sold 3 million units, up 12 per cent on last year", source).diff == ()
    assert align("units, up 12 percent on last year, worth £5 billion", source).diff == ()
    assert align("We sold four million units", source).diff == (DiffOp("replace", "four", "three"),)


def test_screen_prefers_the_passage_holding_all_of_a_long_quote():
    quote = "They came early. They stayed late. They never once complained about the cold"
    part = passage("They came early.")
    whole = passage("They came early. They stayed late. They never once complained about it")
    assert screen(quote, [part, whole], keep=1) == [whole]
