"""Figure extraction on sentences written for these tests."""

import itertools
import subprocess
import sys
from datetime import date

import pytest

from factcheck.core.figures import extract_figures


def only(text, **options):
    """The single figure of ``text``."""
    figures = extract_figures(text, **options)
    assert len(figures) == 1, figures
    return figures[0]


def facts(figure):
    return figure.text, figure.value, figure.unit, figure.kind, figure.change


# --- contract ---------------------------------------------------------------------------------


def test_offsets_point_into_the_text_sorted_and_disjoint():
    text = "Profits rose 12% to £5bn in 2004, when 3,000 staff left – about half a million in all."
    figures = extract_figures(text)
    assert [f.text for f in figures] == ["12%", "£5bn", "2004", "3,000", "half a million"]
    for f in figures:
        assert text[f.start:f.end] == f.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))


def test_text_without_figures_gives_nothing():
    assert extract_figures("No numbers here, just words.") == []
    assert extract_figures("") == []


# --- digits, words, scales ---------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("The firm has 1,250 workers.", 1250.0),
    ("The firm has 1250 workers.", 1250.0),
    ("The firm has 12.5 workers on average.", 12.5),
    ("The firm has 1,234,567 workers.", 1234567.0),
])
def test_digits_with_separators_and_decimals(text, value):
    assert facts(only(text)) == (text.split()[3], value, "worker", "count", "=")


@pytest.mark.parametrize("text, written, value", [
    ("They hired three hundred thousand temps.", "three hundred thousand", 300000.0),
    ("They hired twenty-five temps.", "twenty-five", 25.0),
    ("They hired a dozen temps.", "a dozen", 12.0),
    ("They hired half a million temps.", "half a million", 500000.0),
    ("They hired three hundred and fifty temps.", "three hundred and fifty", 350.0),
    ("They hired seven temps.", "seven", 7.0),
])
def test_number_words(text, written, value):
    assert facts(only(text)) == (written, value, "temp", "count", "=")


def test_fraction_words_are_counts_of_the_fraction_without_unit():
    assert facts(only("Two-thirds of voters agreed.")) == (
        "Two-thirds", pytest.approx(0.6667, abs=1e-4), None, "count", "=")
    assert facts(only("A third of the farms closed.")) == (
        "A third", pytest.approx(0.3333, abs=1e-4), None, "count", "=")


@pytest.mark.parametrize("text, written, value", [
    ("The site has 300k users.", "300k", 300000.0),
    ("The site has 5m users.", "5m", 5e6),
    ("The site has 1.2 million users.", "1.2 million", 1.2e6),
    ("The site has 2bn users.", "2bn", 2e9),
    ("The site has 1.2 Million users.", "1.2 Million", 1.2e6),  # headline case
    ("The site has 1.2 MILLION users.", "1.2 MILLION", 1.2e6),
    ("The site has 3.2MILLION users.", "3.2MILLION", 3.2e6),
])
def test_scale_words_and_suffixes(text, written, value):
    assert facts(only(text)) == (written, value, "user", "count", "=")


def test_a_lone_one_is_not_a_figure_but_one_million_is():
    assert extract_figures("No one knows; one of them left.") == []
    assert only("It sold one million copies.").value == 1e6


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, written, value, unit", [
    ("The deal is worth $1.2 million.", "$1.2 million", 1.2e6, "dollar"),
    ("The deal is worth £5bn.", "£5bn", 5e9, "pound"),
    ("The deal is worth €40m.", "€40m", 4e7, "euro"),
    ("The deal is worth $2.5 trillion.", "$2.5 trillion", 2.5e12, "dollar"),
    ("The deal is worth US$7m.", "US$7m", 7e6, "dollar"),
    ("The deal is worth USD 7m.", "USD 7m", 7e6, "dollar"),
    ("The deal is worth A$3.20.", "A$3.20", 3.2, "australian dollar"),
    ("The deal is worth 9 billion dollars.", "9 billion dollars", 9e9, "dollar"),
    ("The deal is worth 4bn euros.", "4bn euros", 4e9, "euro"),
    ("A stamp costs 50p.", "50p", 50.0, "pence"),
    ("A stamp costs 32 pence.", "32 pence", 32.0, "pence"),
    ("The deal is worth $45.1million.", "$45.1million", 45.1e6, "dollar"),
    ("The deal is worth $1B.", "$1B", 1e9, "dollar"),
])
def test_money(text, written, value, unit):
    assert facts(only(text)) == (written, value, unit, "money", "=")


# --- percentages ------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["12%", "12 per cent", "12 percent", "12pc"])
def test_percent_forms(written):
    text = f"Turnout was {written} lower."
    assert facts(only(text))[1:] == (12.0, "percent", "percent", "=")
    assert only(text).text == written


def test_percentage_points_keep_their_own_unit():
    assert facts(only("Rates rose 2.5 percentage points.")) == (
        "2.5 percentage points", 2.5, "percentage point", "percent", "up")


# --- ranges -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, written", [
    ("We expect 10-12 delays.", "10-12"),
    ("We expect 10 to 12 delays.", "10 to 12"),
    ("We expect between 10 and 12 delays.", "10 and 12"),
])
def test_ranges(text, written):
    assert facts(only(text)) == (written, (10.0, 12.0), "delay", "count", "=")


def test_range_with_shared_scale_and_percent():
    assert only("It needs $5-6bn.").value == (5e9, 6e9)
    assert facts(only("A margin of 2-3% is forecast.")) == ("2-3%", (2.0, 3.0), "percent",
                                                          "percent", "=")


def test_rose_from_one_level_to_another_is_not_a_range():
    figures = extract_figures("Sales rose from 40 to 55 units.")
    assert [f.value for f in figures] == [40.0, 55.0]


@pytest.mark.parametrize("text, values", [
    ("They won 3-1 at home.", [3.0, 1.0]),
    ("She won 6-3 7-6 in the end.", [6.0, 3.0, 7.0, 6.0]),
    ("MPs voted 272-219 for it.", [272.0, 219.0]),
])
def test_scores_and_votes_are_separate_numbers_not_ranges(text, values):
    assert [f.value for f in extract_figures(text)] == values


def test_digit_fraction():
    assert only("Only 3/4 of seats sold.").value == 0.75


# --- dates and years --------------------------------------------------------------------------


@pytest.mark.parametrize("text, written", [
    ("It opened on 21 September 2004 in Leeds.", "21 September 2004"),
    ("It opened on September 21, 2004 in Leeds.", "September 21, 2004"),
    ("It opened on 21st September 2004 in Leeds.", "21st September 2004"),
    ("It opened on 21/09/2004 in Leeds.", "21/09/2004"),
])
def test_full_dates(text, written):
    assert facts(only(text)) == (written, "2004-09-21", None, "date", "=")


def test_date_without_year_takes_the_year_of_publication():
    assert only("It opened on Sept. 21.", published=date(2004, 10, 2)).value == "2004-09-21"
    assert only("It opened on Sept. 21.").value == "--09-21"


def test_date_far_after_publication_belongs_to_the_year_before():
    assert only("It opened on 20 December.", published=date(2005, 1, 10)).value == "2004-12-20"


def test_month_and_year():
    assert facts(only("It opened in March 2003.")) == ("March 2003", "2003-03", None, "date", "=")


def test_weekday_resolves_against_publication():
    wednesday = only("The vote was on Wednesday.", published=date(2022, 9, 23))
    assert facts(wednesday) == ("Wednesday", "2022-09-21", None, "date", "=")
    same_day = only("The vote was on Friday.", published=date(2022, 9, 23))
    assert same_day.value == "2022-09-23"


def test_weekday_without_publication_is_not_a_figure():
    assert extract_figures("The vote was on Wednesday.") == []


def test_day_range_is_two_dates():
    figures = extract_figures("The fair runs from 6 to 9 March 2006.")
    assert [(f.text, f.value) for f in figures] == [("6", "2006-03-06"),
                                                    ("9 March 2006", "2006-03-09")]


@pytest.mark.parametrize("text, written, value", [
    ("The shop opened in 2004.", "2004", 2004.0),
    ("The budget for 2004-05 is set.", "2004-05", (2004.0, 2005.0)),
    ("The budget for 1998/99 is set.", "1998/99", (1998.0, 1999.0)),
])
def test_years(text, written, value):
    assert facts(only(text)) == (written, value, None, "year", "=")


def test_year_after_mid_and_single_digit_financial_year():
    assert facts(only("Shops open by mid-2006.")) == ("2006", 2006.0, None, "year", "=")
    assert only("The 2005-6 budget grew.").value == (2005.0, 2006.0)


@pytest.mark.parametrize("text, kind", [
    ("The firm will cut 1500 jobs.", "count"),
    ("It has a total of 1900 staff.", "count"),
    ("He stayed on to 1997.", "year"),
    ("The 2004 elections were close.", "year"),
    ("It restated its 2003 results.", "year"),
])
def test_four_digit_number_before_a_plural_noun(text, kind):
    assert only(text).kind == kind


def test_a_hedged_four_digit_number_is_a_count_not_a_year():
    assert facts(only("It employs about 2000 people.")) == ("2000", 2000.0, "person", "count", "~")


def test_times_are_their_own_kind():
    text = "Trading began at 10:30, paused at 1.15pm and ended at 0400 GMT."
    assert [(f.text, f.value, f.kind) for f in extract_figures(text)] == [
        ("10:30", "10:30", "time"), ("1.15pm", "13:15", "time"), ("0400", "04:00", "time")]


# --- ordinals, durations, measures --------------------------------------------------------------


@pytest.mark.parametrize("text, written, value", [
    ("It was the third quarter running.", "third", 3.0),
    ("It is the 21st edition.", "21st", 21.0),
    ("It is the twenty-first edition.", "twenty-first", 21.0),
    ("It was the 9th straight fall.", "9th", 9.0),
])
def test_ordinals_keep_their_rank_and_have_no_unit(text, written, value):
    assert facts(only(text)) == (written, value, None, "ordinal", "=")


@pytest.mark.parametrize("text, written, value, unit", [
    ("The trial took three years.", "three years", 3.0, "year"),
    ("The trial took 18 months.", "18 months", 18.0, "month"),
    ("A 10-day trial began.", "10-day", 10.0, "day"),
    ("The 47-year-old resigned.", "47-year-old", 47.0, "year"),
    ("He ran it in 20.13secs.", "20.13secs", 20.13, "second"),
    ("The match ran 90 mins.", "90 mins", 90.0, "minute"),
])
def test_durations(text, written, value, unit):
    assert facts(only(text)) == (written, value, unit, "duration", "=")


@pytest.mark.parametrize("text, written, value, unit", [
    ("The run is 5km long.", "5km", 5.0, "kilometre"),
    ("The run is 10 miles long.", "10 miles", 10.0, "mile"),
    ("The load was 3 tonnes.", "3 tonnes", 3.0, "tonne"),
    ("The chip runs at 1.4GHz.", "1.4GHz", 1.4, "gigahertz"),
    ("She won the 400m hurdles.", "400m", 400.0, "metre"),
])
def test_measures(text, written, value, unit):
    assert facts(only(text)) == (written, value, unit, "measure", "=")


# --- counted nouns ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, unit", [
    ("It sent 300,000 additional soldiers.", "soldier"),
    ("It shut 26 coal-fired power plants.", "plant"),
    ("It helped 40 local charities.", "charity"),
    ("It moved 5,000 staff.", "staff"),
    ("It saved 12 people.", "person"),
    ("It had 12 for the year.", None),
])
def test_counted_noun_in_the_singular(text, unit):
    assert only(text).unit == unit


# --- hedges and directions ----------------------------------------------------------------------


@pytest.mark.parametrize("lead, change", [
    ("about", "~"), ("nearly", "~"), ("some", "~"), ("roughly", "~"), ("almost", "~"),
    ("around", "~"), ("more than", ">"), ("over", ">"), ("at least", ">"), ("less than", "<"),
    ("under", "<"), ("up to", "<"), ("fewer than", "<"),
])
def test_hedges(lead, change):
    assert only(f"They counted {lead} 400 birds.").change == change


@pytest.mark.parametrize("text, change", [
    ("Profit rose 8% last year.", "up"),
    ("Profit increased by 8% last year.", "up"),
    ("Profit fell 8% last year.", "down"),
    ("Profit decreased by 8% last year.", "down"),
    ("Profit was up 8% last year.", "up"),
    ("Profit rose to 8% of sales.", "="),
    ("Profit grew by about 8% last year.", "~"),
])
def test_directions(text, change):
    assert only(text).change == change


def test_hedge_after_the_figure():
    assert only("It needs 300 helpers or more.").change == ">"


# --- what is not a figure ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "He joined Channel 4 last spring.",
    "Shares in the FTSE 100 slipped.",
    "The rule is in Section 427 of the act.",
    "It only runs on Windows 95.",
    "She bought a PlayStation 2 console.",
    "Leaders of the G8 met.",
    "He drives in Formula 1.",
    "He bought an iPod mini.",
    "Call 0800 123 4567 for help.",
    "Call 020 7946 0000 for help.",
    "It uses 3G networks and an MP3 player.",
    "The A380 is a large aircraft.",
    "The B-52 bomber flew.",
    "It won on BBC Three.",
    "Version 2.0.1 ships soon.",
])
def test_names_codes_and_phone_numbers_are_not_figures(text):
    assert extract_figures(text) == []


def test_a_capitalised_lead_word_does_not_make_a_name():
    assert only("In 2004 sales grew.").kind == "year"
    assert only("Some 400 jobs went.").change == "~"
    assert only("Britain's 400 richest people met.").value == 400.0


def test_repeated_sentences_give_repeated_figures():
    text = "Sales rose 12% to £5bn, about 300,000 units, on 21 September 2004. " * 100
    assert len(extract_figures(text)) == 400


def test_figure_modules_import_only_the_standard_library():
    code = ("import sys, factcheck.core.figures, factcheck.core.figcompare; "
            "print(sorted(m for m in ('flask', 'celery', 'redis', 'marshmallow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
