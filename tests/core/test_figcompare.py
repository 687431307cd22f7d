"""Comparing a draft figure with a source figure, on sentences written for these tests."""

import pytest

from factcheck.core.figcompare import Comparison, compare_figures, format_value
from factcheck.core.figures import extract_figures
from factcheck.core.types import Figure


def fig(text):
    """The single figure of ``text``."""
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def verdict(draft, source):
    return compare_figures(fig(draft), fig(source)).agrees


# --- same value, other format always agrees ---------------------------------------------------


@pytest.mark.parametrize("draft, source", [
    ("It hired 300k people.", "It hired 300,000 people."),
    ("It hired three hundred thousand people.", "It hired 300,000 people."),
    ("It hired 300000 people.", "It hired 300,000 people."),
    ("It is worth £5bn.", "It is worth £5 billion."),
    ("It is worth $230m.", "It is worth $230 million."),
    ("Turnout was 12%.", "Turnout was 12 per cent."),
    ("Turnout was 12 percent.", "Turnout was 12 per cent."),
    ("It hired three people.", "It hired 3 people."),
    ("A stamp costs 50p.", "A stamp costs £0.50."),
    ("The trial took 18 months.", "The trial took 1.5 years."),
    ("It opened on 21 September 2004.", "It opened on September 21, 2004."),
    ("It opened in 2004.", "It opened in 2004."),
])
def test_same_value_in_another_format_agrees(draft, source):
    assert verdict(draft, source) is True


# --- hedges ------------------------------------------------------------------------------------


@pytest.mark.parametrize("draft, source, agrees", [
    ("It hired nearly 300,000 people.", "It hired 299,500 people.", True),
    ("It hired about 300,000 people.", "It hired 310,000 people.", True),
    ("It hired about 300,000 people.", "It hired 250,000 people.", False),
    ("It hired more than 300,000 people.", "It hired 310,000 people.", True),
    ("It hired more than 300,000 people.", "It hired 290,000 people.", False),
    ("It hired fewer than 300,000 people.", "It hired 290,000 people.", True),
    ("It hired up to 300,000 people.", "It hired 310,000 people.", False),
    ("It hired more than 300 people.", "It hired more than 200 people.", False),
    ("Turnout was almost 30%.", "Turnout was 29.6%.", True),
])
def test_hedges_widen_the_values_a_figure_allows(draft, source, agrees):
    assert verdict(draft, source) is agrees


def test_rise_and_fall_of_the_same_size_disagree():
    assert verdict("Sales rose 5%.", "Sales fell 5%.") is False
    assert verdict("Sales rose 5%.", "Sales increased by 5%.") is True


# --- rounding ----------------------------------------------------------------------------------


@pytest.mark.parametrize("draft, source, agrees", [
    ("It has 1.2 million users.", "It has 1,234,567 users.", True),
    ("It has 1,234,567 users.", "It has 1.2 million users.", True),
    ("It has 1.3 million users.", "It has 1,234,567 users.", False),
    ("Turnout was 30%.", "Turnout was 29.6%.", True),
    ("Turnout was 31%.", "Turnout was 29.6%.", False),
    ("It has 1,400 users.", "It has 1,100 users.", False),
    ("It costs £0.8bn.", "It costs £1.5bn.", False),
    ("Turnout was 15.7%.", "Turnout was 11.2%.", False),
])
def test_rounding_to_fewer_significant_digits_agrees(draft, source, agrees):
    assert verdict(draft, source) is agrees


# --- years and dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("moved", [1, 2, 3])
def test_a_year_moved_by_one_to_three_years_disagrees(moved):
    assert verdict(f"It opened in {2004 + moved}.", "It opened in 2004.") is False


def test_a_changed_year_in_a_date_points_at_the_year():
    draft = fig("It opened on 21 September 2005.")
    result = compare_figures(draft, fig("It opened on 21 September 2004."))
    assert result.agrees is False
    assert "It opened on 21 September 2005."[result.start:result.end] == "2005"
    assert result.reason == "The source gives 21 September 2004, not 21 September 2005."


def test_a_year_agrees_with_a_date_in_that_year():
    assert verdict("It opened in 2004.", "It opened on 21 September 2004.") is True


# --- ranges ------------------------------------------------------------------------------------


def test_ranges_compare_end_by_end_and_point_at_the_end_that_differs():
    text = "It takes 10-14 days."
    result = compare_figures(fig(text), fig("It takes 10-12 days."))
    assert result.agrees is False
    assert text[result.start:result.end] == "14"
    assert verdict("It takes 11 days.", "It takes 10-12 days.") is True


# --- not comparable ------------------------------------------------------------------------------


@pytest.mark.parametrize("draft, source", [
    ("It costs $5m.", "It costs £5m."),
    ("It rose 5%.", "It rose 5 percentage points."),
    ("It sold 40 cars.", "It sold 40 vans."),
    ("It costs £40.", "It sold 40 vans."),
    ("It opened in 2004.", "It sold 2,004 vans."),
])
def test_other_kinds_or_units_are_not_comparable(draft, source):
    result = compare_figures(fig(draft), fig(source))
    assert result.agrees is None
    assert "cannot be compared" in result.reason


def test_a_count_without_a_noun_compares_with_one_that_has_one():
    assert verdict("It sold 40.", "It sold 40 vans.") is True


# --- messages ----------------------------------------------------------------------------------


def test_reason_names_both_values():
    result = compare_figures(fig("It sent 250,000 soldiers."), fig("It sent 300,000 soldiers."))
    assert result == Comparison(False, "The source gives 300,000 soldiers, not 250,000.", 8, 15)


def test_agreeing_reason_names_both_values():
    result = compare_figures(fig("It has about 300 staff."), fig("It has 310 staff."))
    assert result.reason == "The source gives 310 staff, as the draft does (about 300 staff)."


@pytest.mark.parametrize("text, written", [
    ("It is worth £5 billion.", "£5bn"),
    ("It hired 300k people.", "300,000"),
    ("Turnout was 12 per cent.", "12%"),
    ("It costs 50p.", "50p"),
    ("It costs $2.80.", "$2.80"),
    ("It costs £0.8bn.", "£0.8bn"),
    ("It has 1.2 million users.", "1.2 million"),
    ("It rose 1.0%.", "1.0%"),
    ("The budget for 2004-05 is set.", "2004-05"),
    ("It opened on 21/09/2004.", "21 September 2004"),
    ("It is the 3rd time.", "3rd"),
    ("The trial took 18 months.", "18 months"),
    ("We expect 10-12 days.", "10-12 days"),
])
def test_format_value(text, written):
    assert format_value(fig(text)) == written


def test_format_value_of_a_hand_built_figure():
    assert format_value(Figure(0, 3, "x", 2.5e12, "dollar", "money")) == "$2.5 trillion"


# --- fractions, temperatures -----------------------------------------------------------------


@pytest.mark.parametrize("draft, source, agrees", [
    ("Two-thirds of staff agreed.", "67% of staff agreed.", True),
    ("A quarter of staff agreed.", "25 per cent of staff agreed.", True),
    ("A third of staff agreed.", "40% of staff agreed.", False),
    ("One in five staff agreed.", "20% of staff agreed.", True),
    ("A third of staff agreed.", "A quarter of staff agreed.", False),
])
def test_a_fraction_compares_with_a_percentage(draft, source, agrees):
    assert verdict(draft, source) is agrees


def test_a_fraction_is_written_as_stated():
    result = compare_figures(fig("A third of staff agreed."), fig("40% of staff agreed."))
    assert result.reason == "The source gives 40%, not a third."


@pytest.mark.parametrize("text, written", [
    ("It hit 31C in Rome.", "31C"),
    ("Lows of minus 4 degrees Celsius are due.", "-4C"),
    ("Winds reached 80 mph.", "80 mph"),
])
def test_format_temperatures_and_speeds(text, written):
    assert format_value(fig(text)) == written


def test_temperatures_in_other_scales_are_not_comparable():
    assert verdict("It hit 31C.", "It hit 31F.") is None


def test_each_end_of_a_range_keeps_its_own_precision():
    (draft,) = [f for f in extract_figures("Savings are due between 2005 and 2009.")
                if isinstance(f.value, tuple)]
    (source,) = [f for f in extract_figures("Savings are due between 2005 and 2008.")
                 if isinstance(f.value, tuple)]
    assert compare_figures(draft, source).agrees is False
