"""Dates that need a date of publication, and periods that are not figures."""

from datetime import date

from factcheck.core.figures import extract_figures


def test_a_weekday_is_a_date_only_when_resolved_against_publication():
    assert extract_figures("Talks resume on Friday.") == []
    [friday] = extract_figures("Talks resume on Friday.", published=date(2023, 3, 15))
    assert (friday.text, friday.value, friday.kind) == ("Friday", "2023-03-10", "date")


def test_decades_are_periods_not_figures():
    assert extract_figures("Rents soared in the 1980s.") == []
    assert extract_figures("Cars will be electric by the late-2030s.") == []
    assert extract_figures("Prices peaked in the mid-1970s.") == []


def test_a_year_after_a_decade_is_still_read():
    figures = extract_figures("From the 1960s until 1994 it grew.")
    assert [(f.text, f.kind) for f in figures] == [("1994", "year")]
