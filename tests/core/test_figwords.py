"""Figures led by words: fractions, ratios, halves, ``one`` and ``and a half``."""

import pytest

from factcheck.core.figures import extract_figures


def only(text):
    """The single figure of ``text``."""
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def facts(figure):
    return figure.text, round(figure.value, 4), figure.unit, figure.kind


@pytest.mark.parametrize("text, written, value", [
    ("A quarter of tenants fell behind.", "A quarter", 0.25),
    ("Nearly a fifth of shops shut.", "a fifth", 0.2),
    ("Exports fell by a third.", "a third", 0.3333),
    ("One tenth of the budget went.", "One tenth", 0.1),
    ("Three quarters of nurses agreed.", "Three quarters", 0.75),
    ("Two-fifths of pupils passed.", "Two-fifths", 0.4),
    ("Half of the orchards flooded.", "Half", 0.5),
    ("Sales fell by half.", "half", 0.5),
    ("Only 3/4 of seats sold.", "3/4", 0.75),
])
def test_fractions_are_counts_of_the_fraction_with_no_unit(text, written, value):
    assert facts(only(text)) == (written, value, None, "count")


@pytest.mark.parametrize("text", [
    "She won a third term.",
    "It was their second half of the season.",
    "He came third in the race.",
])
def test_fraction_words_that_are_not_fractions(text):
    assert all(f.kind == "ordinal" for f in extract_figures(text))


@pytest.mark.parametrize("text, written, value", [
    ("One in five drivers speed.", "One in five", 0.2),
    ("About 1 in 20 homes flood.", "1 in 20", 0.05),
    ("Three in ten firms plan cuts.", "Three in ten", 0.3),
    ("The odds are one in a million.", "one in a million", 1e-6),
])
def test_ratios_are_one_figure(text, written, value):
    assert facts(only(text)) == (written, round(value, 4), None, "count")


def test_a_number_in_a_year_or_a_duration_is_not_a_ratio():
    assert [f.kind for f in extract_figures("It won 3 in 2019.")] == ["count", "year"]
    assert [f.unit for f in extract_figures("It fell 2 in 5 minutes.")] == [None, "minute"]


@pytest.mark.parametrize("text, written, value, unit, kind", [
    ("The works took four and a half years.", "four and a half years", 4.5, "year", "duration"),
    ("It ran 2 and a half hours.", "2 and a half hours", 2.5, "hour", "duration"),
    ("It sold two and a half million copies.", "two and a half million", 2.5e6, "copy", "count"),
    ("The queue stretched half a mile.", "half a mile", 0.5, "mile", "measure"),
    ("They waited half an hour.", "half an hour", 0.5, "hour", "duration"),
    ("It raised half a million pounds.", "half a million pounds", 5e5, "pound", "money"),
])
def test_halves(text, written, value, unit, kind):
    assert facts(only(text)) == (written, value, unit, kind)


@pytest.mark.parametrize("text, unit", [
    ("One nurse was hurt.", "nurse"),
    ("Police arrested one local man.", "man"),
    ("Only one Labour councillor voted.", "councillor"),
    ("One Tory MP abstained.", "mp"),
    ("It lasted one year.", "year"),
])
def test_one_counts_the_noun_it_qualifies(text, unit):
    figure = only(text)
    assert (figure.value, figure.unit) == (1.0, unit)


@pytest.mark.parametrize("text", [
    "No one was hurt.",
    "One of the nurses was hurt.",
    "It was a one-off payment.",
    "One day the bridge fell.",
    "At one point the talks stalled.",
    "They helped one another.",
    "One suspects it will fail.",
])
def test_one_in_idioms_is_not_a_figure(text):
    assert extract_figures(text) == []


def test_one_day_as_a_duration_is_a_figure():
    assert only("The strike lasted for one day.").unit == "day"


def test_a_fraction_with_a_digit_numerator_is_the_same_fraction():
    (digits,) = extract_figures("A poll suggests 2-thirds of voters agree.")
    (words,) = extract_figures("A poll suggests two-thirds of voters agree.")
    assert digits.text == "2-thirds" and digits.value == pytest.approx(words.value)
    assert (digits.unit, digits.kind) == (words.unit, words.kind) == (None, "count")
