"""The noun a count counts, and ages."""

import pytest

from factcheck.core.figures import extract_figures


def only(text):
    """The single figure of ``text``."""
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize("text, unit", [
    ("Nine Labour MPs rebelled.", "mp"),
    ("It hired 40 new CEOs.", "ceo"),
    ("It patched 2 million Android phones.", "phone"),
    ("She won 11 world championship medals.", "medal"),
    ("He owns 30 vintage sports cars.", "car"),
    ("It employs 900 police officers.", "officer"),
    ("It sent 12 people always on call.", "person"),
])
def test_the_counted_noun_is_the_head_of_the_noun_phrase(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize("text, units", [
    ("The bill passed by 310 votes to 250.", ["vote", "vote"]),
    ("They won by 5 goals to 2.", ["goal", "goal"]),
    ("It took 3 or 4 trucks.", ["truck", "truck"]),
    ("It sold 5 vans and 30 in May.", ["van", "van"]),
    ("Some 900 posts will go, 200 in Cardiff and 150 at Swansea.", ["post"] * 3),
])
def test_an_elided_noun_is_taken_from_a_count_of_the_sentence(text, units):
    assert [f.unit for f in extract_figures(text)] == units


def test_an_elided_duration_is_a_duration():
    figures = extract_figures("She spent 8 years in Oslo and 2 in Bergen.")
    assert [(f.value, f.unit, f.kind) for f in figures] == [(8.0, "year", "duration"),
                                                            (2.0, "year", "duration")]


@pytest.mark.parametrize("text, units", [
    ("It sold 5 vans. 30 went to Spain.", ["van", None]),
    ("A crowd of 41,000 saw it.", [None]),
    ("It sold 5 vans and 30 cars.", ["van", "car"]),
    ("Of 40 staff, 12 said yes.", ["staff", None]),
])
def test_no_noun_is_taken_across_sentences_or_from_nowhere(text, units):
    assert [f.unit for f in extract_figures(text)] == units


@pytest.mark.parametrize("text, written, value", [
    ("A 19-year-old woman was charged.", "19-year-old", 19.0),
    ("The man, aged 64, was treated.", "64", 64.0),
    ("Those aged 16 to 17 may vote.", "16 to 17", (16.0, 17.0)),
    ("The actor, 81, retired.", "81", 81.0),
    ("Smith, 47, of Hull, admitted it.", "47", 47.0),
])
def test_ages_are_durations_in_years(text, written, value):
    figure = only(text)
    assert (figure.text, figure.value, figure.unit, figure.kind) == (
        written, value, "year", "duration")


def test_a_number_between_commas_after_a_number_is_not_an_age():
    assert [f.kind for f in extract_figures("Scores were 10, 75, and 80.")] == ["count"] * 3


@pytest.mark.parametrize("text", [
    "In Leeds, 40, and in York, 12, were hurt.",
    "Scores were Smith, 70, and Jones, 64, on day one.",
])
def test_a_number_between_commas_after_a_place_or_before_and_is_not_an_age(text):
    assert all(f.kind != "duration" for f in extract_figures(text))


@pytest.mark.parametrize("text, facts", [
    ("They had 2 sons, aged 4, 6 and 8.",
     [(2.0, "son", "count"), (4.0, "year", "duration"), (6.0, "year", "duration"),
      (8.0, "year", "duration")]),
    ("It won 4 titles in 12 months, 3 at home.",
     [(4.0, "title", "count"), (12.0, "month", "duration"), (3.0, "title", "count")]),
])
def test_a_listed_number_takes_the_noun_of_the_list_else_of_the_nearest_count(text, facts):
    assert [(f.value, f.unit, f.kind) for f in extract_figures(text)] == facts
