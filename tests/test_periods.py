"""Reference periods: transforms.periods alone, then as figures_from_article attaches them."""
from __future__ import annotations

from datetime import date

import pytest

from transforms.figures import figures_from_article
from transforms.periods import find_periods, parse_period_label

PUB = date(2024, 5, 23)


def ends(text, published=PUB):
    return [p.period_end for p in find_periods(text, published) if p.kind == "absolute"]


@pytest.mark.parametrize("text, end", [
    ("in the year ending June 2016", date(2016, 6, 30)),
    ("over the 12 months to December 2023", date(2023, 12, 31)),
    ("in the year to the end of September 2019", date(2019, 9, 30)),
    ("for the twelve months ending in March 2021", date(2021, 3, 31)),
    ("in the year ending mid-2023", date(2023, 6, 30)),
    ("in 2014", date(2014, 12, 31)),
    ("during the calendar year 2019", date(2019, 12, 31)),
    ("last year", date(2023, 12, 31)),
])
def test_absolute_periods(text, end):
    assert ends(text) == [end]


def test_the_year_to_a_month_takes_its_year_from_the_article_date():
    assert ends("in the year to March", date(2024, 5, 23)) == [date(2024, 3, 31)]
    # a month not yet over when the article appeared belongs to the year before
    assert ends("in the year to September", date(2024, 5, 23)) == [date(2023, 9, 30)]


@pytest.mark.parametrize("text", ["since 2004", "joined the EU in 2004", "by June 2025", "in 2030", "2016 referendum"])
def test_years_that_date_events_are_not_periods(text):
    assert ends(text) == []


@pytest.mark.parametrize("label, end", [
    ("YE Jun 2024", date(2024, 6, 30)),
    ("Year to December 2011", date(2011, 12, 31)),
    ("June 2023", date(2023, 6, 30)),
    ("2014", date(2014, 12, 31)),
    ("Flows", None),
])
def test_table_labels(label, end):
    assert parse_period_label(label, PUB) == end


def figs(text, published=PUB):
    return [(f.flow, f.kind, f.value, f.period_end) for f in figures_from_article("t", text, published)]


def test_previous_year_in_the_same_sentence():
    assert figs("Emigration was 480,000 in the year ending June 2023, against 410,000 the previous year.") == [
        ("emigration", "estimate", 480_000, date(2023, 6, 30)),
        ("emigration", "estimate", 410_000, date(2022, 6, 30)),
    ]


def test_a_year_earlier_in_the_next_sentence_of_the_paragraph():
    assert figs("Arrivals reached 910,000 in the year ending March 2023. A year earlier it was 720,000.") == [
        ("immigration", "estimate", 910_000, date(2023, 3, 31)),
        ("immigration", "estimate", 720_000, date(2022, 3, 31)),
    ]


def test_a_year_later_dates_a_change_after_its_anchor():
    assert figs("Net migration stood at 270,000 in 2015. The figure rose 20,000 a year later.") == [
        ("net_migration", "estimate", 270_000, date(2015, 12, 31)),
        ("net_migration", "change", 20_000, date(2016, 12, 31)),
    ]


def test_a_change_on_the_previous_year_is_dated_by_the_later_period():
    assert figs("Emigration was 390,000 in 2019, up 25,000 on the previous year.")[1] == (
        "emigration", "change", 25_000, date(2019, 12, 31))


def test_last_year_is_the_calendar_year_before_publication():
    assert figs("Net migration was 310,000 last year.", date(2021, 2, 1)) == [
        ("net_migration", "estimate", 310_000, date(2020, 12, 31))]


def test_period_stated_once_for_the_whole_article():
    text = ("Official figures for the year ending June 2022 were published today.\n\n"
            "Immigration came in at 1,050,000.\n\nEmigration was 540,000.")
    assert figs(text, date(2022, 11, 30)) == [
        ("immigration", "estimate", 1_050_000, date(2022, 6, 30)),
        ("emigration", "estimate", 540_000, date(2022, 6, 30)),
    ]


def test_period_from_a_table_row_label():
    text = "| Period | Net migration |\n|---|---|\n| YE Dec 2019 | 271,000 |\n| YE Dec 2020 | 120,000 |"
    assert figs(text, date(2021, 6, 1)) == [
        ("net_migration", "estimate", 271_000, date(2019, 12, 31)),
        ("net_migration", "estimate", 120_000, date(2020, 12, 31)),
    ]


def test_no_resolvable_period_gives_none():
    assert figs("Immigration was 640,000, the statisticians said.", None) == [
        ("immigration", "estimate", 640_000, None)]


def test_a_future_period_is_quarantined_not_published():
    (f,) = figures_from_article("t", "Emigration was 505,000 in the year ending June 2024.", date(2024, 5, 23))
    assert f.status == "quarantined" and "after the article's publication date" in f.reason


def test_across_a_year_is_that_calendar_year():
    assert ends("net migration across 2022 was high") == [date(2022, 12, 31)]


@pytest.mark.parametrize("text, end", [
    ("in the year to 30 June 2023", date(2023, 6, 30)),
    ("in the 12 months ending June 30, 2023", date(2023, 6, 30)),
    ("in the year ended 31st March 2024", date(2024, 3, 31)),
])
def test_a_day_in_the_ending_changes_nothing(text, end):
    found = [p.period_end for p in find_periods(text, date(2024, 11, 28)) if p.kind == "absolute"]
    assert found == [end]


@pytest.mark.parametrize("text, end", [
    ("net migration in y/e June 2024 was", date(2024, 6, 30)),
    ("net migration in the 12m to March 2024 was", date(2024, 3, 31)),
    ("net migration in the four quarters to June 2024 was", date(2024, 6, 30)),
    ("net migration in the 12m to March was", date(2024, 3, 31)),
])
def test_statisticians_shorthand_for_the_year_ending(text, end):
    assert [p.period_end for p in find_periods(text, date(2024, 11, 28)) if p.kind == "absolute"] == [end]


def test_twelve_m_before_a_period_is_not_twelve_million():
    got = figures_from_article("t", "Net migration in the 12m to March 2024 was 431,000.", date(2024, 11, 28))
    assert [f.value for f in got] == [431_000]


@pytest.mark.parametrize("text, end", [("in YE Q2 2023", date(2023, 6, 30)), ("the year ending Q4 2022", date(2022, 12, 31)),
                                       ("the 12 months to Q1 2021", date(2021, 3, 31))])
def test_a_year_ending_with_a_quarter(text, end):
    assert [p.period_end for p in find_periods(text, date(2024, 5, 1))] == [end]
