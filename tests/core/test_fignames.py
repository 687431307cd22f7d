"""Numbers that are not figures: labels, addresses, emergency numbers, formations, multipliers."""

import pytest

from factcheck.core.figures import extract_figures


@pytest.mark.parametrize("text", [
    "Aides met at No 10 on Monday.",
    "Aides met at No. 10 on Monday.",
    "He lived at 12 Grove Road for years.",
    "The mansion at 4 Carlton House Terrace sold.",
    "The crash closed the M6 at junction 19.",
    "It appeared in volume 22 of the journal.",
    "See issue 7 of the magazine.",
    "Take the bus 38 to town.",
    "Passengers on flight 902 were delayed.",
    "The line runs along route 9.",
    "She rang 999 at once.",
    "He dialled 911 from the car.",
    "The firm filed for Chapter 7 protection.",
    "Platform 4 was closed.",
    "The 999 calls went unanswered.",
])
def test_labels_addresses_and_emergency_numbers_are_not_figures(text):
    assert extract_figures(text) == []


def test_a_label_noun_before_a_counted_noun_still_counts():
    [figure] = extract_figures("The bank will issue 300 bonds.")
    assert (figure.value, figure.unit) == (300.0, "bond")


@pytest.mark.parametrize("text", [
    "They lined up in a 3-5-2 formation.",
    "The coach switched to 4-2-3-1 at half-time.",
])
def test_formations_are_not_figures(text):
    assert extract_figures(text) == []


@pytest.mark.parametrize("text", [
    "Cases were three times as high.",
    "It costs 10 times the average.",
    "Demand rose five-fold.",
    "It made four times more profit.",
])
def test_multipliers_are_not_figures(text):
    assert extract_figures(text) == []


def test_frequencies_count_times():
    [figure] = extract_figures("The alarm sounded 14 times overnight.")
    assert (figure.value, figure.unit, figure.kind) == (14.0, "time", "count")


@pytest.mark.parametrize("text, kinds", [
    ("The 1922 Committee met.", []),
    ("Members of the 1970 Club dined.", []),
    ("The 2012 Olympics were in London.", ["year"]),
    ("Under the 1998 Act it is legal.", ["year"]),
    ("In 2004 Labour won.", ["year"]),
])
def test_a_year_before_an_organisation_noun_names_it(text, kinds):
    assert [f.kind for f in extract_figures(text)] == kinds


def test_number_before_a_number_word_is_a_rank():
    [figure] = extract_figures("The song reached number three.")
    assert (figure.value, figure.unit, figure.kind) == (3.0, None, "ordinal")
