"""Numbers as reporters write them, read by transforms.numbers; made-up snippets, never corpus text."""
from __future__ import annotations

import pytest

from transforms.numbers import find_numbers


def one(text):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, precision", [
    ("arrivals of 650,000", 650_000, 1000),
    ("a net balance of +215,000", 215_000, 1000),
    ("about 1.2 million people", 1_200_000, 100_000),
    ("some 1.22m people", 1_220_000, 10_000),
    ("roughly 685k leavers", 685_000, 1000),
    ("half a million newcomers", 500_000, 100_000),
    ("a quarter of a million leavers", 250_000, 10_000),
    ("three-quarters of a million arrivals", 750_000, 10_000),
    ("two million arrivals", 2_000_000, 1_000_000),
    ("1,207,000 arrivals", 1_207_000, 1000),
])
def test_values_and_precision(text, value, precision):
    n = one(text)
    assert (n.value, n.precision, n.malformed) == (value, precision, None)


@pytest.mark.parametrize("text, qualifier", [
    ("nearly 300,000", "at_most"),
    ("just under 300,000", "at_most"),
    ("more than 400,000", "at_least"),
    ("over 400,000", "at_least"),
    ("around 400,000", "approximately"),
    ("an estimated 400,000", "approximately"),
    ("exactly 400,000", "exact"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_qualifier_is_not_part_of_the_raw_text():
    n = one("more than 400,000")
    assert n.text == "400,000"


@pytest.mark.parametrize("text", ["240,000-250,000", "240,000–250,000", "between 240,000 and 250,000"])
def test_ranges(text):
    n = one(text)
    assert (n.value, n.value_high, n.precision) == (240_000, 250_000, 1000)


def test_range_with_one_multiplier_applies_it_to_both_ends():
    n = one("1.1-1.2 million")
    assert (n.value, n.value_high) == (1_100_000, 1_200_000)


def test_from_x_to_y_is_two_numbers_not_a_range():
    found = find_numbers("down from 500,000 to 450,000")
    assert [(n.value, n.value_high) for n in found] == [(500_000, None), (450_000, None)]


def test_x_and_y_without_between_is_two_numbers():
    found = find_numbers("300,000 and 250,000")
    assert [n.value for n in found] == [300_000, 250_000]


@pytest.mark.parametrize("text, bad", [("342,00", "342,00"), ("1,2000", "1,2000"), ("12,34,567", "12,34,567")])
def test_malformed_groups_are_flagged_not_guessed(text, bad):
    n = one(f"a total of {text} people")
    assert n.value is None and n.malformed and bad in n.malformed


@pytest.mark.parametrize("text", [
    "in 2016", "on 23 May 2024", "£300,000", "$1.2 million", "300,000 pounds", "25%", "40 per cent",
    "10 years", "18 months", "a 30-year-old", "four in ten", "1 in 5", "250 people",
])
def test_things_that_are_not_flows_give_no_number(text):
    assert find_numbers(text) == []


def test_a_unit_on_the_next_line_does_not_belong_to_the_number():
    # block tables put a period label on the line after a value
    n = one("700,000\nYear ending June 2024")
    assert n.value == 700_000


def test_scale_for_tables_in_thousands():
    assert find_numbers("764") == []  # a bare 764 is too small to be a flow...
    (n,) = find_numbers("764", scale=1000)  # ...unless the table says it counts thousands
    assert (n.value, n.precision) == (764_000, 1000)


@pytest.mark.parametrize("text, qualifier", [
    ("taking net migration up to 183,000", "exact"),
    ("which brings the total up to 183,000", "exact"),
    ("up to 183,000 people could come", "at_most"),
])
def test_up_to_after_the_thing_moved_is_where_it_went(text, qualifier):
    assert [n.qualifier for n in find_numbers(text)] == [qualifier]


@pytest.mark.parametrize("text, value, qualifier", [
    ("Four hundred and twelve thousand people arrived", 412_000, "exact"),
    ("about two hundred and sixty-five thousand left", 265_000, "approximately"),
    ("just over ninety thousand", 90_000, "at_least"),
    ("a hundred thousand more", 100_000, "exact"),
    ("seventy-three thousand Britons", 73_000, "exact"),
])
def test_thousands_spelled_out(text, value, qualifier):
    n = one(text)
    assert (n.value, n.precision, n.qualifier, text[n.start:n.end].split()[-1]) == (value, 1000, qualifier, "thousand")


@pytest.mark.parametrize("text", ["hundreds of thousands of applications", "forty thousand pounds a year",
                                  "a thousand years"])
def test_words_that_are_no_worded_count(text):
    assert find_numbers(text) == []


def test_thousands_spelled_out_with_units_below_them():
    assert find_numbers("the eighteen thousand six hundred pound threshold") == []
    n = one("twenty thousand five hundred people")
    assert (n.value, n.precision) == (20_500, 1)


@pytest.mark.parametrize("text, value", [("net migration of 685 000", 685_000), ("some 1 207 000 people", 1_207_000),
                                         ("685\u202f000 arrivals", 685_000), ("685\u00a0000 arrivals", 685_000)])
def test_thousands_set_off_by_spaces(text, value):
    assert one(text).value == value


def test_single_spaced_columns_are_not_one_number():
    assert [n.value for n in find_numbers("Immigration 612 385 227")] == []


def test_space_grouped_thousands_before_a_comma():
    assert [n.value for n in find_numbers("is now put at 753 000, based on 1 224 000 arrivals")] == [753_000, 1_224_000]


@pytest.mark.parametrize("text", ["600k-plus arrivals", "600,000-plus arrivals", "600,000 plus", "600,000+ people"])
def test_plus_after_a_number_is_a_lower_bound(text):
    n = one(text)
    assert (n.value, n.qualifier) == (600_000, "at_least")


@pytest.mark.parametrize("text, value, precision", [("1.2 mln arrivals", 1_200_000, 100_000),
                                                    ("one and a half million people", 1_500_000, 500_000)])
def test_more_ways_of_writing_millions(text, value, precision):
    n = one(text)
    assert (n.value, n.precision) == (value, precision)


def test_a_dash_before_a_movement_separates_a_level_from_a_change():
    from transforms.numbers import find_numbers
    got = [(n.text, n.value, n.value_high) for n in find_numbers("net migration stood at 203,000 – 482,000 lower than in 2023")]
    assert got == [("203,000", 203_000, None), ("482,000", 482_000, None)]
    assert [(n.value, n.value_high) for n in find_numbers("net migration was 240,000 – 260,000")] == [(240_000, 260_000)]
