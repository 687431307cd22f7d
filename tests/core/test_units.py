"""Units after a number: temperatures, speeds, compound and spaced units, negatives."""

import pytest

from factcheck.core.figures import extract_figures


def only(text, **options):
    """The single figure of ``text``."""
    figures = extract_figures(text, **options)
    assert len(figures) == 1, figures
    return figures[0]


def facts(figure):
    return figure.text, figure.value, figure.unit, figure.kind


@pytest.mark.parametrize("text, written, value, unit", [
    ("Madrid reached 41C on Sunday.", "41C", 41.0, "celsius"),
    ("It fell to 28.5C by dusk.", "28.5C", 28.5, "celsius"),
    ("Ohio saw 95F in June.", "95F", 95.0, "fahrenheit"),
    ("The sea was 14°C at noon.", "14°C", 14.0, "celsius"),
    ("Expect 30 degrees Celsius inland.", "30 degrees Celsius", 30.0, "celsius"),
    ("Phoenix hit 118 degrees Fahrenheit.", "118 degrees Fahrenheit", 118.0, "fahrenheit"),
])
def test_temperatures_take_their_scale_as_unit(text, written, value, unit):
    assert facts(only(text)) == (written, value, unit, "measure")


@pytest.mark.parametrize("text, written, value, unit", [
    ("Lows of -7C are forecast.", "-7C", -7.0, "celsius"),
    ("Lows of minus 7 degrees Celsius are forecast.", "minus 7 degrees Celsius", -7.0, "celsius"),
    ("Output shrank by minus 0.4% in spring.", "minus 0.4%", -0.4, "percent"),
])
def test_negative_numbers_keep_their_sign(text, written, value, unit):
    assert facts(only(text))[:3] == (written, value, unit)


def test_a_hyphen_inside_a_word_or_range_is_not_a_minus_sign():
    assert [f.value for f in extract_figures("The B-52 flew 10-12 missions.")] == [(10.0, 12.0)]


@pytest.mark.parametrize("text, written, value, unit", [
    ("The storm brought gusts of 95 mph.", "95 mph", 95.0, "mph"),
    ("The probe flew at 512,000 km/h past it.", "512,000 km/h", 512000.0, "km/h"),
    ("Trams are limited to 30km/h here.", "30km/h", 30.0, "km/h"),
    ("He drove at 70 miles per hour.", "70 miles per hour", 70.0, "mph"),
    ("It plans 2-nanometre processors.", "2-nanometre", 2.0, "nanometre"),
    ("A 12kg parcel arrived.", "12kg", 12.0, "kilogram"),
    ("Each bottle holds 1.5 litres.", "1.5 litres", 1.5, "litre"),
    ("The phone has 256 GB of storage.", "256 GB", 256.0, "gigabyte"),
    ("The park covers 40 square miles.", "40 square miles", 40.0, "square mile"),
])
def test_speeds_and_spaced_or_compound_units(text, written, value, unit):
    assert facts(only(text)) == (written, value, unit, "measure")


def test_a_spaced_in_is_not_inches():
    assert facts(only("It rose 5 in March.")) == ("5", 5.0, None, "count")


def test_basis_points_are_a_percent_unit():
    assert facts(only("Rates rose 25 basis points.")) == (
        "25 basis points", 25.0, "basis point", "percent")


def test_plus_or_minus_is_a_margin_not_a_negative():
    assert only("The margin is plus or minus 2 points.").value == 2.0
