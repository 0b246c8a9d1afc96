"""Extraction rules pinned on small made-up sentences: what a figure is, which flow, breakdown,
country and kind it has, and where it sits (prose, bullets, tables, headlines)."""
from __future__ import annotations

from datetime import date

import pytest

from transforms.figures import figures_from_article

PUB = date(2024, 5, 23)


def figs(text, published=PUB):
    return figures_from_article("t", text, published)


def rows(text, published=PUB):
    """(kind, flow, breakdown_value, period_end, value, qualifier, geography, status) per figure."""
    return [(f.kind, f.flow, f.breakdown_value, f.period_end, f.value, f.qualifier, f.geography, f.status)
            for f in figs(text, published)]


def only(text, published=PUB):
    found = figs(text, published)
    assert len(found) == 1, [(f.flow, f.value) for f in found]
    return found[0]


# --- numbers in sentences -------------------------------------------------------------------------

def test_basic_estimate_with_every_field():
    f = only("Immigration to the UK was 655,000 in the year ending March 2021.")
    assert (f.kind, f.flow, f.breakdown_dim, f.geography, f.period_end, f.period_months) == (
        "estimate", "immigration", None, "UK", date(2021, 3, 31), 12)
    assert (f.value, f.precision, f.qualifier, f.status, f.raw_text) == (655_000, 1000, "exact", "valid", "655,000")


def test_offsets_point_at_the_raw_text():
    text = "Headline\n\nNet migration hit about 1.3 million in 2022."
    f = only(text)
    assert text[f.char_start:f.char_end] == f.raw_text == "1.3 million"
    assert (f.value, f.precision, f.qualifier) == (1_300_000, 100_000, "approximately")


def test_range_keeps_both_ends():
    f = only("Net migration was between 310,000 and 330,000 in 2017.")
    assert (f.value, f.value_high, f.period_end) == (310_000, 330_000, date(2017, 12, 31))


def test_bound_keeps_its_qualifier():
    assert rows("More than 420,000 people emigrated in 2019.") == [
        ("estimate", "emigration", None, date(2019, 12, 31), 420_000, "at_least", "UK", "valid")]


@pytest.mark.parametrize("written", ["342,00", "1,2000"])
def test_malformed_number_is_quarantined_with_its_flow(written):
    f = only(f"Emigration was {written} in the year ending June 2018.")
    assert (f.flow, f.status, f.value) == ("emigration", "quarantined", None)
    assert written in f.reason


@pytest.mark.parametrize("text", [
    "Immigration cost councils £450,000 in 2019.",
    "Immigration was 12% higher in 2019 than in 2018.",
    "Net migration has been rising for 10 years.",
    "Immigration rules have been in force for 1,000 days.",
    "Four in ten immigrants in 2019 came from Asia.",
    "In 2019, 2 million EU workers were employed in Britain.",
    "Immigration has brought 2 million EU workers to Britain.",
    "About 1.4 million people living here were born in Poland.",
    "Net migration added to a population of 1.2 million in the city.",
    "Immigration was 1.1m in 2022, and 300,000 of the arrivals were aged 16 to 24.",
    "Immigration of people aged 16 to 24 was 300,000 in 2022.",
])
def test_not_migration_flows(text):
    assert [(f.flow, f.value) for f in figs(text) if f.value != 1_100_000] == []


# --- flows and breakdowns ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, flow", [
    ("Arrivals totalled 600,000 in 2018.", "immigration"),
    ("Some 600,000 people came to Britain in 2018.", "immigration"),
    ("About 600,000 people moved to the UK in 2018.", "immigration"),
    ("The inflow was 600,000 in 2018.", "immigration"),
    ("There were 600,000 immigrants in 2018.", "immigration"),
    ("About 350,000 people left in 2018.", "emigration"),
    ("Departures reached 350,000 in 2018.", "emigration"),
    ("Some 350,000 Britons emigrated in 2018.", "emigration"),
    ("Roughly 350,000 people moved abroad in 2018.", "emigration"),
    ("Net migration was 250,000 in 2018.", "net_migration"),
    ("Net overseas migration was 250,000 in 2018.", "net_migration"),
    ("The net inflow was 250,000 in 2018.", "net_migration"),
    ("The balance was 250,000 in 2018.", "net_migration"),
])
def test_flow_words(text, flow):
    f = only(text)
    assert (f.flow, f.period_end) == (flow, date(2018, 12, 31))


def test_two_flows_in_one_sentence_go_to_the_nearest_number():
    assert [(f.flow, f.value) for f in figs("In 2018, 610,000 people arrived and 340,000 left.")] == [
        ("immigration", 610_000), ("emigration", 340_000)]


def test_reason_breakdowns_including_work_split():
    text = ("Work-related immigration was 290,000 in the year ending June 2017, of which 170,000 had a "
            "definite job and 120,000 were looking for work.")
    assert [(f.flow, f.breakdown_dim, f.breakdown_value, f.value) for f in figs(text)] == [
        ("immigration", "reason", "work", 290_000),
        ("immigration", "reason", "work_definite_job", 170_000),
        ("immigration", "reason", "work_looking_for_job", 120_000),
    ]


@pytest.mark.parametrize("text, value", [
    ("Immigration for study was 140,000 in 2017.", "study"),
    ("Some 80,000 people came to join family in 2017.", "family"),
    ("About 40,000 immigrants in 2017 were seeking asylum.", "asylum"),
])
def test_other_reasons(text, value):
    f = only(text)
    assert (f.flow, f.breakdown_dim, f.breakdown_value) == ("immigration", "reason", value)


def test_citizenship_breakdowns():
    text = ("In 2017, EU citizens arriving numbered 250,000, with 260,000 non-EU citizens "
            "and 80,000 British citizens.")
    assert [(f.breakdown_value, f.value) for f in figs(text)] == [
        ("eu", 250_000), ("non_eu", 260_000), ("british", 80_000)]


def test_eu8_eu2_and_commonwealth():
    text = ("In 2015, 60,000 EU8 citizens and 50,000 EU2 citizens came to the UK, alongside 30,000 "
            "from the old Commonwealth and 45,000 from the new Commonwealth.")
    assert [(f.flow, f.breakdown_value, f.value) for f in figs(text)] == [
        ("immigration", "eu8", 60_000), ("immigration", "eu2", 50_000),
        ("immigration", "old_commonwealth", 30_000), ("immigration", "new_commonwealth", 45_000)]


# --- kinds ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, direction", [
    ("Net migration fell by 65,000 in 2019.", 65_000, "down"),
    ("Emigration saw a fall of 52,000 in 2019.", 52_000, "down"),
    ("There were 90,000 fewer arrivals in 2019.", 90_000, "down"),
    ("Immigration rose 45,000 in 2019.", 45_000, "up"),
    ("Net migration was up 45,000 in 2019.", 45_000, "up"),
    ("Emigration increased by about 45,000 in 2019.", 45_000, "up"),
])
def test_changes(text, value, direction):
    f = only(text)
    assert (f.kind, f.value, f.direction, f.period_end) == ("change", value, direction, date(2019, 12, 31))


def test_change_and_new_level_in_one_sentence():
    assert [(f.kind, f.direction, f.value) for f in figs("Net migration dropped by 70,000 to 210,000 in 2019.")] == [
        ("change", "down", 70_000), ("estimate", None, 210_000)]


@pytest.mark.parametrize("text, value, qualifier", [
    ("The party promised to get net migration below 100,000.", 100_000, "at_most"),
    ("Ministers hope to bring net migration down to 300,000.", 300_000, "exact"),
    ("The government aims to cut net migration to 250,000 a year.", 250_000, "exact"),
])
def test_targets(text, value, qualifier):
    f = only(text)
    assert (f.kind, f.flow, f.value, f.qualifier, f.period_end) == ("target", "net_migration", value, qualifier, None)


@pytest.mark.parametrize("text, value, high", [
    ("Net migration could settle at around 260,000-280,000 by 2030.", 260_000, 280_000),
    ("Net migration is projected to fall to 340,000.", 340_000, None),
    ("Forecasters expect immigration of 800,000 in 2026.", 800_000, None),
])
def test_forecasts(text, value, high):
    f = only(text)
    assert (f.kind, f.value, f.value_high, f.period_end) == ("forecast", value, high, None)


@pytest.mark.parametrize("text", [
    "The government wants it lower, but net migration was 330,000 in 2022.",
    "Ministers promised cuts, yet net immigration reached 330,000 in 2022.",
    "Officials expected a fall, although net migration stood at 330,000 in 2022.",
])
def test_a_contrast_ends_the_reach_of_a_target_or_forecast_word(text):
    f = only(text)
    assert (f.kind, f.value, f.period_end) == ("estimate", 330_000, date(2022, 12, 31))


# --- geography --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, geography", [
    ("In Australia, net overseas migration was 470,000 in 2023.", "Australia"),
    ("Canada admitted 460,000 immigrants in 2023.", "Canada"),
    ("New Zealand net migration reached 120,000 in 2023.", "New Zealand"),
    ("Immigration to the US was 1.5 million in 2023.", "United States"),
    ("Net migration to Germany was 600,000 in 2023.", "Germany"),
    ("Net migration to the EU was 1.4 million in 2023.", "EU"),
])
def test_other_countries_get_their_own_geography(text, geography):
    assert only(text).geography == geography


def test_uk_and_foreign_figures_in_one_article_stay_apart():
    text = ("UK net migration was 700,000 in 2023.\n\n"
            "In Canada, immigration reached 470,000 the same year. Emigration there was 90,000 in 2023.\n\n"
            "Emigration from Britain was 500,000 in 2023.")
    assert [(f.geography, f.flow, f.value) for f in figs(text)] == [
        ("UK", "net_migration", 700_000), ("Canada", "immigration", 470_000),
        ("Canada", "emigration", 90_000), ("UK", "emigration", 500_000)]


def test_origin_country_is_not_a_geography():
    f = only("Some 90,000 people came to the UK from Australia in 2018.")
    assert f.geography == "UK"


def test_headline_about_another_country_sets_the_article_default():
    text = "Australia's migration boom\n\nNet overseas migration was 520,000 in the year to June 2023."
    assert only(text, date(2024, 1, 10)).geography == "Australia"


# --- structure beyond prose ---------------------------------------------------------------------------

def test_bullet_lists_in_three_styles():
    text = ("Figures for the year ending June 2023:\n"
            "- Immigration: 910,000\n* Emigration: 480,000\n• Net migration: 430,000")
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2023, 12, 1))] == [
        ("immigration", 910_000, date(2023, 6, 30)), ("emigration", 480_000, date(2023, 6, 30)),
        ("net_migration", 430_000, date(2023, 6, 30))]


def test_bullet_breakdowns_take_the_flow_from_their_lead_in():
    text = "Immigration by reason, year ending June 2016:\n- Work: 280,000\n- Study: 160,000"
    assert [(f.flow, f.breakdown_value, f.value, f.period_end) for f in figs(text, date(2016, 12, 1))] == [
        ("immigration", "work", 280_000, date(2016, 6, 30)), ("immigration", "study", 160_000, date(2016, 6, 30))]


def test_markdown_table_with_missing_cells():
    text = ("| Period | Immigration | Emigration | Net migration |\n|---|---|---|---|\n"
            "| YE Jun 2021 | 600,000 | .. | 240,000 |\n| YE Jun 2022 | 1,000,000 | n/a | - |")
    assert [(f.flow, f.value, f.period_end, f.source) for f in figs(text, date(2023, 1, 5))] == [
        ("immigration", 600_000, date(2021, 6, 30), "table"), ("net_migration", 240_000, date(2021, 6, 30), "table"),
        ("immigration", 1_000_000, date(2022, 6, 30), "table")]


def test_tab_separated_table():
    text = "Year\tImmigration\tEmigration\n2019\t680,000\t410,000\n2020\t590,000\t..\n"
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2021, 6, 1))] == [
        ("immigration", 680_000, date(2019, 12, 31)), ("emigration", 410_000, date(2019, 12, 31)),
        ("immigration", 590_000, date(2020, 12, 31))]


def test_table_with_periods_as_columns_and_flows_as_rows():
    text = ("| Flow | YE Dec 2020 | YE Dec 2021 |\n|---|---|---|\n"
            "| Immigration | 590,000 | 1,000,000 |\n| Emigration | 480,000 | n/a |")
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2022, 6, 1))] == [
        ("immigration", 590_000, date(2020, 12, 31)), ("immigration", 1_000_000, date(2021, 12, 31)),
        ("emigration", 480_000, date(2020, 12, 31))]


def test_table_in_thousands_with_flow_in_the_caption():
    text = ("Immigration by reason (thousands)\n\n| Reason | 2018 | 2019 |\n|---|---|---|\n"
            "| Work | 210 | 205 |\n| Study | 120 | .. |")
    assert [(f.flow, f.breakdown_value, f.value, f.precision, f.period_end) for f in figs(text, date(2020, 6, 1))] == [
        ("immigration", "work", 210_000, 1000, date(2018, 12, 31)),
        ("immigration", "work", 205_000, 1000, date(2019, 12, 31)),
        ("immigration", "study", 120_000, 1000, date(2018, 12, 31))]


def test_plain_text_block_table():
    text = ("Immigration\nEmigration\nNet migration\n"
            "Year ending June 2021\n600,000\n350,000\n250,000\n"
            "Year ending June 2022\n1,000,000\n..\n600,000\n")
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2023, 1, 1))] == [
        ("immigration", 600_000, date(2021, 6, 30)), ("emigration", 350_000, date(2021, 6, 30)),
        ("net_migration", 250_000, date(2021, 6, 30)), ("immigration", 1_000_000, date(2022, 6, 30)),
        ("net_migration", 600_000, date(2022, 6, 30))]


def test_headline_figure_takes_the_period_of_its_explicit_mention():
    text = "Net migration drops to 590,000\n\nNet migration was 590,000 in the year ending December 2023."
    assert [(f.value, f.period_end, f.period_source) for f in figs(text)] == [
        (590_000, date(2023, 12, 31), "repeated"), (590_000, date(2023, 12, 31), "sentence")]


def test_reader_comments_are_not_the_article():
    text = "Net migration was 590,000 in 2023.\n\nComments\n\nI heard immigration was 900,000 in 2023."
    assert [f.value for f in figs(text)] == [590_000]


# --- rules added for unseen news styles (2026.11.25) -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Net migration came to 312,000 in 2017.",
    "Net migration came in at 312,000 in 2017.",
    "In 2017 net migration came to about 312,000.",
])
def test_came_to_an_amount_is_not_arriving(text):
    f = only(text)
    assert (f.flow, f.value, f.period_end) == ("net_migration", 312_000, date(2017, 12, 31))


def test_came_to_a_place_still_means_arriving():
    assert only("In 2017, 540,000 people came to the UK.").flow == "immigration"


def test_made_up_is_a_share_not_a_rise():
    f = only("Students made up 143,000 of all arrivals in 2017.")
    assert (f.kind, f.direction, f.flow, f.value) == ("estimate", None, "immigration", 143_000)


@pytest.mark.parametrize("text, value", [
    ("EU immigration stood at 118,000 in 2019.", "eu"),
    ("Non-EU immigration stood at 118,000 in 2019.", "non_eu"),
])
def test_eu_immigration_is_a_citizenship_breakdown(text, value):
    f = only(text)
    assert (f.flow, f.breakdown_dim, f.breakdown_value) == ("immigration", "citizenship", value)


def test_an_origin_after_from_is_not_a_comparison():
    text = "These estimates cover the year to March 2019. Arrivals from outside the EU totalled 315,000."
    f = only(text)
    assert (f.breakdown_value, f.period_end, f.value) == ("non_eu", date(2019, 3, 31), 315_000)


def test_from_before_a_number_still_compares():
    found = figs("Emigration fell to 290,000 in 2019, from a revised 330,000.")
    assert [(f.value, f.period_end) for f in found] == [(290_000, date(2019, 12, 31)), (330_000, None)]


@pytest.mark.parametrize("lead", ["Why people came, year to June 2016:", "Reasons for moving, year to June 2016:"])
def test_why_people_came_lead_in_names_arrivals(lead):
    text = f"{lead}\n- Work: 190,000\n- Family: 70,000"
    assert [(f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2016, 12, 1))] == [
        ("immigration", "work", date(2016, 6, 30)), ("immigration", "family", date(2016, 6, 30))]


def test_reason_for_moving_abroad_is_not_arriving():
    f = only("Work was the main reason for moving abroad in 2019, given by 120,000 emigrants.")
    assert f.flow == "emigration"


def test_looking_for_one_is_looking_for_a_job():
    text = "Of the 180,000 who came for work in 2015, 110,000 had a job offer and 70,000 came looking for one."
    assert [(f.breakdown_value, f.value) for f in figs(text)] == [
        ("work", 180_000), ("work_definite_job", 110_000), ("work_looking_for_job", 70_000)]


def test_as_opens_a_clause_of_its_own():
    text = "Net migration rises to 421,000 as departures slow\n\nNet migration was 421,000 in 2016."
    assert [(f.flow, f.value) for f in figs(text)] == [("net_migration", 421_000), ("net_migration", 421_000)]


def test_as_high_as_is_not_a_clause_break():
    f = only("In 2016 immigration was as high as 640,000.")
    assert (f.flow, f.value) == ("immigration", 640_000)


def test_split_of_an_unnamed_total_after_net_migration_is_of_arrivals():
    text = ("Net migration was 260,000 in 2014. Of the total, 240,000 were EU citizens and "
            "300,000 non-EU citizens.")
    assert [(f.flow, f.breakdown_value, f.value) for f in figs(text)] == [
        ("net_migration", None, 260_000), ("immigration", "eu", 240_000), ("immigration", "non_eu", 300_000)]


def test_split_larger_than_emigration_is_of_arrivals_smaller_stays_emigration():
    big = ("Emigration was 310,000 in 2014. Of the total, 240,000 were EU citizens and "
           "300,000 non-EU citizens.")
    assert [f.flow for f in figs(big)] == ["emigration", "immigration", "immigration"]
    small = "Emigration was 310,000 in 2014. Of the total, 130,000 were British citizens."
    assert [f.flow for f in figs(small)] == ["emigration", "emigration"]


def test_next_sentence_leans_on_the_main_clause():
    text = ("Immigration reached 700,000 in 2015, while emigration was 300,000. "
            "Of the total, 270,000 were EU citizens.")
    assert [(f.flow, f.value) for f in figs(text)] == [
        ("immigration", 700_000), ("emigration", 300_000), ("immigration", 270_000)]


def test_the_latest_figure_in_a_new_paragraph_is_the_flow_last_discussed():
    text = ("Arrivals policy under fire\n\nMinisters want net migration below 200,000.\n\n"
            "The latest figure, for the year to June 2018, is 280,000.")
    assert [(f.kind, f.flow, f.value) for f in figs(text, date(2018, 11, 30))] == [
        ("target", "net_migration", 200_000), ("estimate", "net_migration", 280_000)]


def test_headline_takes_the_period_of_the_report_not_any_year_named():
    text = ("900,000 people moved to the UK\n\n"
            "Net migration was 500,000 in the year to June 2023.\n\n"
            "Australia recorded net migration of 400,000 in the year ended December 2023.")
    found = figs(text, date(2024, 2, 1))
    assert [(f.geography, f.value, f.period_end) for f in found] == [
        ("UK", 900_000, date(2023, 6, 30)), ("UK", 500_000, date(2023, 6, 30)),
        ("Australia", 400_000, date(2023, 12, 31))]


def test_a_table_caption_with_a_figure_does_not_make_the_table_thousands():
    text = ("Net migration was 251,000 in the year to June 2012.\n"
            "| Period | Immigration | Emigration |\n|---|---|---|\n| June 2012 | 565,000 | 314,000 |")
    assert [(f.flow, f.value, f.source) for f in figs(text, date(2012, 12, 1))] == [
        ("net_migration", 251_000, "prose"), ("immigration", 565_000, "table"), ("emigration", 314_000, "table")]


# --- generalisation rules: events, comparison bases, things counted, parts, clause ends -------------

def test_a_year_that_dates_an_event_does_not_date_the_figures():
    text = ("Net migration was 300,000 in the year to March 2015.\n\n"
            "The figure was up from 210,000 a year earlier and above the previous peak, set in 2005.\n\n"
            "Of the EU arrivals, 60,000 came from the countries that joined the bloc in 2004, and 40,000 from "
            "Romania and Bulgaria, whose citizens gained full access to the labour market in January 2014.")
    got = {(f.flow, f.breakdown_value, f.value): f.period_end for f in figs(text, date(2015, 5, 21))}
    assert got[("net_migration", None, 210_000)] == date(2014, 3, 31)
    assert got[("immigration", "eu8", 60_000)] == date(2015, 3, 31)
    assert got[("immigration", "eu2", 40_000)] == date(2015, 3, 31)


@pytest.mark.parametrize("text", [
    "Year to June 2022: figures published\n\nNet migration fell to 230,000, down 10,000 on the previous 12 months.",
    "Year to June 2022: figures published\n\nNet migration fell to 230,000, down 10,000 on a year earlier.",
])
def test_the_base_of_a_comparison_dates_neither_the_level_nor_the_change(text):
    got = {(f.kind, f.value): f.period_end for f in figs(text, date(2022, 11, 24))}
    assert got[("estimate", 230_000)] == got[("change", 10_000)] == date(2022, 6, 30)


@pytest.mark.parametrize("text", [
    "Leaving the EU would put at risk 3 million jobs, campaigners said of emigration in 2023.",
    "Immigration in 2023 was driven by 1.2 million work visas.",
    "Home Office data show 29,000 people crossed the Channel in small boats in 2023, as immigration rose.",
    "Applications from people arriving for work fell to about 11,000 a month in 2023.",
])
def test_things_counted_that_are_not_people_moving_are_not_flows(text):
    assert figs(text, date(2024, 5, 1)) == []


def test_a_part_of_the_figure_just_given_takes_its_flow():
    text = "In 2023 emigration rose to 532,000, of whom 241,000 were British nationals."
    assert [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2024, 5, 1))] == [
        ("emigration", None, 532_000), ("emigration", "british", 241_000)]


def test_a_part_of_a_stock_is_not_a_flow():
    text = "In 2023 there were 3.1 million EU nationals living here, of whom 2.2 million were in work, as immigration rose."
    assert figs(text, date(2024, 5, 1)) == []


@pytest.mark.parametrize("text", [
    "Net migration fell to 230,000 in 2022 as EU citizens went home.",
    "Net migration was 230,000 in 2022, as arrivals from outside the EU rose.",
])
def test_a_breakdown_said_after_the_clause_of_a_number_does_not_describe_it(text):
    f = only(text, date(2023, 5, 1))
    assert (f.flow, f.breakdown_value, f.value) == ("net_migration", None, 230_000)


def test_a_breakdown_introduced_by_with_still_describes_its_number():
    text = "In 2022, 180,000 people arrived for work: 120,000 with a definite job and 60,000 looking for one."
    assert [(f.breakdown_value, f.value) for f in figs(text, date(2023, 5, 1))] == [
        ("work", 180_000), ("work_definite_job", 120_000), ("work_looking_for_job", 60_000)]


def test_a_table_of_the_parts_of_one_flow_with_the_period_in_its_title():
    text = ("Immigration figures for 2019 are below.\n\n"
            "Why people moved to the UK, 2019\tPeople\tShare\n"
            "Work\t250,000\t40%\n"
            "Formal study\t200,000\t32%\n"
            "Other\t50,000\t8%\n"
            "All reasons\t630,000\t100%\n")
    got = {(f.flow, f.breakdown_value, f.value, f.period_end, f.source) for f in figs(text, date(2020, 5, 21))}
    assert {("immigration", "work", 250_000, date(2019, 12, 31), "table"),
            ("immigration", "study", 200_000, date(2019, 12, 31), "table"),
            ("immigration", "other", 50_000, date(2019, 12, 31), "table"),
            ("immigration", None, 630_000, date(2019, 12, 31), "table")} <= got


# --- coordination, causes, anaphora, intransitive "left", the population --------------------------

@pytest.mark.parametrize("text", [
    "In 2016, 190,000 people arrived for a job or to look for one.",
    "In 2016, 190,000 people came to work or seek work.",
])
def test_a_job_or_looking_for_one_is_work_as_a_whole(text):
    f = only(text, date(2017, 5, 1))
    assert (f.flow, f.breakdown_value, f.value) == ("immigration", "work", 190_000)


def test_two_groups_joined_as_one_describe_neither_number():
    text = "In 2016 net migration fell by 100,000 as fewer people came on work and study visas; emigration was 300,000."
    got = [(f.kind, f.flow, f.breakdown_value, f.value) for f in figs(text, date(2017, 5, 1))]
    assert ("estimate", "emigration", None, 300_000) in got
    assert all(bd is None for _, _, bd, _ in got), got


def test_a_cause_is_a_clause_of_its_own():
    text = ("Net migration fell to 200,000 in 2016.\n\n"
            "The fall of more than 100,000 was driven by fewer people arriving and a rise in emigration to 500,000.")
    got = [(f.kind, f.flow, f.value) for f in figs(text, date(2017, 5, 1))]
    assert got == [("estimate", "net_migration", 200_000), ("change", "net_migration", 100_000),
                   ("estimate", "emigration", 500_000)]


@pytest.mark.parametrize("text", [
    "Net migration rose to 300,000 in 2016, up 20,000, as emigration fell.",
    "Net migration rose to 300,000 in 2016, an upward revision of 20,000, after the survey missed people arriving.",
])
def test_a_movement_with_no_words_of_its_own_measures_the_figure_just_given(text):
    got = [(f.kind, f.flow, f.value) for f in figs(text, date(2017, 5, 1))]
    assert got == [("estimate", "net_migration", 300_000), ("change", "net_migration", 20_000)]


def test_after_two_flows_a_bare_estimate_is_the_articles_topic():
    text = ("Net migration hits 600k\n\n"
            "Net migration was 600,000 in 2023.\n\n"
            "Some 1.1m people arrived in 2023 while 500k left.\n\n"
            "The statisticians also raised their estimate for 2022 to a record 700k.")
    got = {f.value: f.flow for f in figs(text, date(2024, 5, 1))}
    assert got[700_000] == "net_migration" and got[1_100_000] == "immigration" and got[500_000] == "emigration"


@pytest.mark.parametrize("text, flows", [
    ("Farmers said they needed 70,000 seasonal pickers in 2023 and that growers had left fruit unpicked.", []),
    ("In 2023, 500,000 people left, and immigration was 1.1 million.", ["emigration", "immigration"]),
])
def test_left_means_leaving_only_without_an_object(text, flows):
    assert [f.flow for f in figs(text, date(2024, 5, 1))] == flows


def test_the_population_is_not_a_flow():
    text = "Net migration was 600,000 in 2023. The population of the UK passed 68 million, a separate estimate showed."
    assert [(f.flow, f.value) for f in figs(text, date(2024, 5, 1))] == [("net_migration", 600_000)]


# --- revisions inside one article, "from X to Y" ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Net migration was revised up to 910,000 from 750,000 for the year ending June 2023.",
    "Statisticians revised their estimate of net migration for the year ending June 2023 from 750,000 to 910,000.",
    "Net migration in the year to June 2023 was 910,000, having previously been estimated at 750,000.",
])
def test_the_figure_a_revision_replaces_is_held_back_as_an_older_vintage(text):
    got = {f.value: (f.period_end, f.qualifier, f.status) for f in figs(text, date(2024, 5, 1))}
    assert got[910_000] == (date(2023, 6, 30), "exact", "valid")
    assert got[750_000][0] == date(2023, 6, 30) and got[750_000][2] == "quarantined"
    assert "older vintage" in next(f.reason for f in figs(text, date(2024, 5, 1)) if f.value == 750_000)


def test_a_comparison_with_its_own_period_is_not_a_revision():
    text = "Net migration rose to 700,000 in 2023, up from 600,000 in 2022, the revised figures show."
    assert [(f.value, f.period_end, f.status) for f in figs(text, date(2024, 5, 1))] == [
        (700_000, date(2023, 12, 31), "valid"), (600_000, date(2022, 12, 31), "valid")]


def test_from_x_to_y_dates_only_the_new_level():
    text = "Immigration fell from 1,100,000 to 950,000 in the 12 months to June 2024."
    assert [(f.value, f.period_end) for f in figs(text, date(2024, 11, 1))] == [
        (1_100_000, None), (950_000, date(2024, 6, 30))]


@pytest.mark.parametrize("text, qualifier", [
    ("Net migration edged up to 261,000 in the year to March 2015.", "exact"),
    ("Up to 261,000 people arrived in the year to March 2015.", "at_most"),
])
def test_up_to_after_a_verb_of_rising_is_a_level_not_a_bound(text, qualifier):
    assert only(text, date(2015, 8, 1)).qualifier == qualifier


@pytest.mark.parametrize("label_23, label_24", [("YE Jun 23", "YE Jun 24"), ("Jun-23", "Jun-24"), ("June '23", "June '24")])
def test_table_labels_with_two_digit_years(label_23, label_24):
    text = (f"Migration to the UK (thousands)\n| Flow | {label_23} | {label_24} |\n|---|---|---|\n"
            "| Immigration | 1,318 | 1,218 |\n| Net migration | 906 | 728 |")
    got = {(f.flow, f.period_end): f.value for f in figs(text, date(2024, 11, 28))}
    assert got == {("immigration", date(2023, 6, 30)): 1_318_000, ("immigration", date(2024, 6, 30)): 1_218_000,
                   ("net_migration", date(2023, 6, 30)): 906_000, ("net_migration", date(2024, 6, 30)): 728_000}


def test_the_nations_of_the_uk_are_not_the_uk():
    text = ("Scotland's net migration was 45,000 in 2023, while UK net migration was 685,000. "
            "In England and Wales, immigration was 1,100,000 in 2023.")
    assert [(f.geography, f.value) for f in figs(text, date(2024, 5, 1))] == [
        ("Scotland", 45_000), ("UK", 685_000), ("UK", 1_100_000)]


def test_a_margin_of_error_is_not_a_figure():
    text = "Net migration was 745,000 (+/- 20,000) in 2022; the interval is 745,000 ± 20,000."
    assert [f.value for f in figs(text, date(2023, 5, 1))] == [745_000, 745_000]


def test_a_year_named_as_an_attribute_of_the_figure_dates_it():
    text = "The 2021 figure for net migration was revised to 500,000. 2022's total of 650,000 was higher."
    assert [(f.value, f.period_end) for f in figs(text, date(2023, 11, 1))] == [
        (500_000, date(2021, 12, 31)), (650_000, date(2022, 12, 31))]


def test_a_question_names_the_flow_of_its_answer():
    text = "Q: How many people left the UK in 2022?\nA: About 500,000, the statisticians say."
    f = only(text, date(2023, 5, 1))
    assert (f.flow, f.period_end, f.value, f.qualifier) == ("emigration", date(2022, 12, 31), 500_000, "approximately")


# --- lists after a blank line, "ending in", by-to, present tense, the base year of a change ---------

def test_a_lead_in_reaches_its_list_across_a_blank_line():
    text = ("Net migration was 300,000 in the year to March 2016.\n\n"
            "The main reasons given for coming to the UK were:\n\n"
            "1. Work: 290,000\n2. Study: 160,000")
    got = [(f.flow, f.breakdown_value, f.value, f.period_end) for f in figs(text, date(2016, 8, 25))][1:]
    assert got == [("immigration", "work", 290_000, date(2016, 3, 31)), ("immigration", "study", 160_000, date(2016, 3, 31))]


def test_the_12_months_ending_in_a_month():
    f = only("Some 620,000 people arrived in the 12 months ending in June.", date(2019, 11, 28))
    assert f.period_end == date(2019, 6, 30)


@pytest.mark.parametrize("text, flow, breakdown", [
    ("EU immigration rose by 40,000 to 230,000 in 2014.", "immigration", "eu"),
    ("In 2014 immigration was 600,000, and net migration climbs by 70,000 to 260,000.", "net_migration", None),
])
def test_the_level_a_change_arrived_at_takes_its_flow(text, flow, breakdown):
    got = [(f.kind, f.flow, f.breakdown_value, f.value) for f in figs(text, date(2015, 5, 1))]
    assert got[-2][0] == "change" and got[-1] == ("estimate", flow, breakdown, got[-1][3])


def test_a_change_on_a_year_earlier_is_dated_now_even_when_the_year_earlier_is_named():
    text = ("In the year ending June 2019, 620,000 people arrived.\n\n"
            "Net migration was down 70,000 on a year earlier, after the figures for the year ending June 2018 were revised.")
    change = next(f for f in figs(text, date(2019, 11, 28)) if f.kind == "change")
    assert (change.flow, change.value, change.period_end) == ("net_migration", 70_000, date(2019, 6, 30))


def test_a_year_earlier_leans_on_the_report_not_on_an_unrelated_period():
    text = ("Net migration rose to 260,000 in the year ending June 2014.\n\n"
            "Immigration rose to 580,000 from 500,000 a year earlier.\n\n"
            "Separately, 25,000 asylum applications were made in the year to September.")
    got = {f.value: f.period_end for f in figs(text, date(2014, 11, 27))}
    assert got[580_000] == date(2014, 6, 30) and got[500_000] == date(2013, 6, 30)


def test_a_period_across_while_belongs_to_the_other_assertion():
    text = "Some 1.1mn people arrived in the year ending June 2023, while 0.9 million arrived last year."
    assert [(f.value, f.period_end) for f in figs(text, date(2025, 5, 22))] == [
        (1_100_000, date(2023, 6, 30)), (900_000, date(2024, 12, 31))]


def test_flow_words_in_an_explanation_do_not_name_the_figure():
    text = ("Net migration peaked at 800,000 in the year ending June 2023.\n\n"
            "The peak itself was revised up by 100,000 to 800,000, as fuller data on people who arrived came in.")
    got = [(f.kind, f.flow, f.value, f.period_end) for f in figs(text, date(2024, 11, 28))]
    assert got[1:] == [("change", "net_migration", 100_000, date(2023, 6, 30)),
                       ("estimate", "net_migration", 800_000, date(2023, 6, 30))]


def test_a_table_of_label_pipe_value_rows_with_units_and_of_which_rows():
    text = ("Long-term international migration, UK | YE June 2018\n"
            "Immigration (thousands) | 620\n"
            "of which EU citizens (thousands) | 200\n"
            "Emigration (thousands) | 350\n"
            "Net migration (thousands) | 270\n")
    got = {(f.flow, f.breakdown_value, f.value, f.period_end) for f in figs(text, date(2018, 11, 29))}
    assert got == {("immigration", None, 620_000, date(2018, 6, 30)), ("immigration", "eu", 200_000, date(2018, 6, 30)),
                   ("emigration", None, 350_000, date(2018, 6, 30)), ("net_migration", None, 270_000, date(2018, 6, 30))}


def test_two_lines_with_a_pipe_are_not_a_table():
    text = "Net migration was 270,000 in 2017 | ONS\nImmigration was 620,000 in 2017 | ONS\n"
    assert [f.source for f in figs(text, date(2018, 5, 1))] == ["prose", "prose"]


# --- stocks named before, examples of origins, regions, parts named in an earlier clause ------------

@pytest.mark.parametrize("text", [
    "In 2017 the number of EU nationals working in the UK fell by 90,000 on the year to 2.2 million, as immigration slowed.",
    "Vacancies stood at 820,000 in 2017, while immigration slowed.",
])
def test_stocks_and_things_named_before_their_numbers_are_not_flows(text):
    assert figs(text, date(2018, 5, 1)) == []


def test_countries_given_as_examples_of_an_origin_are_not_destinations():
    text = ("In 2017, 90,000 people came from the New Commonwealth, such as India and Pakistan, and 30,000 "
            "from the Old Commonwealth countries of Australia, Canada and New Zealand.")
    assert [(f.breakdown_value, f.geography) for f in figs(text, date(2018, 5, 1))] == [
        ("new_commonwealth", "UK"), ("old_commonwealth", "UK")]


def test_a_figure_for_london_is_not_a_uk_figure():
    text = ("Net migration to the UK steady\n\nNet migration was 270,000 in 2016.\n\n"
            "Net international migration to the capital was 90,000 in 2016.")
    assert [f.geography for f in figs(text, date(2017, 5, 1))] == ["UK", "London"]


@pytest.mark.parametrize("text, breakdown", [
    ("Reasons for immigration in 2016:\n- Work: 290,000\n- Other reasons: 50,000", "other"),
    ("In 2021, 870,000 people arrived. Students made up the largest group of arrivals, at 270,000.", "study"),
])
def test_more_reason_words(text, breakdown):
    assert figs(text, date(2022, 5, 1))[-1].breakdown_value == breakdown


def test_a_crackdown_on_students_does_not_make_a_figure_about_study():
    text = "A crackdown on care visas and foreign students led to a fall in net migration of 400,000 in 2024."
    assert only(text, date(2025, 5, 22)).breakdown_value is None


def test_a_part_named_in_an_earlier_clause_does_not_describe_a_figure_with_its_own_flow():
    text = ("The minister said immigration from the EU would be controlled, and the government remains "
            "committed to cutting net migration to below 100,000.")
    f = only(text, date(2017, 5, 1))
    assert (f.kind, f.flow, f.breakdown_value) == ("target", "net_migration", None)


def test_from_x_to_y_the_level_reached_takes_the_group_of_the_level_left():
    text = "EU immigration fell from 280,000 in the year to June 2016 to 170,000 in 2018."
    assert [(f.breakdown_value, f.value, f.period_end) for f in figs(text, date(2019, 5, 1))] == [
        ("eu", 280_000, date(2016, 6, 30)), ("eu", 170_000, date(2018, 12, 31))]


@pytest.mark.parametrize("text", [
    "Net migration was 480,000 in 2021. In the October-to-December quarter alone, 230,000 people arrived.",
    "Net migration was 480,000 in 2021. Over the three years from 2019 to 2021, some 2.1 million people moved to the UK.",
    "Net migration was 480,000 in 2021. Between 2019 and 2021, 2.1 million people arrived.",
])
def test_a_figure_over_a_quarter_or_several_years_has_no_12_month_period(text):
    got = [(f.value, f.period_end) for f in figs(text, date(2022, 5, 26))]
    assert got[0] == (480_000, date(2021, 12, 31)) and got[1][1] is None


def test_a_quarter_of_a_million_is_a_number_not_a_quarter():
    f = only("In 2016 a quarter of a million people arrived to work.", date(2017, 5, 1))
    assert (f.value, f.period_end) == (250_000, date(2016, 12, 31))


def test_the_eight_central_and_eastern_european_countries_are_eu8():
    text = "In 2016, 70,000 arrived from Romania and Bulgaria and 60,000 from the eight central and eastern European states."
    assert [f.breakdown_value for f in figs(text, date(2017, 5, 1))] == ["eu2", "eu8"]


def test_a_year_then_a_dash_then_a_number_is_not_a_range():
    f = only("The UK's net migration figure for 2022 - 650,000 - was the second highest ever.", date(2023, 5, 1))
    assert (f.value, f.value_high, f.period_end) == (650_000, None, date(2022, 12, 31))


def test_a_run_of_labelled_figures_separated_by_pipes():
    text = "Immigration: 1.1m | Emigration: 500k | Net: 600k (all for 2022)"
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2023, 5, 1))] == [
        ("immigration", 1_100_000, date(2022, 12, 31)), ("emigration", 500_000, date(2022, 12, 31)),
        ("net_migration", 600_000, date(2022, 12, 31))]


def test_a_year_in_brackets_after_a_number_dates_it():
    text = "Net migration: 600k (2022), 480k (2021)"
    assert [(f.value, f.period_end) for f in figs(text, date(2023, 5, 1))] == [
        (600_000, date(2022, 12, 31)), (480_000, date(2021, 12, 31))]


def test_a_label_colon_binds_only_a_whole_label():
    text = ("In 2016 around a quarter of a million people arrived for a job or to look for one: "
            "150,000 with a definite job to go to and 100,000 who came looking for work.")
    assert [(f.breakdown_value, f.value) for f in figs(text, date(2017, 5, 1))] == [
        ("work", 250_000), ("work_definite_job", 150_000), ("work_looking_for_job", 100_000)]


def test_the_past_base_of_a_forecast_is_an_estimate():
    text = "Net migration is expected to fall to 350,000 by 2026, according to forecasters, from 685,000 in 2023."
    assert [(f.kind, f.value, f.period_end) for f in figs(text, date(2024, 11, 28))] == [
        ("forecast", 350_000, None), ("estimate", 685_000, date(2023, 12, 31))]


def test_minus_makes_a_net_figure_negative():
    text = "Net migration of non-EU citizens was 500,000 in 2023, and EU net migration was minus 50,000."
    assert [(f.breakdown_value, f.value) for f in figs(text, date(2024, 5, 1))] == [("non_eu", 500_000), ("eu", -50_000)]


def test_britons_returning_are_arrivals_and_others_returning_home_are_leaving():
    text = "In 2023, 80,000 EU citizens returned home, while 90,000 Britons returned."
    assert [(f.flow, f.breakdown_value) for f in figs(text, date(2024, 5, 1))] == [
        ("emigration", "eu"), ("immigration", "british")]


# --- a third batch of styles: charts, lists under headings, op-eds, corrections, related links ------

@pytest.mark.parametrize("text, earlier", [
    ("Some 240,000 people came to study in 2009, against 210,000 in the same period a year before.", date(2008, 12, 31)),
    ("Emigration was 340,000 in 2009. It was well down on the 430,000 recorded two years earlier.", date(2007, 12, 31)),
])
def test_a_year_before_and_two_years_earlier(text, earlier):
    got = figs(text, date(2010, 5, 1))
    assert got[-1].period_end == earlier and got[-1].flow == got[0].flow and got[-1].breakdown_value == got[0].breakdown_value


def test_the_year_to_last_june_and_the_same_twelve_months():
    text = "In the year to last June, 640,000 people arrived. But 310,000 left over the same twelve months."
    assert [f.period_end for f in figs(text, date(2016, 1, 28))] == [date(2015, 6, 30), date(2015, 6, 30)]


def test_a_heading_introduces_the_list_below_it_across_paragraphs():
    text = ("An estimated 520,000 people arrived in the year to June 2012.\n\n"
            "The key figures for the year to June 2012:\n\nBy citizenship\n- British citizens: 100,000\n- EU citizens: 150,000")
    got = [(f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2012, 11, 29))]
    assert got[1:] == [("immigration", "british", date(2012, 6, 30)), ("immigration", "eu", date(2012, 6, 30))]


def test_a_chart_caption_names_the_flow_and_period_of_its_alt_text():
    text = ("Chart 3: Immigration by citizenship, year ending March 2022\n\n"
            "Alt text: Stacked bar. Non-EU nationals 700,000; EU nationals 170,000; British nationals 100,000.")
    assert [(f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2022, 5, 26))] == [
        ("immigration", "non_eu", date(2022, 3, 31)), ("immigration", "eu", date(2022, 3, 31)),
        ("immigration", "british", date(2022, 3, 31))]


def test_a_sentence_without_figures_names_what_the_next_figure_is():
    text = ("Net migration was 250,000 in 2009, when 570,000 came and 370,000 left.\n\n"
            "Emigration has now fallen sharply. Last year's figure was 340,000.")
    assert figs(text, date(2010, 5, 1))[-1].flow == "emigration"


def test_links_to_other_stories_are_not_the_article():
    text = ("Net migration was 270,000 in the year to September 2018.\n\nRelated stories\n"
            "- Settled status: 1 million EU citizens apply in first three months\n- Net migration hit 330,000 in 2015")
    assert [f.value for f in figs(text, date(2018, 11, 29))] == [270_000]


@pytest.mark.parametrize("text", [
    "In 2015, 270,000 people arrived. About 3 million EU citizens are thought to live in the UK.",
    "In 2015, 270,000 people arrived. An estimated 4.9 million British citizens now live abroad.",
    "In 2015, 270,000 people arrived. Some 11,900 National Insurance numbers were issued to overseas nationals.",
    "In 2015, 270,000 people arrived, and the city has 40,000 international students at its universities.",
])
def test_more_stocks_and_things_that_are_not_flows(text):
    assert [f.value for f in figs(text, date(2016, 5, 1))] == [270_000]


def test_groups_outside_the_vocabulary_make_no_figure():
    text = ("In 2012, 520,000 people arrived.\n- EU citizens: 150,000, of whom 70,000 came from the EU14 and 60,000 "
            "from the EU8\n- Asia: 190,000\n- Rest of the World: 60,000")
    assert [(f.breakdown_value, f.value) for f in figs(text, date(2013, 5, 1))] == [
        (None, 520_000), ("eu", 150_000), ("eu8", 60_000)]


def test_c_dot_is_circa_and_a_confidence_interval_is_no_figure():
    text = ("In 2023, c.360,000 people arrived to study. The 95% confidence interval for net migration is "
            "around 60,000 either side of the central estimate.")
    f = only(text, date(2024, 5, 1))
    assert (f.value, f.qualifier, f.breakdown_value) == (360_000, "approximately", "study")


def test_the_department_for_work_and_pensions_is_not_a_reason():
    text = "In 2015, 300,000 people arrived, the Department for Work and Pensions said."
    assert only(text, date(2016, 5, 1)).breakdown_value is None


def test_where_people_leaving_went_is_not_the_figures_country():
    text = "In 2014, 330,000 people left the UK, many of them Britons retiring to Spain or graduates heading to Australia."
    assert only(text, date(2015, 5, 1)).geography == "UK"


def test_countries_in_brackets_after_a_group_are_examples():
    text = "In 2012, 40,000 people arrived from the Old Commonwealth (Australia, Canada and New Zealand)."
    f = only(text, date(2013, 5, 1))
    assert (f.geography, f.breakdown_value) == ("UK", "old_commonwealth")


def test_a_correction_of_things_counted_is_not_a_flow():
    text = ("Immigration was 500,000 in the year to September 2013.\n\n"
            "Correction: an earlier version said there were 23,705 asylum applications. The correct figure is 23,507.")
    assert [f.value for f in figs(text, date(2014, 2, 28))] == [500_000]


def test_a_comma_separated_table():
    text = ("Chart data (CSV):\n\nyear ending,immigration,emigration,net migration\n"
            "March 2020,690000,400000,290000\nMarch 2021,510000,350000,160000\n")
    got = {(f.flow, f.period_end): (f.value, f.source) for f in figs(text, date(2022, 5, 26))}
    assert got[("immigration", date(2020, 3, 31))] == (690_000, "table")
    assert got[("net_migration", date(2021, 3, 31))] == (160_000, "table") and len(got) == 6


def test_a_table_aligned_with_spaces_with_a_change_column_and_a_total_row():
    text = ("Long-term immigration to the UK by citizenship\n\n"
            "                 YE Sep 2021    YE Sep 2022       Change\n"
            "British               70,000         90,000      +20,000\n"
            "EU                   160,000        150,000      -10,000\n"
            "Total                230,000        240,000      +10,000\n")
    got = {(f.kind, f.breakdown_value, f.period_end): (f.value, f.direction) for f in figs(text, date(2023, 2, 23))}
    assert got[("estimate", "british", date(2021, 9, 30))] == (70_000, None)
    assert got[("change", "eu", date(2022, 9, 30))] == (10_000, "down")
    assert got[("change", None, date(2022, 9, 30))] == (10_000, "up")
    assert got[("estimate", None, date(2022, 9, 30))] == (240_000, None)


def test_prose_with_commas_and_double_spaces_is_not_a_table():
    text = "Immigration was 600,000 in 2015,  and emigration 300,000.\nNet migration,  at 300,000, was high in 2015.\n"
    assert {f.source for f in figs(text, date(2016, 5, 1))} == {"prose"}


def test_words_after_a_headline_are_not_the_headlines_kind():
    text = "Emigration climbs to 600,000\n\nMore people are leaving the UK than ever, in the year to March 2025."
    assert only(text, date(2025, 5, 22)).kind == "estimate"


def test_a_second_from_in_a_sentence_starts_where_the_first_did():
    text = ("Emigration rose from 410,000 in the year to September 2021 to 490,000 in the year to September 2022, "
            "so net migration climbed from 230,000 to 600,000.")
    got = {f.value: f.period_end for f in figs(text, date(2023, 2, 23))}
    assert got[230_000] == date(2021, 9, 30) and got[600_000] == date(2022, 9, 30)


def test_a_citys_own_figures_are_not_uk_figures():
    text = ("UK net migration was 330,000 in the year to June 2015.\n\n"
            "Net international migration added 8,000 people to Manchester's population in the year to June 2015.")
    assert [f.geography for f in figs(text, date(2015, 11, 26))] == ["UK", "Manchester"]


def test_would_think_is_a_belief_not_a_forecast():
    text = "In 2014 you would think a million people arrived; in fact 620,000 people arrived."
    assert {f.kind for f in figs(text, date(2015, 5, 1))} == {"estimate"}


# --- a fourth batch of styles: passives, balances without the words, features, transcripts --------

@pytest.mark.parametrize("text", [
    "Arrivals exceeded departures by 230,000 in the year to June 2011.",
    "In the year to June 2011, it is estimated that 230,000 more people arrived than left.",
    "In the year to June 2011 there was a net gain of 230,000.",
    "The population grew by 230,000 through migration in the year to June 2011.",
    "Migration adds 230,000 to UK population in the year to June 2011",
])
def test_the_balance_named_without_the_words_net_migration(text):
    f = only(text, date(2011, 11, 24))
    assert (f.kind, f.flow, f.value, f.period_end) == ("estimate", "net_migration", 230_000, date(2011, 6, 30))


def test_a_target_for_the_difference_between_arrivals_and_departures():
    text = "Net migration was 230,000 in 2010. The government wants the annual difference between arrivals and departures to fall below 100,000."
    assert [(f.kind, f.flow) for f in figs(text, date(2011, 5, 1))] == [("estimate", "net_migration"), ("target", "net_migration")]


def test_leaving_net_migration_at_is_not_leaving():
    text = "In 2017 immigration was 580,000 and emigration 336,000, leaving net migration at 244,000, down 29,000 on the year before."
    assert [(f.kind, f.flow) for f in figs(text, date(2018, 5, 1))][2:] == [("estimate", "net_migration"), ("change", "net_migration")]


def test_given_as_the_reason_is_not_a_clause_break():
    text = "In 2011 study was given as the reason for coming by 246,000 people."
    assert only(text, date(2012, 5, 1)).breakdown_value == "study"


@pytest.mark.parametrize("text, group", [
    ("In 2011, 167,000 arrivals were citizens of other EU countries.", "eu"),
    ("In 2007 the inflow from the eight accession countries was 112,000.", "eu8"),
])
def test_more_ways_of_naming_groups(text, group):
    assert only(text, date(2012, 5, 1)).breakdown_value == group


def test_an_aside_about_the_year_a_country_joined_describes_no_figure():
    text = "Back in 2004, the year eight central and eastern European countries joined the European Union, 580,000 people came to live in Britain."
    f = only(text, date(2011, 5, 1))
    assert (f.breakdown_value, f.period_end) == (None, date(2004, 12, 31))


def test_any_previous_year_is_not_the_previous_year():
    f = only("In the year to September 2010, 238,000 came for formal study, more than in any previous year.", date(2011, 2, 24))
    assert f.period_end == date(2010, 9, 30)


def test_those_twelve_months_and_that_year_are_the_period_under_discussion():
    text = ("In the year to September 2010, 591,000 people arrived.\n\n"
            "The outflow over those twelve months is now put at 352,000.\n\nIn 2007, 574,000 arrived; that year 341,000 left.")
    assert [f.period_end for f in figs(text, date(2011, 8, 25))] == [
        date(2010, 9, 30), date(2010, 9, 30), date(2007, 12, 31), date(2007, 12, 31)]


def test_the_articles_period_is_the_one_its_opening_names():
    text = ("Outflow bigger than thought\n\nMore people left Britain in the year to September 2010 than first estimated.\n\n"
            "The outflow is now put at 352,000.\n\nFinal estimates for the year to December 2010 will follow in the spring.")
    assert only(text, date(2011, 8, 25)).period_end == date(2010, 9, 30)


def test_a_number_alone_on_a_line_takes_the_caption_below_it():
    text = "The revision in numbers\n\n600,000\nPeople who came to live in the UK in 2004, on the revised figures.\n\n240,000\nNet migration in 2004."
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2011, 5, 1))] == [
        ("immigration", 600_000, date(2004, 12, 31)), ("net_migration", 240_000, date(2004, 12, 31))]


def test_footnote_marks_on_table_values():
    text = ("Year ending     Immigration     Emigration     Net migration\n"
            "March 2011      581,000*        342,000        239,000*\n"
            "March 2012      536,000         353,000        183,000[1]\n"
            "March 2013      520,000 (p)     365,000 (p)    155,000 (p)\n")
    got = {(f.flow, f.period_end): f.value for f in figs(text, date(2013, 11, 28))}
    assert got[("immigration", date(2011, 3, 31))] == 581_000 and got[("net_migration", date(2012, 3, 31))] == 183_000
    assert got[("emigration", date(2013, 3, 31))] == 365_000 and len(got) == 9


@pytest.mark.parametrize("text, geography", [
    ("In 2010, 139,000 British citizens left to live abroad, many of them for Australia, Canada, Spain and France.", "UK"),
    ("Net migration to Spain was negative in 2011: 62,000 Spaniards left last year, many for Germany and Britain.", "Spain"),
])
def test_where_leavers_went_is_not_the_figures_country(text, geography):
    assert only(text, date(2012, 5, 1)).geography == geography


def test_a_number_that_opens_its_own_clause_in_a_headline():
    text = "Formal study tops reasons as 586,000 arrive\n\nSome 586,000 people came in the year to September 2010."
    assert {f.breakdown_value for f in figs(text, date(2011, 2, 24))} == {None}


def test_a_target_is_of_what_the_story_is_about():
    text = ("Net migration was 236,000 in the year to March 2011.\n\nBut 578,000 people came here in those twelve months.\n\n"
            "The truth is, his target of below 100,000 was never credible.")
    assert [(f.kind, f.flow) for f in figs(text, date(2011, 9, 1))][-1] == ("target", "net_migration")


def test_double_the_level_of_a_named_year_compares():
    text = ("In the year to March 2013, net migration was 155,000.\n\n"
            "Arrivals from Romania and Bulgaria reached 19,000, almost double the 2007 level of 10,000.")
    got = [(f.breakdown_value, f.value, f.period_end) for f in figs(text, date(2013, 8, 29))][1:]
    assert got == [("eu2", 19_000, date(2013, 3, 31)), ("eu2", 10_000, date(2007, 12, 31))]


@pytest.mark.parametrize("text", [
    "Net migration was 230,000 in 2011. Unemployment stands at 2.57 million.",
    "Net migration was 230,000 in 2011. The NHS, which employs more than 60,000 EU nationals, is worried.",
    "Net migration was 230,000 in 2011. A 1.5k shortfall in seasonal pickers was reported.",
])
def test_more_numbers_that_are_no_migration_figure(text):
    assert [f.value for f in figs(text, date(2012, 5, 1))] == [230_000]


def test_a_study_that_forecast_is_a_report_not_a_reason():
    text = "Net migration was 230,000 in 2011. A Home Office study had forecast 13,000 arrivals a year."
    assert [(f.kind, f.breakdown_value) for f in figs(text, date(2012, 5, 1))] == [("estimate", None), ("forecast", None)]


def test_by_a_past_year_opening_a_sentence_dates_the_paragraph():
    text = "Net migration was 240,000 in the year to September 2010.\n\nBy 2007 the picture had changed. Overall, 574,000 people arrived."
    assert figs(text, date(2011, 5, 1))[-1].period_end == date(2007, 12, 31)


def test_a_sentence_without_figures_names_the_group_too():
    text = ("Net migration was 155,000 in the year to March 2013.\n\n"
            "Work-related immigration bucked the trend. It was up by a fifth to 192,000.")
    assert figs(text, date(2013, 8, 29))[-1].breakdown_value == "work"


def test_the_group_of_one_number_carries_to_the_next_in_the_same_construction():
    text = "In the year to March 2017 EU net migration dropped to 127,000: 248,000 EU citizens arrived and 121,000 left."
    assert [(f.flow, f.breakdown_value) for f in figs(text, date(2017, 8, 24))][1:] == [
        ("immigration", "eu"), ("emigration", "eu")]


# --- a fifth batch of styles: Q&As, Welsh outlets, economics pieces, ranges, negatives ---------------

def test_lower_than_a_year_earlier_at_is_a_change_and_a_level_now():
    text = "Net migration to the UK was 91,000 lower than a year earlier at 179,000 in the year to September 2020."
    assert [(f.kind, f.direction, f.value, f.period_end) for f in figs(text, date(2020, 11, 26))] == [
        ("change", "down", 91_000, date(2020, 9, 30)), ("estimate", None, 179_000, date(2020, 9, 30))]


def test_below_its_level_a_year_earlier_then_the_level_reached():
    text = "In the year to September 2020, the number who came to study was 23,000 below its level a year earlier, at 168,000."
    assert [(f.kind, f.breakdown_value, f.value) for f in figs(text, date(2020, 11, 26))] == [
        ("change", "study", 23_000), ("estimate", "study", 168_000)]


def test_a_named_period_after_on_is_the_base_of_a_change():
    text = "Headline: net migration 177k in the 12m to Sep 2025, down 301k on YE Sep 2024."
    assert {f.value: f.period_end for f in figs(text, date(2025, 11, 27))} == {177_000: date(2025, 9, 30), 301_000: date(2025, 9, 30)}


def test_a_comparison_without_a_number_keeps_its_period_to_itself():
    text = ("In the four quarters to June, 750,000 people arrived and 630,000 left, putting net migration at "
            "120,000, a fraction of the levels seen in 2023.")
    assert {f.period_end for f in figs(text, date(2026, 12, 17))} == {date(2026, 6, 30)}


def test_a_comparison_with_an_earlier_estimate_of_the_same_period():
    text = "Net migration was 728,000 in the year to June 2024. The revision, 166,000 higher than the previous estimate for June 2023, surprised many."
    assert figs(text, date(2024, 11, 28))[-1].period_end == date(2023, 6, 30)


def test_a_question_and_numbered_answers_with_bullets():
    text = ("The estimates cover the 12m to March 2026.\n\n2. How many left?\n645,000.\n"
            "  • Non-EU nationals: 352,000\n  • British nationals: 97,000\n\n"
            "3. So what is net migration?\n136,000: the people who came minus the people who left.")
    got = [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2026, 5, 21))]
    assert got == [("emigration", None, 645_000), ("emigration", "non_eu", 352_000), ("emigration", "british", 97_000),
                   ("net_migration", None, 136_000)]


def test_of_the_whole_named_first_its_parts_follow():
    text = ("Of the 398,000 people who emigrated in the year to June 2020, 131,000 were British citizens and 118,000 "
            "were EU citizens; among the 612,000 who came to the UK, study was the most common reason (233,000).")
    got = [(f.flow, f.breakdown_value) for f in figs(text, date(2020, 12, 10))]
    assert got[:3] == [("emigration", None), ("emigration", "british"), ("emigration", "eu")]


@pytest.mark.parametrize("text, group", [
    ("In 2025, 150,000 arrived with a job lined up.", "work_definite_job"),
    ("In 2025, 85,000 arrived hoping to find one.", "work_looking_for_job"),
])
def test_more_work_phrasings(text, group):
    assert only(text, date(2026, 5, 1)).breakdown_value == group


def test_a_forecast_word_does_not_reach_past_an_estimate_named_before_the_number():
    text = "The projections sit beside the latest official estimate: net migration of 136,000 in the year to March 2026."
    assert only(text, date(2026, 5, 21)).kind == "estimate"


def test_returning_from_abroad_is_no_comparison():
    f = only("In the year to September 2020, British nationals returning from abroad accounted for 98,000.", date(2020, 11, 26))
    assert (f.flow, f.breakdown_value, f.period_end) == ("immigration", "british", date(2020, 9, 30))


@pytest.mark.parametrize("text", [
    "Net migration was 121,000 in 2025, give or take 30,000.",
    "Net migration was 121,000 in 2025. Small boat arrivals, counted on landing, reached 38,200 over the same 12 months.",
    "Net migration was 121,000 in 2025. The survey normally carries out some 700,000 interviews a year.",
])
def test_margins_boats_and_interviews_are_no_figures(text):
    assert [f.value for f in figs(text, date(2026, 5, 1))] == [121_000]


def test_a_place_named_first_frames_the_sentence_over_the_source():
    text = ("Net migration to the UK was 214,000 in the year to June 2020.\n\n"
            "For Wales, the equivalent figures were 24,900 arrivals and 13,600 departures, according to the ONS.")
    assert [f.geography for f in figs(text, date(2020, 11, 26))] == ["UK", "Wales", "Wales"]


def test_and_joins_within_an_assertion_while_starts_another():
    text = ("In the year to March 2017, 578,000 people moved to the UK and 339,000 emigrated, giving net migration of "
            "239,000, while in the year to September 2017 net migration was 255,000.")
    assert {f.value: f.period_end for f in figs(text, date(2019, 1, 24))}[239_000] == date(2017, 3, 31)


@pytest.mark.parametrize("text, labels", [
    ("Immigration and emigration were 1.2 million and 500,000 respectively in 2023.",
     [("immigration", None), ("emigration", None)]),
    ("In 2023, EU and non-EU immigration stood at 130,000 and 970,000 respectively.",
     [("immigration", "eu"), ("immigration", "non_eu")]),
    ("In 2023, British, EU and non-EU citizens accounted for 80,000, 130,000 and 970,000 of arrivals respectively.",
     [("immigration", "british"), ("immigration", "eu"), ("immigration", "non_eu")]),
])
def test_respectively_pairs_the_numbers_with_what_was_listed_in_order(text, labels):
    assert [(f.flow, f.breakdown_value) for f in figs(text, date(2024, 5, 1))] == labels


def test_respectively_pairs_numbers_with_periods_listed_in_order():
    text = "Net migration in the year to March 2017 and in the year to September 2017 was 239,000 and 255,000 respectively."
    assert [(f.value, f.period_end) for f in figs(text, date(2019, 1, 24))] == [
        (239_000, date(2017, 3, 31)), (255_000, date(2017, 9, 30))]


def test_in_the_first_and_in_the_second_are_the_periods_listed():
    text = ("In the year to March 2017 and the year to September 2017 net migration barely moved: EU citizens "
            "accounted for 230,000 of the arrivals in the first of those periods and 210,000 in the second.")
    assert [(f.breakdown_value, f.value, f.period_end) for f in figs(text, date(2019, 1, 24))] == [
        ("eu", 230_000, date(2017, 3, 31)), ("eu", 210_000, date(2017, 9, 30))]


def test_the_same_again_for_another_period_after_and():
    text = "By main reason, 266,000 people came for work in the year to March 2017 and 259,000 in the year to September 2017."
    assert [(f.breakdown_value, f.period_end) for f in figs(text, date(2019, 1, 24))] == [
        ("work", date(2017, 3, 31)), ("work", date(2017, 9, 30))]


def test_words_after_a_respectively_run_apply_to_all_of_it():
    text = ("In the year to March 2017 and the year to September 2017, 141,000 and 149,000 respectively came to study, "
            "against 270,000 and 301,000 non-EU citizens respectively.")
    assert [(f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2019, 1, 24))] == [
        ("immigration", "study", date(2017, 3, 31)), ("immigration", "study", date(2017, 9, 30)),
        ("immigration", "non_eu", date(2017, 3, 31)), ("immigration", "non_eu", date(2017, 9, 30))]


def test_nationals_working_here_are_a_stock():
    text = "Net migration was 250,000 in 2017, and the 2.3 million EU nationals working in the UK are uneasy."
    assert [f.value for f in figs(text, date(2018, 5, 1))] == [250_000]


# --- batches six and seven: wires, Hansard tables, timelines, briefs, distractors, passports ------

def test_a_table_whose_bare_years_end_in_another_month():
    text = ("Table 1: Long-term international migration, United Kingdom, years ending June\n\nThousands\n\n"
            "Year ending June    Inflow    Outflow    Net migration\n"
            "2004                559       354        205\n"
            "2005                576       349        227\n")
    got = {(f.flow, f.period_end): f.value for f in figs(text, date(2008, 1, 17))}
    assert got == {("immigration", date(2004, 6, 30)): 559_000, ("emigration", date(2004, 6, 30)): 354_000,
                   ("net_migration", date(2004, 6, 30)): 205_000, ("immigration", date(2005, 6, 30)): 576_000,
                   ("emigration", date(2005, 6, 30)): 349_000, ("net_migration", date(2005, 6, 30)): 227_000}


def test_a_timeline_whose_years_are_explained_in_a_note():
    text = ("A note on the years: each year below is the 12 months to the end of March.\n\n"
            "2004: net migration 174,000\n2005 – 232,000\n2006 — 204,000\n\n"
            "The jump between 2004 and 2005, a rise of 58,000 in a single year, was the largest. "
            "The figure fell to 158,000 in 2009.")
    got = [(f.kind, f.value, f.period_end) for f in figs(text, date(2009, 8, 27))]
    assert got == [("estimate", 174_000, date(2004, 3, 31)), ("estimate", 232_000, date(2005, 3, 31)),
                   ("estimate", 204_000, date(2006, 3, 31)), ("change", 58_000, date(2005, 3, 31)),
                   ("estimate", 158_000, date(2009, 3, 31))]


def test_a_brief_of_labels_and_bare_numbers():
    text = "MIGRATION\nYear to June 2005. Source: ONS.\nImmigration: up. 576k.\nNet: 227k. Up 22k on a year earlier.\nUnemployment: 1.43m."
    assert [(f.kind, f.flow, f.value) for f in figs(text, date(2005, 11, 24))] == [
        ("estimate", "immigration", 576_000), ("estimate", "net_migration", 227_000), ("change", "net_migration", 22_000)]


@pytest.mark.parametrize("text", [
    "Net inward migration to Britain fell to 173,000 in the year to September 2008.",
    "In 2003, 513,000 came and 362,000 left, leaving a net 151,000.",
])
def test_net_inward_migration_and_a_net_number(text):
    assert figs(text, date(2009, 2, 26))[-1].flow == "net_migration"


def test_the_gap_between_two_stated_flows_is_the_balance():
    text = ("In the year to June 2009 the figure, the gap between the 545,000 people who arrived and the 376,000 who "
            "left, was 27,000 lower than a year earlier.")
    assert [(f.kind, f.flow, f.value) for f in figs(text, date(2009, 11, 26))] == [
        ("estimate", "immigration", 545_000), ("estimate", "emigration", 376_000), ("change", "net_migration", 27_000)]


def test_a_byline_is_not_a_country():
    text = "Migration figures traded\n\nBy Frances Oduya, Political Staff\n\nNet migration was 218,000 in the year to March 2008."
    assert only(text, date(2008, 8, 28)).geography == "UK"


@pytest.mark.parametrize("text", [
    "In 2003 net migration was 151,000. Asylum applications, which are counted separately by the Home Office, fell 41 per cent to 49,400.",
    "In 2003 net migration was 151,000. Separately, 60,800 people had been granted British citizenship.",
    "In 2003 net migration was 151,000. The survey questions about 250,000 people a year.",
    "In 2003 net migration was 151,000. The Home Office granted 1.13 million visas, including 291,000 to students.",
    "In 2003 net migration was 151,000, while 14,200 Ukrainians arrived under the Homes for Ukraine and family schemes.",
])
def test_more_counts_that_are_not_migration_flows(text):
    assert [f.value for f in figs(text, date(2004, 5, 1))] == [151_000]


def test_uk_total_after_a_regional_figure():
    text = "NI gains 6,700 from migration as UK total reaches 248,000 in the year to June 2007"
    assert [(f.geography, f.flow, f.value) for f in figs(text, date(2007, 11, 15))] == [
        ("Northern Ireland", "net_migration", 6_700), ("UK", "net_migration", 248_000)]


@pytest.mark.parametrize("text, flow, group", [
    ("In 2003, British emigration fell 4 per cent to 191,000.", "emigration", "british"),
    ("In 2004, 47,000 leavers were citizens of other European Union countries.", "emigration", "eu"),
    ("In 2026, people holding EU passports accounted for 88,000 arrivals.", "immigration", "eu"),
    ("In 2026, UK passport holders made up 171,000 of those who left.", "emigration", "british"),
    ("In 2027, 158,000 of the people who left were British.", "emigration", "british"),
    ("In 2008, 164,000 arrived to take up a place at a university or college.", "immigration", "study"),
    ("In 2008, 26,000 came fleeing persecution.", "immigration", "asylum"),
    ("In 2008, 118,000 moved here because of a job offer they already held.", "immigration", "work_definite_job"),
    ("In 2027, non-EU nationals, excluding British citizens, made up 539,000 of arrivals.", "immigration", "non_eu"),
])
def test_more_ways_of_naming_flows_and_groups(text, flow, group):
    f = figs(text, date(2028, 5, 25))[0]
    assert (f.flow, f.breakdown_value) == (flow, group)


def test_the_largest_group_in_apposition_takes_the_verb_after_it():
    f = only("In 2008 the largest group, 179,000, came to work.", date(2009, 2, 26))
    assert (f.flow, f.breakdown_value) == ("immigration", "work")


@pytest.mark.parametrize("text", [
    "If net migration were to run at 400,000 a year, the Treasury would be pleased.",
    "Even if immigration fell to 600,000 next year, the pressure would remain.",
])
def test_hypotheticals_are_not_estimates(text):
    assert only(text, date(2026, 5, 21)).kind != "estimate"


def test_a_net_increase_in_the_population_is_the_balance():
    f = only("Migration produced a net increase of 92,000 in the UK's population last year.", date(2028, 5, 25))
    assert (f.kind, f.flow, f.period_end) == ("estimate", "net_migration", date(2027, 12, 31))


def test_the_period_of_an_as_clause_is_its_own():
    text = ("Net migration 98,000 as ONS updates its 2026 estimate\n\n"
            "Net migration to the UK was 98,000 in the year that ended in June, the ONS said.")
    assert [f.period_end for f in figs(text, date(2027, 8, 26))] == [date(2027, 6, 30), date(2027, 6, 30)]


def test_provisional_estimates_revised_by_up_to_so_much_either_way():
    text = "Net migration was 98,000 in 2026. Provisional estimates are usually revised by up to 20,000 either way."
    assert [f.value for f in figs(text, date(2027, 5, 1))] == [98_000]


# --- batch eight: ordinary news in different house styles ------------------------------------------

def test_levels_a_gap_had_stood_at_are_past_ones():
    text = ("Net migration was 205,000 in the year to June 2025. The estimate is the difference between the 898,000 "
            "people who moved to the UK and the 693,000 who left, a gap that had stood at 512,000 in the year to "
            "June 2024 and at a record 891,000 in the year before that.")
    got = [(f.flow, f.value, f.period_end) for f in figs(text, date(2025, 11, 27))]
    assert got[1:3] == [("immigration", 898_000, date(2025, 6, 30)), ("emigration", 693_000, date(2025, 6, 30))]
    assert got[3] == ("net_migration", 512_000, date(2024, 6, 30))


def test_a_definition_ends_at_its_verb():
    text = ("In the year to June 2026, 811,000 people came to live in the UK and 672,000 left, and the gap between those two numbers is "
            "the thing that matters: net migration stood at 139,000, a fall of 752,000 from the peak of 891,000 "
            "recorded in the year to June 2023.")
    got = [(f.kind, f.flow, f.value, f.period_end) for f in figs(text, date(2026, 11, 26))][2:]
    assert got == [("estimate", "net_migration", 139_000, date(2026, 6, 30)), ("change", "net_migration", 752_000, date(2026, 6, 30)),
                   ("estimate", "net_migration", 891_000, date(2023, 6, 30))]


def test_that_is_down_on_a_year_earlier_measures_the_last_figure():
    text = ("In the year to June 2026, 811,000 people came to live in the UK while 672,000 emigrated, leaving net "
            "migration at 139,000. That is down 95,000 on a year earlier.")
    assert figs(text, date(2026, 11, 26))[-1].flow == "net_migration"


def test_a_glossary_entry_names_the_flow_of_its_number():
    text = "Net migration. Immigration minus emigration, and the number politicians argue about. It was 139,000 in the year to June 2026."
    assert only(text, date(2026, 11, 26)).flow == "net_migration"


@pytest.mark.parametrize("text, flow, group", [
    ("In 2025, 862,000 people moved to Britain, while 688,000 packed their bags and headed for the exit.", "emigration", None),
    ("In 2025, 151,000 arrived with a job already secured.", "immigration", "work_definite_job"),
])
def test_idioms_for_leaving_and_for_a_job_to_go_to(text, flow, group):
    f = figs(text, date(2026, 5, 21))[-1]
    assert (f.flow, f.breakdown_value) == (flow, group)


def test_the_month_of_may_is_no_forecast():
    text = "Those May figures put net migration for 2025 at 174,000."
    assert only(text, date(2026, 11, 26)).kind == "estimate"


def test_calendar_year_without_in():
    text = "This release revised calendar year 2025: immigration is now put at 874,000."
    assert only(text, date(2026, 11, 26)).period_end == date(2025, 12, 31)


@pytest.mark.parametrize("text", [
    "Net migration was 139,000 in 2025. The Nursing and Midwifery Council's register reached 853,707 at the end of March.",
    "Net migration was 139,000 in 2025. Skills for Care estimates 131,000 posts are vacant on any given day.",
])
def test_registers_and_vacant_posts_are_no_flows(text):
    assert [f.value for f in figs(text, date(2026, 5, 1))] == [139_000]


def test_a_comparison_hangs_off_the_figure_just_before_it():
    text = ("In the year to June 2026, 811,000 people came to live in the UK and 672,000 left; net migration stood "
            "at 139,000, a fall of 752,000 from the peak of 891,000.")
    assert [(f.flow, f.value) for f in figs(text, date(2026, 11, 26))][-1] == ("net_migration", 891_000)


def test_the_number_of_nurses_joining_a_register_is_no_flow():
    text = ("Net migration was 139,000 in the year to March 2026, yet the number of internationally educated "
            "nurses joining the register fell to 18,400.")
    assert [f.value for f in figs(text, date(2026, 5, 21))] == [139_000]


def test_the_same_number_again_is_the_figure_already_given():
    text = ("Net migration hit 891,000 in the year to June 2023.\n\n"
            "It was a good line, but it skated over the fact that the 891,000 had happened on her watch.")
    assert {(f.flow, f.period_end) for f in figs(text, date(2026, 11, 26))} == {("net_migration", date(2023, 6, 30))}


@pytest.mark.parametrize("text, kind, flow, group", [
    ("Among those quitting the country last year were 93,000 Brits.", "estimate", "emigration", "british"),
    ("Net migration was 174,000 last year, and the Tories want an annual cap of 100,000.", "target", "net_migration", None),
])
def test_tabloid_words_for_leavers_and_caps(text, kind, flow, group):
    f = figs(text, date(2026, 5, 21))[-1]
    assert (f.kind, f.flow, f.breakdown_value) == (kind, flow, group)


def test_a_relative_clause_between_a_group_and_its_number_describes_the_group():
    text = ("In the year to June 2022, citizens of countries outside the EU, who have made up most of the "
            "arrivals since 2016, numbered 512,000.")
    f = only(text, date(2022, 11, 24))
    assert (f.flow, f.breakdown_value) == ("immigration", "non_eu")


def test_past_levels_in_one_clause_share_a_flow_and_count_back_from_each_other():
    text = ("Net migration was 98,000 in the year to June 2026, a balance that had stood at 320,000 in the year "
            "to June 2025 and at 640,000 in the year before that.")
    assert {(f.flow, f.period_end, f.value) for f in figs(text, date(2026, 11, 26))} == {
        ("net_migration", date(2026, 6, 30), 98_000), ("net_migration", date(2025, 6, 30), 320_000),
        ("net_migration", date(2024, 6, 30), 640_000)}


@pytest.mark.parametrize("text", [
    "Immigration was 700,000 last year, and the city's college, which has around 4,100 overseas students, is growing.",
    "Immigration was 700,000 last year; the town has about 9,000 migrants from Poland.",
])
def test_what_an_institution_has_is_a_stock(text):
    assert [f.value for f in figs(text)] == [700_000]


def test_countries_named_as_destinations_are_not_the_figures_country():
    text = ("Net migration was 300,000 last year.\n\n"
            "Some 80,000 British citizens left last year, with Portugal, Canada and Thailand the most popular destinations.")
    assert {(f.value, f.geography) for f in figs(text)} == {(300_000, "UK"), (80_000, "UK")}


def test_a_part_of_a_group_named_after_of_takes_its_own_kind():
    text = ("Immigration was 700,000 in 2023. Of those, 120,000 of the year's work migrants came with a job offer, "
            "while 40,000 came looking for work.")
    assert [(f.value, f.breakdown_value) for f in figs(text)][1:] == [
        (120_000, "work_definite_job"), (40_000, "work_looking_for_job")]


def test_a_with_clause_is_its_own_assertion_for_periods():
    text = "About 900,000 people came to the UK in 2024, with 1.1m arrivals the year before."
    assert [(f.value, f.period_end) for f in figs(text, date(2025, 5, 22))] == [
        (900_000, date(2024, 12, 31)), (1_100_000, date(2023, 12, 31))]


@pytest.mark.parametrize("text", [
    "The balance of arrivals over departures was 190,000 in 2012.",
    "An excess of immigration over emigration of 190,000 in 2012 added to the population.",
])
def test_a_balance_or_excess_of_arrivals_over_departures_is_net_migration(text):
    assert (only(text).flow, only(text).value) == ("net_migration", 190_000)


@pytest.mark.parametrize("aside", ["(revised up from 610k)", "(originally 610,000)", "(first estimated at 610,000)"])
def test_a_bracketed_earlier_estimate_is_the_older_vintage_of_the_figure_before_it(aside):
    text = f"Net migration was 500,000 in the year to June 2024, down from a record 700,000 {aside} in the year to June 2023."
    got = {(f.value, f.period_end, f.status) for f in figs(text, date(2024, 11, 28))}
    assert got == {(500_000, date(2024, 6, 30), "valid"), (700_000, date(2023, 6, 30), "valid"),
                   (610_000, date(2023, 6, 30), "quarantined")}


def test_an_aside_does_not_end_a_comparison_clause():
    text = ("Net migration in the year to June 2024: 500k.\n"
            "That is down from 700k (a record) in the year to June 2023.\n"
            "Immigration was 1.1m.")
    assert [(f.value, f.period_end) for f in figs(text, date(2024, 11, 28))] == [
        (500_000, date(2024, 6, 30)), (700_000, date(2023, 6, 30)), (1_100_000, date(2024, 6, 30))]


def test_last_years_figure_in_brackets_as_annual_reports_write_it():
    text = "Emigration was 480,000 in 2023 (2022: 520,000). Net migration was 700,000."
    assert [(f.flow, f.value, f.period_end) for f in figs(text)] == [
        ("emigration", 480_000, date(2023, 12, 31)), ("emigration", 520_000, date(2022, 12, 31)),
        ("net_migration", 700_000, date(2023, 12, 31))]


def test_came_in_a_year_is_arriving_and_were_students_is_study():
    text = "Of the 900,000 people who came in 2022, 300,000 were overseas students."
    assert [(f.flow, f.breakdown_value, f.value, f.period_end) for f in figs(text)] == [
        ("immigration", None, 900_000, date(2022, 12, 31)), ("immigration", "study", 300_000, date(2022, 12, 31))]


@pytest.mark.parametrize("text, flows", [
    ("About 900,000 people moved to the UK in 2023, while 450,000 went the other way.", ["immigration", "emigration"]),
    ("Some 450,000 people left in 2023, while 900,000 headed the other way.", ["emigration", "immigration"]),
])
def test_the_other_way_is_the_opposite_flow(text, flows):
    assert [f.flow for f in figs(text)] == flows


def test_datelines_and_timestamps_do_not_count_as_the_opening():
    text = ("Migration statistics live: what the new estimates show\n\nMonday 1 March 2021\n\n08.55 GMT\n"
            "Welcome to our coverage of the estimates for the year to September 2020.\n\n"
            "09.31 GMT\nNet migration: 313,000.\n\n"
            "10.02 GMT\nAsylum applications in the year to December 2020 fell to 29,456.")
    assert [(f.value, f.period_end) for f in figs(text, date(2021, 3, 1))] == [(313_000, date(2020, 9, 30))]


def test_a_long_format_export_gives_one_figure_per_row():
    text = ("Migration estimates, as exported\n\n"
            "period\tflow\testimate\tci95\n"
            "YE Mar 2019\timmigration\t612000\t±30000\n"
            "YE Mar 2019\temigration\t385000\t±20000\n"
            "YE Mar 2019\tnet\t227000\t±36000\n")
    assert {(f.flow, f.period_end, f.value) for f in figs(text, date(2019, 9, 1))} == {
        ("immigration", date(2019, 3, 31), 612_000), ("emigration", date(2019, 3, 31), 385_000),
        ("net_migration", date(2019, 3, 31), 227_000)}


def test_a_place_past_a_semicolon_belongs_to_another_statement():
    text = "Net migration 0.3m in 2019; Wales's election campaign enters its last week."
    assert only(text).geography == "UK"


def test_a_number_then_a_dash_is_described_by_the_rest_of_its_line():
    text = "THE NUMBERS\n600,000 — people who came to the UK in 2019\n150,000 — of those arriving, EU citizens"
    assert [(f.flow, f.breakdown_value) for f in figs(text)] == [("immigration", None), ("immigration", "eu")]


def test_a_table_comparing_countries_keeps_each_rows_country_and_period():
    text = ("Latest estimates, selected countries\n"
            "Country\tPeriod\tImmigration\tEmigration\tNet migration\n"
            "United Kingdom\tYE Jun 2024\t1,200,000\t479,000\t728,000\n"
            "Ireland\tYE Apr 2024\t149,200\t69,600\t79,600\n"
            "Atlantis\t2023\t..\t..\t50,000\n")
    got = {(f.geography, f.flow, f.period_end, f.value) for f in figs(text, date(2024, 11, 28))}
    assert ("UK", "net_migration", date(2024, 6, 30), 728_000) in got
    assert ("Ireland", "net_migration", date(2024, 4, 30), 79_600) in got
    assert ("Atlantis", "net_migration", date(2023, 12, 31), 50_000) in got
    assert len(got) == 7


def test_a_header_row_with_an_empty_corner_lines_up_with_its_columns():
    text = ("Table 1 (figures in thousands)\n"
            "\tYE Jun 2023\tYE Jun 2024\n"
            "Immigration\t1218\t1200\n"
            "Net migration\t906\t728\n")
    assert {(f.flow, f.period_end, f.value) for f in figs(text, date(2024, 11, 28))} == {
        ("immigration", date(2023, 6, 30), 1_218_000), ("immigration", date(2024, 6, 30), 1_200_000),
        ("net_migration", date(2023, 6, 30), 906_000), ("net_migration", date(2024, 6, 30), 728_000)}


def test_a_year_after_as_opens_an_explanation_and_asylum_claims_are_counted_things():
    text = ("Net migration falls to 300,000 as 2022 estimate is revised up\n\n"
            "Net migration was 300,000 in the year to June 2023. The Home Office said 90,000 asylum claims "
            "were made in the year to June 2023.")
    assert {(f.value, f.period_end) for f in figs(text, date(2023, 11, 23))} == {(300_000, date(2023, 6, 30))}


def test_a_change_from_a_named_base_runs_to_the_period_under_discussion():
    text = ("Net migration fell to 300,000 in 2024. It was down 250,000 from 550,000 in 2023, and it has now "
            "fallen by almost 600,000 since the peak of 900,000 in the year to June 2022.")
    assert [(f.kind, f.value, f.period_end) for f in figs(text, date(2025, 5, 22))] == [
        ("estimate", 300_000, date(2024, 12, 31)), ("change", 250_000, date(2024, 12, 31)),
        ("estimate", 550_000, date(2023, 12, 31)), ("change", 600_000, date(2024, 12, 31)),
        ("estimate", 900_000, date(2022, 6, 30))]


def test_bulleted_labels_with_a_period_and_asylum_applications():
    text = "At a glance\n* Net migration in 2024: 300,000\n* Asylum applications in 2024: 84,200"
    assert [(f.flow, f.value, f.period_end) for f in figs(text, date(2025, 5, 22))] == [
        ("net_migration", 300_000, date(2024, 12, 31))]


def test_a_change_that_takes_a_flow_to_a_level_gives_the_level_its_flow():
    text = ("Emigration was 500,000 in 2023. An upwards revision of 20,000 takes emigration for that year to 520,000; "
            "immigration is now put at 1.1m.")
    assert [(f.kind, f.flow, f.value) for f in figs(text)][1:3] == [
        ("change", "emigration", 20_000), ("estimate", "emigration", 520_000)]


def test_the_estimate_a_change_is_measured_on_does_not_date_it():
    text = ("Net migration fell to 300,000 in the year to December 2023, the statisticians at the ONS said, "
            "down 100,000 on its latest estimate for 2022.")
    assert [(f.kind, f.period_end) for f in figs(text)] == [("estimate", date(2023, 12, 31)), ("change", date(2023, 12, 31))]


def test_identifiers_are_no_counts_and_migrants_intentions_are_no_targets():
    text = ("About 700,000 people moved to the UK in 2023 intending to stay for a year, and 500,000 left.\n\n"
            "The institute is a charity, registered number 1098765.")
    assert [(f.kind, f.value) for f in figs(text)] == [("estimate", 700_000), ("estimate", 500_000)]


def test_the_same_calendar_year_is_the_year_under_discussion():
    text = ("Net migration was 400,000 in 2023. Emigration was 500,000 in the same calendar year and 480,000 "
            "in the year to June 2024.")
    assert [f.period_end for f in figs(text, date(2024, 11, 28))] == [date(2023, 12, 31)] * 2 + [date(2024, 6, 30)]


@pytest.mark.parametrize("text, flow", [
    ("It was a turnaround from 2022, when 1.1 million people poured into the country.", "immigration"),
    ("HOW IT CHANGED\n2022: 1.1m in", "immigration"),
    ("HOW IT CHANGED\n2022: 1.1m in, 500k out", "immigration"),
])
def test_tabloid_words_for_arriving(text, flow):
    assert figs(text)[0].flow == flow


def test_in_and_out_after_numbers_are_arrivals_and_departures():
    text = "HOW IT CHANGED\n2022: 1.1m in, 500k out"
    assert [(f.flow, f.value) for f in figs(text)] == [("immigration", 1_100_000), ("emigration", 500_000)]


def test_by_a_year_opening_a_sentence_dates_it_and_it_had_fallen_leans_back():
    text = ("Net migration peaked at 900,000 in the year to June 2023, when several things came together. "
            "By calendar year 2024 it had fallen to 450,000.")
    assert [(f.flow, f.period_end) for f in figs(text, date(2025, 5, 22))] == [
        ("net_migration", date(2023, 6, 30)), ("net_migration", date(2024, 12, 31))]


def test_visas_that_have_fallen_are_counted_things():
    text = ("Immigration was 900,000 in 2023. Data show that visas for students' dependants have fallen to 18,200 "
            "since most students lost the right to bring family members.")
    assert [f.value for f in figs(text)] == [900_000]


def test_idioms_with_come_are_not_arriving():
    text = ("Emigration was 400,000 in 2023. Of them, 150,000 were British and 130,000 were non-EU nationals, "
            "most of them students whose visas had come to an end.")
    assert {f.flow for f in figs(text)} == {"emigration"}


def test_fewer_people_left_than_is_a_change_in_departures_and_backlogs_are_things():
    text = ("Immigration was 570,000 in 2010. It barely moved, but 32,000 fewer people left than in 2009. "
            "Awaiting the Home Office is a backlog of 312,000 immigration and asylum cases.")
    assert [(f.kind, f.flow, f.value) for f in figs(text)] == [
        ("estimate", "immigration", 570_000), ("change", "emigration", 32_000)]


def test_a_read_more_link_is_another_articles_headline():
    text = ("Net migration falls to 400,000\n\nNet migration fell to 400,000 in 2023.\n\n"
            "Read more: Net migration hit a record 900,000 in 2022\n\nEmigration was 500,000.")
    assert [f.value for f in figs(text)] == [400_000, 400_000, 500_000]


def test_a_figure_the_article_corrects_is_quarantined_as_a_misprint():
    text = ("Net migration was 400,000 in 2023.\n\n"
            "Correction: An earlier version of this article gave immigration as 1,010,000. The ONS figure is 1,100,000.")
    got = {f.value: (f.status, f.reason) for f in figs(text)}
    assert got[1_100_000] == ("valid", None)
    assert got[1_010_000][0] == "quarantined" and "in error" in got[1_010_000][1]


def test_a_value_named_as_first_reported_is_the_older_vintage():
    text = "The ONS now puts net migration for 2022 at 760,000, not the 610,000 first reported."
    assert {(f.value, f.period_end, f.status) for f in figs(text)} == {
        (760_000, date(2022, 12, 31), "valid"), (610_000, date(2022, 12, 31), "quarantined")}


def test_the_latest_twelve_months_and_nett():
    text = ("Immigration in the year to June 2023 was 1.2 million.\n\n"
            "In the latest 12 months, nett migration was 700,000 while 500,000 left in the year to June 2022.")
    assert [(f.flow, f.period_end) for f in figs(text, date(2023, 11, 23))] == [
        ("immigration", date(2023, 6, 30)), ("net_migration", date(2023, 6, 30)), ("emigration", date(2022, 6, 30))]


def test_html_leftovers_are_read_as_what_they_stand_for_with_offsets_kept():
    text = ("Net migration hit 300,000 in 2019<br>\n<br>\n"
            "About 700,000 people moved to the UK in 2019, and 400,000 left.&nbsp;Non-EU citizens made up "
            "350,000 of the arrivals.<br>")
    found = figs(text, date(2020, 5, 21))
    assert [(f.flow, f.breakdown_value, f.value) for f in found][-1] == ("immigration", "non_eu", 350_000)
    assert all(text[f.char_start:f.char_end] == f.raw_text for f in found)


@pytest.mark.parametrize("text, flow, group", [
    ("Immigration was 1.1m in 2023. The bulk of arrivals – 800,000 – were nationals of countries outside the EU.",
     "immigration", "non_eu"),
    ("Emigration was 500,000 in 2023. Among those heading for the exit were 90,000 Brits.", "emigration", "british"),
])
def test_a_number_between_dashes_and_heading_for_the_exit(text, flow, group):
    f = figs(text)[-1]
    assert (f.flow, f.breakdown_value) == (flow, group)


def test_to_come_in_between_is_an_amount_and_it_is_now_estimated_leans_back():
    text = ("Economists expect net migration for 2023 to come in between 650,000 and 700,000.\n\n"
            "Update: net migration for 2022 was revised. It is now estimated at 750,000.")
    assert [(f.kind, f.flow) for f in figs(text, date(2024, 5, 1))] == [("forecast", "net_migration"),
                                                                        ("estimate", "net_migration")]


def test_a_labels_year_after_its_comma():
    text = "IN NUMBERS\nNet migration, 2023: 0.685m\nNet migration, 2022: 0.752m"
    assert [f.period_end for f in figs(text)] == [date(2023, 12, 31), date(2022, 12, 31)]


def test_a_bound_restated_exactly_after_at_keeps_its_flow():
    text = ("Net migration fell to 400,000 in 2024. Immigration fell to 1m, while emigration was in excess of "
            "600,000 for the first time, at 614,000, as students left.")
    assert [(f.flow, f.value) for f in figs(text, date(2025, 5, 22))][-1] == ("emigration", 614_000)


@pytest.mark.parametrize("sentence", [
    "Separately, 108,138 people claimed asylum in the UK over the same period.",
    "The Home Office also counted 39,292 small-boat arrivals so far this year.",
    "The local university said it had 4,300 international students this autumn, down from a peak of 7,900.",
])
def test_asylum_claims_boats_and_a_universitys_students_are_no_flows(sentence):
    assert [f.value for f in figs("Immigration was 900,000 in 2024. " + sentence, date(2025, 5, 22))] == [900_000]


def test_a_flow_named_in_a_sentence_without_figures_beats_an_earlier_count_of_things():
    text = ("The helpline is on 0808 157 0392 and handled 12,000 calls.\n\n"
            "Update: the ONS revised net migration for 2023 sharply upwards. It is now estimated at 894,000.")
    assert [(f.flow, f.value) for f in figs(text, date(2024, 11, 28))] == [("net_migration", 894_000)]


def test_a_story_about_another_country_with_a_contrasting_headline_is_that_countrys():
    text = ("Migration intake falls, but Britain's is still higher\n\n"
            "Australia's net overseas migration fell to 446,000 in the 12 months to June 30, the Australian Bureau "
            "of Statistics said.\n\nArrivals numbered 695,000 and departures 249,000.")
    assert {f.geography for f in figs(text, date(2024, 12, 12))} == {"Australia"}


@pytest.mark.parametrize("office, country", [("the ABS", "Australia"), ("the CSO", "Ireland"), ("Stats NZ", "New Zealand"),
                                             ("NISRA", "Northern Ireland")])
def test_a_countrys_statistics_office_speaks_for_it(office, country):
    text = f"Net migration to the UK was 600,000 last year.\n\nArrivals numbered 95,000, {office} said."
    assert [f.geography for f in figs(text)] == ["UK", country]


def test_the_base_of_a_rate_is_no_count():
    text = "Net migration was 600,000 in 2023, about nine people per 1,000 residents."
    assert [f.value for f in figs(text)] == [600_000]


def test_over_the_past_year_in_a_release_story_is_the_reports_period():
    text = ("Net migration rises to 215,000\n\nNet migration was 215,000 in the year to June 2019, the ONS said.\n\n"
            "Over the past year, 615,000 people came to the UK.")
    assert [f.period_end for f in figs(text, date(2019, 11, 28))] == [date(2019, 6, 30)] * 3


def test_a_place_describes_the_figures_that_follow_it_but_never_jumps_a_number():
    text = ("Those estimates, which also cover Scotland and Northern Ireland, put UK net migration in 2023 at "
            "700,000, with 1,200,000 arrivals and 500,000 departures.")
    assert {f.geography for f in figs(text)} == {"UK"}


def test_from_outside_the_uk_is_where_people_came_from():
    text = "Some 24,300 people came to live in Northern Ireland from outside the UK in 2018, while 22,200 left."
    assert {f.geography for f in figs(text)} == {"Northern Ireland"}


def test_migration_to_england_and_wales_is_not_the_uks():
    text = ("Net international migration to England and Wales was 600,000 in the year to mid-2023. "
            "The UK's own estimate put net migration at 700,000 in the year ending June 2023.")
    assert [(f.geography, f.value) for f in figs(text)] == [("England and Wales", 600_000), ("UK", 700_000)]


def test_the_size_of_a_revision_measures_the_figure_stated_not_its_components():
    text = ("Net migration for 2022 is now put at 750,000, based on 1,200,000 arrivals and 450,000 departures, "
            "80,000 higher than first published.")
    assert [(f.kind, f.flow) for f in figs(text)][-1] == ("change", "net_migration")


def test_up_on_a_named_level_is_a_change_to_the_period_under_discussion():
    text = ("Net migration was 300,000 in the year ending March 2015. That is the highest figure on record, and "
            "up 90,000 on the 210,000 recorded in the year ending March 2014.")
    assert [(f.kind, f.period_end) for f in figs(text, date(2015, 8, 27))] == [
        ("estimate", date(2015, 3, 31)), ("change", date(2015, 3, 31)), ("estimate", date(2014, 3, 31))]


def test_with_after_a_number_annotates_it_and_below_the_peak_is_a_change():
    text = ("Net migration: 200,000 in 2024, nearly 700,000 below the 2023 peak.\n"
            "Work: 180,000 came for work – 140,000 with a job already arranged and 40,000 looking for one.")
    assert [(f.kind, f.breakdown_value) for f in figs(text, date(2025, 5, 22))] == [
        ("estimate", None), ("change", None), ("estimate", "work"), ("estimate", "work_definite_job"),
        ("estimate", "work_looking_for_job")]


@pytest.mark.parametrize("text", ["Immigration (1.1m) outstripped emigration (500k) by 600k in 2022.",
                                  "In 2022 arrivals outnumbered departures by 600,000."])
def test_the_margin_by_which_arrivals_outstrip_departures_is_the_balance(text):
    assert [(f.flow, f.value) for f in figs(text)][-1] == ("net_migration", 600_000)


@pytest.mark.parametrize("group", ["Non-British nationals", "Foreign nationals"])
def test_eu_and_non_eu_together_is_no_group_of_ours(group):
    text = f"{group} accounted for 1.1 million of the 1.2 million arrivals in 2023."
    assert [(f.breakdown_value, f.value) for f in figs(text)] == [(None, 1_200_000)]


def test_an_aligned_table_may_end_in_a_column_of_words():
    text = ("Table 1: Long-term international migration, UK\n\n"
            "Year ending        Immigration     Emigration      Net migration    Status\n"
            "December 2015      631,000         304,000         327,000          Final\n"
            "March 2016         657,000         313,000         344,000          Revised\n")
    assert len(figs(text, date(2016, 12, 8))) == 6


def test_revised_it_to_leans_on_the_figure_just_named():
    text = ("In May, net migration for the year to September 2015 stood at 321,000. Last month the ONS revised "
            "it to 326,000, with immigration raised to 622,000 and emigration unchanged at 296,000.")
    assert [(f.flow, f.value) for f in figs(text, date(2015, 12, 1))][1] == ("net_migration", 326_000)


def test_a_flow_after_after_explains_and_does_not_name_the_figure():
    text = ("Net migration for 2015 is now put at 327,000.\n\n"
            "The year to March 2016 was first estimated at 335,000; it is now put at 344,000 after immigration "
            "was revised up to 657,000.")
    assert [(f.flow, f.value) for f in figs(text, date(2016, 12, 1))][1:3] == [
        ("net_migration", 335_000), ("net_migration", 344_000)]


def test_hard_grammar_of_a_release_story():
    text = ("Net migration came in at 150,000 in the year to June 2008 rather than the 250,000 the think-tank had "
            "projected.\n\n"
            "In the year to June 2007, 600,000 people had arrived and 400,000 had left, a difference of 200,000. "
            "In the twelve months that followed, incomers dipped to 590,000 while leavers rose to 440,000.\n\n"
            "Just under half of those leaving were British citizens, more than double the 98,000 Britons who came "
            "home over the same period. The Home Office said 17,500 people had been granted asylum.")
    got = [(f.kind, f.flow, f.breakdown_value, f.period_end, f.value) for f in figs(text, date(2008, 11, 27))]
    assert ("forecast", "net_migration", None, None, 250_000) in got
    assert ("estimate", "net_migration", None, date(2007, 6, 30), 200_000) in got
    assert ("estimate", "immigration", None, date(2008, 6, 30), 590_000) in got
    assert ("estimate", "immigration", "british", date(2008, 6, 30), 98_000) in got
    assert all(f[-1] != 17_500 for f in got)


def test_the_former_and_the_latter_are_the_two_groups_just_listed():
    text = ("Britons, at 170,000, were the largest group of leavers in 2009, but EU and non-EU citizens together "
            "outnumbered them, the former at 86,000 and the latter at 112,000.")
    assert [(f.flow, f.breakdown_value) for f in figs(text)] == [
        ("emigration", "british"), ("emigration", "eu"), ("emigration", "non_eu")]


def test_respectively_over_periods_keeps_one_flow_and_if_anything_is_no_hypothesis():
    text = ("Net migration, which had fallen in 2008 as Britons left for Australia, rose again in 2009: the balance "
            "was 163,000 and 196,000 in those two years respectively. Arrivals were, if anything, slightly lower "
            "at 567,000 in 2009. The recession has left 2.46 million people out of work.")
    assert [(f.kind, f.flow, f.period_end, f.value) for f in figs(text, date(2010, 8, 26))] == [
        ("estimate", "net_migration", date(2008, 12, 31), 163_000), ("estimate", "net_migration", date(2009, 12, 31), 196_000),
        ("estimate", "immigration", date(2009, 12, 31), 567_000)]


def test_a_colon_after_a_number_defines_it_and_protection_grants_are_things():
    text = ("The figure that matters is not 877,000, which is how many people moved to the UK in the year to June "
            "2025, but 213,000: the net figure. The Home Office's separate count of protection grants, 38,900 in "
            "the year to September 2025, measures something else.")
    assert [(f.flow, f.value) for f in figs(text, date(2025, 12, 1))] == [
        ("immigration", 877_000), ("net_migration", 213_000)]


def test_a_balance_of_is_net_unless_made_of_flows_and_a_closed_aside_holds_its_kind_word():
    text = ("In 2002 — before any government had promised to cut the numbers — 498,000 people came to the UK and "
            "359,000 left, a balance of 139,000. Net migration in 2003 was 151,000, the balance of 513,000 arrivals "
            "and 362,000 departures.")
    assert [(f.kind, f.flow, f.value) for f in figs(text, date(2004, 11, 11))] == [
        ("estimate", "immigration", 498_000), ("estimate", "emigration", 359_000), ("estimate", "net_migration", 139_000),
        ("estimate", "net_migration", 151_000), ("estimate", "immigration", 513_000), ("estimate", "emigration", 362_000)]


def test_respectively_takes_labels_after_it_only_to_the_end_of_its_clause():
    text = ("In 2023 work and study accounted for 420,000 and 380,000 arrivals respectively, and people joining "
            "family members already here for 118,000.")
    assert [f.breakdown_value for f in figs(text)] == ["work", "study", "family"]


@pytest.mark.parametrize("sentence", [
    "In the year to September it issued 89,000 health and care visas to main applicants.",
    "Over the same period, the department granted asylum or another form of protection to 47,000 people.",
])
def test_visas_with_long_names_and_grants_of_protection_are_things(sentence):
    assert [f.value for f in figs("Immigration was 1.2m in 2023. " + sentence)] == [1_200_000]


def test_the_fall_comma_of_is_a_change():
    text = "Net migration was 725,000 in 2023; the fall, of 146,000 on the 871,000 recorded the year before, was the first."
    assert [(f.kind, f.value) for f in figs(text)][1] == ("change", 146_000)


def test_the_balance_between_the_two_and_a_when_clause_dated_by_the_year_before_it():
    text = ("In 2004, 582,000 people came to the UK and 344,000 left. The balance between the two, 238,000, was "
            "87,000 higher than in 2003, when 513,000 people arrived and 362,000 departed.")
    assert [(f.kind, f.flow, f.period_end, f.value) for f in figs(text, date(2005, 11, 3))][2:] == [
        ("estimate", "net_migration", date(2004, 12, 31), 238_000), ("change", "net_migration", date(2004, 12, 31), 87_000),
        ("estimate", "immigration", date(2003, 12, 31), 513_000), ("estimate", "emigration", date(2003, 12, 31), 362_000)]


def test_the_former_and_the_latter_over_groups_set_side_by_side_and_in_that_order():
    text = ("Of the incomers in 2004, 74,000 were Britons. The rest divided between citizens of other European "
            "Union countries and those from outside the Union, the former numbering 127,000 and the latter "
            "381,000. Work and study drew almost equal numbers (161,000 and 158,000, in that order).")
    assert [f.breakdown_value for f in figs(text, date(2005, 11, 3))] == ["british", "eu", "non_eu", "work", "study"]


def test_respectively_over_labels_a_few_words_long_margins_in_each_direction_and_places():
    text = ("For the twelve months to March 2011, incomers numbered 578,000. Britons returning home, EU nationals "
            "and non-EU citizens accounted for 89,000, 154,000 and 335,000 of the arrivals respectively. The "
            "interim limit on skilled workers, 24,100 places, was in force. Net migration was 237,000; the fall, "
            "at 15,000, was smaller than the margin of error, which the ONS puts at up to 35,000 in each direction.")
    got = [(f.kind, f.breakdown_value, f.value) for f in figs(text, date(2011, 8, 25))]
    assert got == [("estimate", None, 578_000), ("estimate", "british", 89_000), ("estimate", "eu", 154_000),
                   ("estimate", "non_eu", 335_000), ("estimate", None, 237_000), ("change", None, 15_000)]


@pytest.mark.parametrize("sentence", [
    "The Home Office said 16,780 asylum seekers had been granted protection in the year to June 2022.",
    "Some 17,790 people applied for asylum in 2022 and 4,550 of them were granted asylum at the first decision.",
    "Asylum, the dominant story of 2002, when applications peaked at 84,130, barely features now.",
])
def test_asylum_grants_and_applications_in_other_words_are_things(sentence):
    assert [f.value for f in figs("Immigration was 1.1m in the year to June 2022. " + sentence)] == [1_100_000]


def test_respectively_over_to_study_and_to_work():
    text = "In 2024 those coming to study and to work numbered 311,000 and 226,000 respectively."
    assert [f.breakdown_value for f in figs(text, date(2025, 5, 22))] == ["study", "work"]


def test_parallel_parts_did_so_and_a_reason_given_by():
    text = ("In 2002, 64,000 people came to study; in 2012 the number who did so was 182,000. Work, the main reason "
            "for coming in 2002, was given by 181,000 newcomers. Britons made up 186,000 of the 359,000 who left in "
            "2002 and 143,000 of the 326,000 who left in 2012.")
    got = [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2013, 9, 8))]
    assert ("immigration", "study", 182_000) in got and ("immigration", "work", 181_000) in got
    assert ("emigration", "british", 143_000) in got


def test_students_who_numbered_and_a_movement_denied():
    text = ("Immigration was 1,081,000 in the year to June 2022. Students, who numbered 277,000, were the largest "
            "group. Net migration fell, but by 61,000, not by the 100,000 one minister claimed.")
    got = [(f.kind, f.breakdown_value, f.value) for f in figs(text, date(2022, 11, 24))]
    assert ("estimate", "study", 277_000) in got and ("change", None, 100_000) in got


def test_that_is_down_from_compares_the_same_group_at_another_time():
    text = ("The number of people coming to the UK for formal study fell to 164,000 in the year to March 2016. "
            "That is down from 168,000 in calendar year 2015.")
    assert [(f.breakdown_value, f.period_end) for f in figs(text, date(2016, 8, 25))] == [
        ("study", date(2016, 3, 31)), ("study", date(2015, 12, 31))]


def test_national_insurance_numbers_set_off_by_a_comma_are_things():
    text = ("Immigration was 631,000 in 2015. The gap between the figures and the number of National Insurance "
            "numbers issued to EU nationals, 630,000 in the year to March 2016, has become a campaign issue.")
    assert [f.value for f in figs(text, date(2016, 5, 26))] == [631_000]


def test_a_regional_work_split_in_plain_words():
    text = ("Nationally, 290,000 people moved to the UK for a job in the year to June 2015: 181,000 of them already "
            "had one lined up and 109,000 arrived looking.")
    assert [f.breakdown_value for f in figs(text, date(2015, 11, 26))] == [
        "work", "work_definite_job", "work_looking_for_job"]


def test_table_row_labels_with_a_status_note_and_bare_claims():
    text = ("Long-term international migration, UK\n\n"
            "Year ending          Immigration    Emigration    Net migration\n"
            "Dec 2017 (final)         641,000       346,000          295,000\n"
            "Jun 2018 (prov.)         626,000       353,000          273,000\n\n"
            "There were 26,350 claims in the year to June 2018.")
    got = {(f.flow, f.period_end, f.value) for f in figs(text, date(2018, 11, 30))}
    assert ("immigration", date(2017, 12, 31), 641_000) in got and ("emigration", date(2018, 6, 30), 353_000) in got
    assert all(v != 26_350 for _, _, v in got)


def test_that_is_lower_than_first_published_revises_the_headline_just_given():
    text = ("The ONS puts net migration in 2024 at 346,000, with 944,000 arrivals and 598,000 departures. "
            "That is 81,000 lower than first published.")
    assert [(f.kind, f.flow) for f in figs(text, date(2025, 11, 27))][-1] == ("change", "net_migration")


def test_a_figure_of_the_number_already_given_and_romanians_or_bulgarians():
    text = ("Net migration reached a record 500,000 in the year to June 2022.\n\n"
            "\"A figure of 500,000 is what twelve years of drift looks like,\" he said.\n\n"
            "Immigration was 1.1m in the year to June 2022. Twenty-four thousand of the arrivals were Romanian or Bulgarian.")
    got = [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2022, 11, 24))]
    assert got[1] == ("net_migration", None, 500_000) and got[-1] == ("immigration", "eu2", 24_000)


def test_values_before_the_one_now_put_are_older_vintages():
    text = ("Net migration for 2015, first published in May at 333,000 and revised to 329,000 in August, is now put "
            "at 327,000, with emigration revised up to 304,000.")
    got = {f.value: (f.flow, f.period_end, f.status) for f in figs(text, date(2016, 12, 1))}
    assert got[327_000] == ("net_migration", date(2015, 12, 31), "valid")
    assert got[333_000][2] == got[329_000][2] == "quarantined" and got[329_000][0] == "net_migration"


def test_that_year_is_the_last_year_named_in_its_own_sentence():
    text = ("In 2014 the number arriving to study was 190,000. "
            "Work, the leading reason back in 2006, was given by 205,000 arrivals that year.")
    got = {f.value: (f.breakdown_value, f.period_end) for f in figs(text, date(2015, 6, 1))}
    assert got[205_000] == ("work", date(2006, 12, 31))


def test_a_figure_weighed_against_takes_the_sentences_own_period():
    text = ("Work brought 175,000 arrivals in 2005. "
            "In 2015 work drew 166,000 against study's 191,000.")
    got = {f.value: (f.breakdown_value, f.period_end) for f in figs(text, date(2016, 6, 1))}
    assert got[191_000] == ("study", date(2015, 12, 31))


def test_a_forecast_word_in_an_as_aside_does_not_make_the_figure_a_forecast():
    text = "Far from shrinking, as the minister had promised it would, net migration grew by 31,000 in 2012 to 207,000."
    assert {(f.kind, f.value, f.period_end) for f in figs(text, date(2013, 6, 1))} == {
        ("change", 31_000, date(2012, 12, 31)), ("estimate", 207_000, date(2012, 12, 31))}
    assert only("Net migration will drop, as it did before, to 280,000 in 2027, the OBR forecasts.").kind == "forecast"


def test_compared_with_a_count_of_another_flow_is_the_same_period():
    text = ("Net migration was 190,000 in the year to March 2019. "
            "Some 62,000 of the leavers were EU citizens, compared with 75,000 of the arrivals.")
    got = {f.value: (f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2019, 8, 22))}
    assert got[75_000] == ("immigration", "eu", date(2019, 3, 31))
    # the same count compared is a year against an unnamed year: no period
    text = "Net migration was 190,000 in the year to March 2019. Immigration was 610,000, compared with 640,000."
    got = {f.value: f.period_end for f in figs(text, date(2019, 8, 22))}
    assert got[610_000] == date(2019, 3, 31) and got[640_000] is None


def test_the_size_of_a_survey_sample_is_not_a_flow():
    text = ("Immigration from outside the EU was 281,000 in the year to June 2017. "
            "A poll of 2,400 applicants found that 30 per cent of those from outside the EU were less likely to come.")
    assert [f.value for f in figs(text, date(2017, 11, 30))] == [281_000]


def test_each_and_both_give_one_figure_for_each_of_two_joined_groups():
    for text in ("Immigration rose in 2011. Work and study each drew 190,000, and family 60,000.",
                 "Immigration rose in 2011. Both work and study drew 190,000 arrivals.",
                 "Immigration for work and study was 190,000 each in 2011."):
        got = sorted((f.flow, f.breakdown_value, f.value) for f in figs(text, date(2012, 5, 24)) if f.value == 190_000)
        assert got == [("immigration", "study", 190_000), ("immigration", "work", 190_000)], text
        ids = [f.figure_id for f in figs(text, date(2012, 5, 24))]
        assert len(ids) == len(set(ids))
    # joined with no "each": one number for the two together, a figure for neither
    assert figs("Immigration rose in 2011. Work and study drew 380,000 between them.", date(2012, 5, 24)) == []


def test_a_questions_own_verb_names_the_flow_of_its_answer():
    text = "Who left? Britons, at 127,000, in 2014. Who came? EU citizens, 200,000 of them in 2014."
    got = [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2015, 5, 21))]
    assert got == [("emigration", "british", 127_000), ("immigration", "eu", 200_000)]


def test_moves_between_the_uks_nations_are_not_flows():
    text = ("Net migration to Wales was 14,000 in 2019, with 31,000 arriving from overseas. "
            "Another 6,000 people moved to Wales from the rest of the UK, and 4,000 left for Scotland.")
    assert sorted((f.flow, f.geography, f.value) for f in figs(text, date(2020, 6, 25))) == [
        ("immigration", "Wales", 31_000), ("net_migration", "Wales", 14_000)]
    # from abroad to one of the nations is a flow, in a story about the UK too
    got = [(f.flow, f.value) for f in figs("Immigration to the UK was 612,000 in 2019; 28,000 of the arrivals "
                                            "came to Scotland.", date(2020, 6, 25))]
    assert ("immigration", 612_000) in got


def test_more_leaving_than_arriving_is_net_migration_below_zero():
    pub = date(2021, 5, 27)
    assert [(f.flow, f.breakdown_value, f.value, f.kind) for f in figs(
        "There was a net outflow of 41,000 EU nationals in 2020.", pub)] == [("net_migration", "eu", -41_000, "estimate")]
    assert [(f.flow, f.breakdown_value, f.value) for f in figs(
        "British emigration outstripped British immigration by 52,000 in 2020.", pub)] == [
        ("net_migration", "british", -52_000)]
    f = only("Some 30,000 more EU citizens left than arrived in 2020.", pub)
    assert (f.flow, f.value, f.kind, f.breakdown_value) == ("net_migration", -30_000, "estimate", "eu")
    f = only("Net emigration of British citizens was more than 60,000 in 2020.", pub)
    assert (f.value, f.qualifier) == (-60_000, "at_most")
    # fewer leaving than a year before is still a change in departures
    f = only("Emigration fell in 2020: 32,000 fewer people left than in 2019.", pub)
    assert (f.kind, f.flow, f.value) == ("change", "emigration", 32_000)


def test_a_group_named_first_frames_every_number_of_its_sentence():
    text = "Net migration was 200,000 in 2019. Among non-EU citizens, 380,000 arrived and 90,000 left."
    got = [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2020, 5, 21))][1:]
    assert got == [("immigration", "non_eu", 380_000), ("emigration", "non_eu", 90_000)]


def test_a_timeline_labels_note_gives_the_month_of_its_year():
    text = ("Net migration, year by year\n\n"
            "2013 – 209,000 (calendar year)\n2014 – 254,000 (year ending March)\n2015 – 297,000 (YE Sep)\n")
    assert [(f.flow, f.period_end, f.value) for f in figs(text, date(2016, 2, 25))] == [
        ("net_migration", date(2013, 12, 31), 209_000), ("net_migration", date(2014, 3, 31), 254_000),
        ("net_migration", date(2015, 9, 30), 297_000)]


def test_a_figure_after_a_sentence_about_counted_things_is_of_those_things():
    text = ("Net migration in 2018 was 258,000.\n\n"
            "Q: Why do so many more people register for National Insurance numbers?\n\n"
            "A: The DWP figure is 600,000 in the year to March, but it counts short stays.")
    assert [(f.flow, f.value) for f in figs(text, date(2019, 5, 23))] == [("net_migration", 258_000)]


def test_a_question_naming_one_group_gives_the_group_of_its_answer():
    text = ("Q: How many people came in 2016?\nA: About 588,000.\n\n"
            "Q: And the Romanians and Bulgarians?\nA: 48,000 of the arrivals.")
    assert [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2017, 5, 25))] == [
        ("immigration", None, 588_000), ("immigration", "eu2", 48_000)]


def test_abbreviations_do_not_end_a_sentence_and_name_their_flows():
    text = "Net migr. 208k in the year to June 2025. Imm. 884k, emig. 676k. Arrivals: non-EU 702k | EU 74k | Brits 108k"
    assert [(f.flow, f.breakdown_value, f.value) for f in figs(text, date(2025, 11, 27))] == [
        ("net_migration", None, 208_000), ("immigration", None, 884_000), ("emigration", None, 676_000),
        ("immigration", "non_eu", 702_000), ("immigration", "eu", 74_000), ("immigration", "british", 108_000)]
    f = only("Figures out today show approx. 872,000 people moved to the UK in the year to June 2025.")
    assert f.sentence.startswith("Figures out today")


def test_the_size_of_a_poll_written_n_equals_is_not_a_flow():
    text = "Net migration was 204,000 in the year to June 2025.\nPoll: 6 in 10 say immigration too high (YouGov, n=2,104)"
    assert [f.value for f in figs(text, date(2025, 11, 27))] == [204_000]


def test_those_twelve_months_are_the_last_period_talked_about_across_a_paragraph_break():
    text = ("First figure for 2023 comes in at 685,000\n\n"
            "The ONS raised its estimate of net migration in the year to June 2023 to 740,000, alongside its first "
            "estimate for calendar year 2023.\n\n"
            "Under the revised figures, arrivals over those twelve months totalled 1,230,000.")
    got = {f.value: f.period_end for f in figs(text, date(2024, 5, 23))}
    assert got[1_230_000] == date(2023, 6, 30)
    text = ("In the year to June 2011, 566,000 people arrived. In the twelve months that followed, arrivals fell "
            "to 515,000.\n\nSome 80,000 Britons came home over the same period.")
    assert {f.value: f.period_end for f in figs(text, date(2012, 11, 29))}[80_000] == date(2012, 6, 30)


def test_a_chronology_under_a_headline_takes_the_headlines_flow():
    text = ("Chronology: ten years of net migration\n\n"
            "Below is the decade as the series now records it, one line a year.\n\n"
            "2014 – 254,000 (year ending March)\n2015 – 297,000 (calendar year)\n")
    assert [(f.flow, f.period_end, f.value) for f in figs(text, date(2016, 2, 25))] == [
        ("net_migration", date(2014, 3, 31), 254_000), ("net_migration", date(2015, 12, 31), 297_000)]


def test_below_that_peak_is_a_change():
    f = figs("Net migration was 228,000 in the year to June 2019. It is 102,000 below that 2016 peak.", date(2019, 11, 28))
    assert (f[1].kind, f[1].direction, f[1].value) == ("change", "down", 102_000)


def test_ye_with_a_two_digit_year_and_a_year_labelling_its_colon():
    text = ("09:30 UK net migr. 208k YE Jun 25, down 644k y/y\n"
            "09:40 ONS rev. 2024: net 355k (imm. 941k, emig. 586k)\n")
    got = {f.value: (f.flow, f.period_end) for f in figs(text, date(2025, 11, 27))}
    assert got[208_000] == ("net_migration", date(2025, 6, 30))
    assert got[355_000] == ("net_migration", date(2024, 12, 31)) and got[586_000] == ("emigration", date(2024, 12, 31))
    # "the 12 months to June 30" is a day of the month, not 2030
    f = only("Australia's net overseas migration was 446,000 in the 12 months to June 30.", date(2024, 12, 12))
    assert f.period_end == date(2024, 6, 30)


def test_a_bare_number_takes_the_flow_the_next_sentence_points_back_with():
    text = ("Few candidates will say the number.\n\n"
            "It is 612,000. That was the population boost from migration in the year to March 2023.")
    assert [(f.flow, f.value) for f in figs(text, date(2023, 11, 23))] == [("net_migration", 612_000)]


def test_in_and_out_after_million_and_before_a_dash():
    got = [(f.flow, f.value) for f in figs("In the year to June 2023 – 1.36 million in, 0.47 million out – the "
                                            "balance was 889,000.", date(2023, 11, 23))]
    assert got == [("immigration", 1_360_000), ("emigration", 470_000), ("net_migration", 889_000)]


def test_a_country_measured_against_is_not_the_place_of_the_figure():
    text = ("Net migration to the UK was 282,000 in the year to September 2018. Critics point to Canada, which "
            "added 321,000 people through net migration over the same 12 months from a population half the size of "
            "Britain's. Canada's figure was a fraction of Britain's 282,000 relative to land area.")
    got = [(f.geography, f.value) for f in figs(text, date(2018, 11, 29))]
    assert ("Canada", 321_000) in got and ("UK", 321_000) not in got


def test_the_one_period_named_across_but_belongs_to_the_other_assertion():
    text = ("Net migration hits 685k, but last year's total was even higher\n\n"
            "Net migration was 685,000 in the year to June 2024, the ONS said.")
    assert {f.period_end for f in figs(text, date(2024, 11, 28)) if f.value == 685_000} == {date(2024, 6, 30)}


def test_a_revision_of_their_estimate_is_of_the_articles_own_flow():
    text = ("Net migration to the UK was 254,000 in 2016, the ONS said. Those arriving to study slipped to 136,000.\n\n"
            "Statisticians also revised their estimate for the year to June 2016 up from 333,000 to 341,000.")
    got = {f.value: (f.flow, f.period_end) for f in figs(text, date(2017, 5, 26))}
    assert got[341_000] == ("net_migration", date(2016, 6, 30))


def test_an_estimates_interval_is_not_a_figure():
    text = ("Net migration in the year ending June 2023 was 738,000 (95% CI: 678,000 to 798,000). Emigration was "
            "476,000, plus or minus 35,000. Immigration was 1,214,000, with a 95% confidence interval of 1,176,000 to "
            "1,252,000.")
    assert [f.value for f in figs(text, date(2023, 11, 23))] == [738_000, 476_000, 1_214_000]


def test_a_reading_the_article_later_corrects_is_quarantined():
    text = ("Sir, the official figures show that net migration is now 612,000 a year.\n\n"
            "Editor's note: the figure of 612,000 is the number of people who came to live in the UK in the year to "
            "June 2016 (immigration), not net migration.")
    got = [(f.flow, f.status) for f in figs(text, date(2016, 12, 2))]
    assert got == [("net_migration", "quarantined"), ("immigration", "valid")]
    assert "not this one" in figs(text, date(2016, 12, 2))[0].reason


def test_to_take_up_or_look_for_work_is_both_kinds_of_work():
    f = only("Some 312,000 people arrived in 2019 to take up or look for work.", date(2020, 5, 21))
    assert (f.flow, f.breakdown_value) == ("immigration", "work")


def test_a_net_total_is_net_migration():
    text = "ARRIVALS SMASH RECORD\n\nNet total of 606,000 heaps pressure on No 10\n\nImmigration was 1.2m in 2022."
    assert [(f.flow, f.value) for f in figs(text, date(2023, 5, 25))][0] == ("net_migration", 606_000)


def test_leaving_ministers_far_from_their_aim_is_no_departure():
    text = ("Net migration stood at 333,000 in the year to June 2016, leaving ministers far from their aim of "
            "bringing the figure below 100,000.")
    got = [(f.kind, f.flow, f.value) for f in figs(text, date(2016, 12, 1))]
    assert got == [("estimate", "net_migration", 333_000), ("target", "net_migration", 100_000)]


def test_since_a_period_is_where_a_change_starts():
    text = ("Net migration was 141,000 in 2025.\n\n"
            "Net migration has dropped by nearly 700,000 since it peaked in the year to June 2023.")
    f = [f for f in figs(text, date(2026, 5, 21)) if f.value == 700_000][0]
    assert (f.kind, f.period_end) == ("change", date(2025, 12, 31))


def test_above_the_estimate_given_before_is_a_change():
    text = "Net migration in the year to June 2024 was revised to 852,000. The new net figure is 134,000 above the estimate the ONS gave in November."
    f = [f for f in figs(text, date(2025, 5, 22)) if f.value == 134_000][0]
    assert (f.kind, f.direction, f.flow) == ("change", "up", "net_migration")


def test_a_forecast_word_inside_a_hyphen_aside_does_not_make_a_forecast():
    f = only("Net migration - the number most closely watched by economists forecasting the workforce - came to "
             "186,000 in 2005.", date(2006, 11, 3))
    assert (f.kind, f.period_end) == ("estimate", date(2005, 12, 31))


def test_a_list_of_reasons_after_a_sentence_about_leavers_is_of_arrivals():
    text = ("Some 567,000 people came to live in Britain in 2005. In all, 381,000 left the country, so net migration "
            "came to 186,000.\n\nFor 2005, the ONS recorded:\n\n- work (definite job): 148,000\n- formal study: 137,000\n")
    got = [(f.flow, f.breakdown_value) for f in figs(text, date(2006, 11, 3))][3:]
    assert got == [("immigration", "work_definite_job"), ("immigration", "study")]
    # a lead-in that names leaving keeps the list about leavers
    text = "Emigration by reason, 2005:\n\n- work (definite job): 88,000\n- formal study: 17,000\n"
    assert {f.flow for f in figs(text, date(2006, 11, 3))} == {"emigration"}


def test_countries_that_define_a_group_are_not_its_place_and_those_entering_arrive():
    text = ("In 1997, British citizens made up 86,000 of those entering the country. Citizens of the Old "
            "Commonwealth, that is Australia, Canada, New Zealand and South Africa, accounted for 45,000.")
    got = [(f.flow, f.breakdown_value, f.geography, f.value) for f in figs(text, date(1998, 11, 5))]
    assert got == [("immigration", "british", "UK", 86_000), ("immigration", "old_commonwealth", "UK", 45_000)]


def test_a_city_the_story_is_about_is_not_the_uk():
    text = ("Harbourton's population grew by 4,100 to 288,300 in the year to mid-2019. Some 9,800 people moved to "
            "the city from overseas and 2,900 left it for other countries.\n\n"
            "Nationally, net migration to the UK was 226,000 in the year to mid-2019.")
    got = [(f.flow, f.geography, f.value) for f in figs(text, date(2020, 6, 24))]
    assert got == [("immigration", "local area", 9_800), ("emigration", "local area", 2_900),
                   ("net_migration", "UK", 226_000)]


def test_a_speakers_figure_the_article_contradicts_is_quarantined():
    text = ("THE CLAIM\n\nThe Leader of the Opposition told MPs: \"Net migration last year was 350,000.\"\n\n"
            "THE VERDICT\n\nThe ONS estimates for 2025 show 812,000 arrivals and 641,000 departures, giving net "
            "migration of 171,000.")
    got = {f.value: (f.status, f.reason) for f in figs(text, date(2026, 5, 29))}
    assert got[350_000][0] == "quarantined" and "contradicts" in got[350_000][1]
    assert got[171_000] == ("valid", None)
    # a claim outside the article's own range for the period
    text = ("In the year to June 2025, net migration was between 240,000 and 260,000. A spokesman claimed that net "
            "migration was \"still running at half a million\".")
    assert {f.value: f.status for f in figs(text, date(2025, 11, 27))}[500_000] == "quarantined"
    # a quoted figure that agrees with the article's own is the figure
    text = "Net migration was 171,000 in 2025. \"At 171,000, it is the lowest in a decade,\" the minister said."
    assert {f.status for f in figs(text, date(2026, 5, 29))} == {"valid"}


def test_an_assumption_is_a_forecast_and_will_say_is_not():
    text = ("The OBR now assumes net migration of 315,000 a year from 2028-29. That is well above the 245,000 it "
            "assumed in its November forecast.")
    assert [(f.kind, f.value) for f in figs(text, date(2024, 3, 6))] == [("forecast", 315_000), ("forecast", 245_000)]
    f = only("For the year to June 2025, the ONS will say only that more than 700,000 people left.", date(2025, 11, 27))
    assert (f.kind, f.flow, f.period_end) == ("estimate", "emigration", date(2025, 6, 30))


def test_a_group_of_them_after_a_sentence_naming_arrivals_is_of_arrivals():
    text = ("In the year to June 2025, 948,000 people came to live in the UK. Departures are harder to pin down, "
            "and the ONS will say only that more than 700,000 people left.\n\n"
            "Put together, net migration fell sharply, but by how much they cannot yet say.\n\n"
            "The breakdown of arrivals is firmer. Non-EU nationals accounted for 781,000 of them.")
    got = [(f.flow, f.breakdown_value) for f in figs(text, date(2025, 11, 27))]
    assert got[-1] == ("immigration", "non_eu")


def test_a_total_made_up_of_arrivals_and_departures_is_the_balance():
    text = "The new reckoning for the year to June 2023 is 866,000, made up of 1,297,000 arrivals and 431,000 departures."
    assert [(f.kind, f.flow, f.value) for f in figs(text, date(2024, 11, 28))] == [
        ("estimate", "net_migration", 866_000), ("estimate", "immigration", 1_297_000),
        ("estimate", "emigration", 431_000)]


def test_a_rounder_headline_takes_the_period_of_the_figure_it_rounds():
    text = ("NET MIGRATION PEAK REVISED TO 0.87m\n\n"
            "Net migration in the year to June 2023 is now put at 866,000. For the year to June 2024 it was 728,000.")
    got = {f.raw_text: f.period_end for f in figs(text, date(2024, 11, 28))}
    assert got["0.87m"] == date(2023, 6, 30)


def test_a_group_of_the_whole_and_other_foreign_and_registrations():
    text = ("In the year to June 2013, EU citizens made up 193,000 of the arrivals. Nationals of the A8 accounted "
            "for 62,000 of the EU arrivals, and 102,000 were citizens of other foreign countries. "
            "Romanians and Bulgarians registered for 26,600 numbers in the year to September 2013.")
    got = [(f.breakdown_value, f.value) for f in figs(text, date(2013, 11, 28))]
    assert got == [("eu", 193_000), ("eu8", 62_000), ("other", 102_000)]


def test_a_group_inside_an_aside_that_closes_before_the_number_is_not_its_group():
    text = ("On the current basis, which adds asylum seekers to the survey, 327,000 people came to live in the UK "
            "in 1996. In the year to mid-2005 - just after eight central and eastern European states joined the "
            "EU - 563,000 people arrived.")
    assert [(f.flow, f.breakdown_value) for f in figs(text, date(2006, 11, 2))] == [
        ("immigration", None), ("immigration", None)]


def test_parts_of_a_whole_take_its_period_and_a_bare_number_the_group_just_named():
    text = ("In 2020, 552,000 people moved to the UK and 403,000 left.\n\n"
            "Of the 403,000 who emigrated, 91,000 were British nationals.\n\n"
            "In 2022 immigration was 1.2m.\n\n"
            "EU nationals were also leaving in large numbers. Some 172,000 emigrated in 2021.")
    got = {f.value: (f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2023, 5, 25))}
    assert got[91_000] == ("emigration", "british", date(2020, 12, 31))
    assert got[172_000] == ("emigration", "eu", date(2021, 12, 31))
    # a number with its own noun is the whole, not the group
    text = "EU nationals were also leaving in large numbers. In all, 457,000 people emigrated in 2021."
    assert only(text, date(2022, 5, 26)).breakdown_value is None


def test_text_copied_from_a_pdf_reads_across_its_hard_line_breaks():
    text = ("Main points\n"
            "• An estimated 327,000 more people came to the UK than left in the year\n"
            "ending March 2017, a level similar to recent years; 640,000 people\n"
            "immigrated and 313,000 people emi-\n"
            "grated.\n")
    got = [(f.flow, f.period_end, f.value, f.raw_text) for f in figs(text, date(2017, 8, 24))]
    assert got == [("net_migration", date(2017, 3, 31), 327_000, "327,000"),
                   ("immigration", date(2017, 3, 31), 640_000, "640,000"),
                   ("emigration", date(2017, 3, 31), 313_000, "313,000")]
    # a list of figures one per line is not a wrapped paragraph
    text = ("New figures were published for the countries\n58,000 immigrants arrived from the EU8 in 2012\n"
            "97,000 immigrants came from New Commonwealth countries in 2012\n")
    assert [f.breakdown_value for f in figs(text, date(2013, 8, 29))] == ["eu8", "new_commonwealth"]


def test_a_pdf_line_that_carries_on_into_a_figure_is_one_line():
    text = ("WHO IS LEAVING\nDepartures have proved stickier than arrivals. British nationals made up\n"
            "96,000 of those leaving in 2025, and most of the rest were former students.\n"
            "The UK is not alone. In Australia, net overseas migration dropped to\n"
            "306,000 in the year to September 2025.\n")
    got = [(f.flow, f.breakdown_value, f.geography, f.value) for f in figs(text, date(2026, 6, 2))]
    assert got == [("emigration", "british", "UK", 96_000), ("net_migration", None, "Australia", 306_000)]


def test_an_exact_value_written_again_without_its_own_flow_words_is_the_figure_already_stated():
    text = ("Net migration was 264,000 in the year to June 2014, while 591,000 people moved here.\n\n"
            "\"Two hundred and sixty-four thousand in a single year is more than a city,\" said a spokesman for a "
            "group campaigning for lower immigration.\n\n"
            "Figures for the year to September are due on 26 February 2015.")
    got = [(f.raw_text, f.flow, f.period_end, f.status) for f in figs(text, date(2014, 11, 27))]
    assert got[-1] == ("Two hundred and sixty-four thousand", "net_migration", date(2014, 6, 30), "valid")
    # a stock of the same size is still a stock
    text = "Immigration was 1.2 million in 2023. The ONS estimates that 1.2 million people living here hold a visa."
    assert len(figs(text, date(2024, 5, 23))) == 1


def test_lower_case_social_copy_vs_and_came_to_find_one():
    text = ("2/5 net migration in the year to september 2011: 212k.\n"
            "3/5 study is still the biggest single reason people come: 238k came to study vs 176k for work.\n"
            "4/5 emigration at 362k is well down on the 2008 high. fewer brits heading for spain since the crash.\n")
    got = {f.value: (f.flow, f.breakdown_value) for f in figs(text, date(2012, 5, 24))}
    assert got[238_000] == ("immigration", "study") and got[176_000] == ("immigration", "work")
    assert got[362_000] == ("emigration", None)
    text = ("Work was the leading reason in the year to March 2019, cited by 203,000 people – 139,000 who already had "
            "a job lined up and 64,000 who came to find one.")
    assert {f.value: f.breakdown_value for f in figs(text, date(2019, 8, 22))}[64_000] == "work_looking_for_job"


def test_a_year_a_country_entered_the_bloc_dates_no_figure():
    text = ("In the year to June 2008, 562,000 people came to Britain. Migrants from Poland and the seven other A8 "
            "states that entered the bloc in 2004 numbered 84,000.")
    assert {f.value: f.period_end for f in figs(text, date(2008, 11, 27))}[84_000] == date(2008, 6, 30)


def test_a_countrys_adjective_before_a_flow_names_it_and_more_than_left_reads_far():
    text = ("UK net migration in 2015 was 333,000. Put another way, roughly 0.33 million more people came to live "
            "in Britain than left it. The Federal Statistical Office puts German net immigration in 2015 at 1,139,000.")
    got = [(f.kind, f.geography, f.value) for f in figs(text, date(2016, 5, 26))]
    assert got == [("estimate", "UK", 333_000), ("estimate", "UK", 330_000), ("estimate", "Germany", 1_139_000)]


def test_the_city_of_finance_and_the_towns_mp_are_not_a_local_area():
    text = ("Net migration fell to 725,000 in the year to June 2024, more than many in the City had predicted. "
            "The town's MP said the Government's ambition to bring net migration below 100,000 was nowhere near met.")
    assert {f.geography for f in figs(text, date(2024, 11, 28))} == {"UK"}


def test_people_a_charity_helped_and_crossings_that_stand_at_are_not_flows():
    text = ("Net migration was 175,000 in 2012. The drop-in centre had helped 1,214 people over the past twelve months. "
            "Channel crossings in small boats stand at 27,931 for the year to date.")
    assert [f.value for f in figs(text, date(2013, 8, 29))] == [175_000]


def test_a_flattened_table_reads_each_label_above_its_number_and_another_countrys_years_are_its_own():
    text = ("Table 1: UK long-term international migration, 2025\nFlow\nEstimate\nImmigration\n651,000\n"
            "Emigration\n448,000\n")
    assert [(f.flow, f.value) for f in figs(text, date(2026, 6, 2))] == [("immigration", 651_000), ("emigration", 448_000)]
    text = ("Ireland, which counts in years to April, recorded 69,300 arrivals in the year to April 2015.\n\n"
            "• UK, 2015: net 333,000\n")
    assert {f.value: f.period_end for f in figs(text, date(2016, 5, 26))}[333_000] == date(2015, 12, 31)


def test_more_moved_here_than_moved_away_reads_across_a_long_middle_and_taking_up_a_course_is_study():
    text = ("According to the ONS, 196,000 more people moved to the UK for at least a year in 2009 than moved away, "
            "compared with 163,000 in 2008. Some 211,000 people arrived to take up a course in 2009.")
    got = [(f.kind, f.flow, f.breakdown_value, f.period_end) for f in figs(text, date(2010, 8, 26))]
    assert got == [("estimate", "net_migration", None, date(2009, 12, 31)),
                   ("estimate", "net_migration", None, date(2008, 12, 31)),
                   ("estimate", "immigration", "study", date(2009, 12, 31))]


def test_more_arriving_than_leaving_and_a_job_as_their_reason():
    text = ("Net migration reached 252,000 in 2010. That's roughly a quarter of a million more people arriving than "
            "leaving over the year, and it is up 56,000 on the year before. Nationally, 203,000 people gave a job as "
            "their reason for coming.")
    got = [(f.kind, f.flow, f.breakdown_value) for f in figs(text, date(2011, 5, 26))]
    assert got == [("estimate", "net_migration", None), ("estimate", "net_migration", None),
                   ("change", "net_migration", None), ("estimate", "immigration", "work")]


def test_the_balance_in_other_words():
    pub = date(2020, 5, 21)
    assert only("The ONS puts the difference at 271,000 for 2019.", pub).flow == "net_migration"
    got = [(f.flow, f.value) for f in figs("The new total for 2015 is 346,000, with 657,000 arriving and 311,000 leaving.", pub)]
    assert got == [("net_migration", 346_000), ("immigration", 657_000), ("emigration", 311_000)]
    text = ("Net migration to the UK - the number of people arriving to live here minus the number leaving - was 685k "
            "in the 12 months to June 2023.")
    assert only(text, date(2023, 11, 23)).flow == "net_migration"


def test_a_figure_written_again_more_precisely_is_the_same_figure():
    text = ("Net migration falls to 693,000\n\n"
            "The ONS said roughly 1.1 million people arrived to live in the UK last year - 1,138,000 in its central "
            "estimate - and 445,000 left.\n\nLast year net migration was 301,000. An estimated 0.9 million people "
            "arrived in 2025, 872,000 to be exact, and 571,000 emigrated.")
    got = [(f.flow, f.period_end, f.value) for f in figs(text, date(2026, 5, 24))]
    assert [v for f, _, v in got if f == "immigration"] == [1_100_000, 1_138_000, 900_000, 872_000]


def test_the_rest_of_the_world_set_against_the_eu_is_non_eu():
    text = ("Immigration was 636,000 in the year to June 2015. Among arrivals, those holding the citizenship of "
            "another EU country numbered 269,000, almost as many as the 277,000 who came from the rest of the world.")
    assert [f.breakdown_value for f in figs(text, date(2015, 11, 26))] == [None, "eu", "non_eu"]
    # alone, the rest of the world is no group of ours
    assert figs("In 2015, 277,000 arrivals came from the rest of the world.", date(2016, 5, 26)) == []


def test_little_different_from_the_previous_year_is_a_base():
    text = "In 2012 immigration slipped to 512,000, while 338,000 people emigrated, little different from the previous year."
    assert {f.value: f.period_end for f in figs(text, date(2013, 8, 29))}[338_000] == date(2012, 12, 31)


def test_so_starts_another_assertion_with_its_own_period():
    text = ("Net migration fell to 693,000 in 2023.\n\nNet migration in the year to June 2023, first put at 685,000, "
            "now stands at 764,000, so last year's figure is 71,000 below the revised high point.")
    assert {f.value: f.period_end for f in figs(text, date(2024, 5, 23))}[764_000] == date(2023, 6, 30)


def test_a_universitys_students_are_enrolled_not_arriving():
    text = ("Net migration rose to 182,000 in the year to June 2013. Here at Northfield, 4,300 of the university's "
            "21,000 students come from outside the EU.")
    assert 21_000 not in {f.value for f in figs(text, date(2013, 11, 28))}
