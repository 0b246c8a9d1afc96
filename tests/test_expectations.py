"""The GE bridge on small handmade frames: good frames pass, each targeted defect fails exactly
the expectation meant to catch it, with the offending row mapped back to the input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from expectations import bridge
from expectations.bridge import validate
from expectations.suites import SUITES

ROOT = Path(__file__).resolve().parents[1]
NA = pd.NA


def figures() -> pd.DataFrame:
    return pd.DataFrame({
        "figure_id": ["a1-0", "a1-1", "a2-0"],
        "article_id": ["a1", "a1", "a2"],
        "kind": ["estimate", "estimate", "change"],
        "direction": [None, None, "up"],
        "flow": ["immigration", "net_migration", "immigration"],
        "breakdown_dim": [None, None, "reason"],
        "breakdown_value": [None, None, "study"],
        "geography": ["uk", "uk", "uk"],
        "period_end": pd.to_datetime(["2016-06-30", "2016-06-30", None]),
        "period_months": pd.array([12, 12, NA], dtype="Int64"),
        "value": [650_000.0, 335_000.0, 20_000.0],
        "value_high": [None, None, None],
        "precision": [1000.0, 1000.0, 1000.0],
        "qualifier": ["exact", "approximately", "at_least"],
        "status": ["valid", "valid", "quarantined"],
        "reason": [None, None, "no period"],
        "sentence": ["Immigration was 650,000.", "Net migration was about 335,000.", "Study rose by 20,000."],
        "raw_text": ["650,000", "335,000", "20,000"],
        "offsets_match": [True, True, True],
        "days_after_published": pd.array([-60, -60, NA], dtype="Int64"),
        "immigration_value": [650_000.0, None, None],
        "emigration_value": [None, None, None],
        "net_migration_value": [None, 335_000.0, None],
        "period_year": pd.array([2016, 2016, NA], dtype="Int64"),
    })


def flows() -> pd.DataFrame:
    return pd.DataFrame({
        "period_end": pd.to_datetime(["2011-12-31", "2012-09-30", "2016-06-30"]),
        "period_months": [12, 12, 12],
        "immigration": [566_000.0, 495_000.0, 650_000.0],
        "emigration": [351_000.0, 342_000.0, None],
        "net_migration": [215_000.0, 153_000.0, 335_000.0],
        "vintage": ["2013-02", "2013-02", "2016-08"],
        "article_ids": ["a1", "a1,a3", "a2"],
        "identity_excess": [-1000.0, -1000.0, None],
    })


def breakdowns() -> pd.DataFrame:
    return pd.DataFrame({
        "period_end": pd.to_datetime(["2011-12-31", "2011-12-31", "2011-12-31"]),
        "flow": ["immigration", "immigration", "immigration"],
        "breakdown_dim": ["citizenship", "citizenship", "reason"],
        "breakdown_value": ["eu8", "new_commonwealth", "study"],
        "value": [77_000.0, 151_000.0, 190_000.0],
        "vintage": ["2012-05", "2012-05", "2012-05"],
        "immigration_value": [77_000.0, 151_000.0, 190_000.0],
        "emigration_value": [None, None, None],
        "net_migration_value": [None, None, None],
        "article_ids": ["b1", "b1", "b2"],
        "total_excess": [-489_000.0, -415_000.0, None],
        "split_excess": [None, None, None],
    })


GOOD = {"figures": figures, "migration_flows": flows, "migration_breakdowns": breakdowns}


def failed(report) -> set[str]:
    return {o.expectation for o in report.outcomes if not o.success}


def outcome(report, label):
    return next(o for o in report.outcomes if o.expectation == label)


def test_suites_import_without_great_expectations():
    # The Dagster code location imports these modules; GE must stay lazy.
    code = ("import sys, expectations.suites, expectations.bridge; "
            "assert 'great_expectations' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_labels_are_unique_within_each_suite():
    for suite in SUITES.values():
        labels = [c.label for c in suite.checks]
        assert len(labels) == len(set(labels)), suite.name


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_frame_passes(name):
    report = validate(name, GOOD[name]())
    assert report.success, report.markdown()
    assert report.row_count == 3
    assert [o.expectation for o in report.outcomes] == [c.label for c in SUITES[name].checks]
    assert report.offending_markdown() == "No offending rows."


@pytest.mark.parametrize("name", sorted(GOOD))
def test_empty_frame_passes(name):
    report = validate(name, GOOD[name]().iloc[0:0])
    assert report.success, report.markdown()
    assert report.row_count == 0


def test_empty_frame_of_untyped_columns_passes():
    report = validate("figures", pd.DataFrame(columns=figures().columns))
    assert report.success, report.markdown()


def test_unknown_flow_fails_in_set_with_offending_article():
    df = figures()
    df.loc[1, "flow"] = "tourism"
    report = validate("figures", df)
    assert not report.success
    assert failed(report) == {"expect_column_values_to_be_in_set(flow)"}
    o = outcome(report, "expect_column_values_to_be_in_set(flow)")
    assert o.unexpected_count == 1
    assert o.observed_value == "1 of 3 unexpected"
    assert o.offending_rows == [{"article_id": "a1", "figure_id": "a1-1", "raw_text": "335,000",
                                 "sentence": "Net migration was about 335,000.", "reason": None}]


def test_null_flow_fails_not_null():
    df = figures()
    df.loc[0, "flow"] = None
    assert failed(validate("figures", df)) == {"expect_column_values_to_not_be_null(flow)"}


def test_offsets_mismatch_fails():
    df = figures()
    df.loc[2, "offsets_match"] = False
    report = validate("figures", df)
    assert failed(report) == {"expect_column_values_to_be_in_set(offsets_match)"}
    rows = outcome(report, "expect_column_values_to_be_in_set(offsets_match)").offending_rows
    assert [r["figure_id"] for r in rows] == ["a2-0"]


def test_duplicate_figure_id_reports_both_rows():
    df = figures()
    df.loc[2, "figure_id"] = "a1-0"
    report = validate("figures", df)
    assert failed(report) == {"expect_column_values_to_be_unique(figure_id)"}
    rows = outcome(report, "expect_column_values_to_be_unique(figure_id)").offending_rows
    assert [r["article_id"] for r in rows] == ["a1", "a2"]


def test_figure_published_before_its_period_ends_fails():
    df = figures()
    df["days_after_published"] = pd.array([-60, 5, NA], dtype="Int64")
    df.loc[1, "immigration_value"] = -5.0
    report = validate("figures", df)
    assert failed(report) == {"expect_column_values_to_be_between(days_after_published)",
                              "expect_column_values_to_be_between(immigration_value)"}


def test_negative_immigration_fails():
    df = flows()
    df.loc[1, "immigration"] = -1.0
    report = validate("migration_flows", df)
    assert failed(report) == {"expect_column_values_to_be_between(immigration)"}
    rows = outcome(report, "expect_column_values_to_be_between(immigration)").offending_rows
    assert rows == [{"period_end": "2012-09-30", "vintage": "2013-02", "article_ids": "a1,a3"}]


def test_identity_excess_fails():
    df = flows()
    df.loc[0, "identity_excess"] = 5.0
    report = validate("migration_flows", df)
    assert failed(report) == {"expect_column_values_to_be_between(identity_excess)"}
    assert outcome(report, "expect_column_values_to_be_between(identity_excess)").offending_rows[0][
        "period_end"] == "2011-12-31"


def test_duplicated_period_end_fails():
    df = flows()
    df.loc[2, "period_end"] = df.loc[0, "period_end"]
    report = validate("migration_flows", df)
    assert failed(report) == {"expect_column_values_to_be_unique(period_end)"}
    assert outcome(report, "expect_column_values_to_be_unique(period_end)").unexpected_count == 2


def test_breakdown_exceeding_total_fails():
    df = breakdowns()
    df.loc[1, "total_excess"] = 12_000.0
    report = validate("migration_breakdowns", df)
    assert failed(report) == {"expect_column_values_to_be_between(total_excess)"}
    rows = outcome(report, "expect_column_values_to_be_between(total_excess)").offending_rows
    assert rows == [{"period_end": "2011-12-31", "flow": "immigration",
                     "breakdown_value": "new_commonwealth", "vintage": "2012-05", "article_ids": "b1"}]


def test_a_groups_net_migration_may_be_negative_but_its_arrivals_may_not():
    df = breakdowns()
    df.loc[2, ["flow", "breakdown_dim", "breakdown_value", "value"]] = ["net_migration", "citizenship", "eu", -63_000.0]
    df.loc[2, ["immigration_value", "net_migration_value"]] = [None, -63_000.0]
    assert validate("migration_breakdowns", df).success
    df.loc[0, ["value", "immigration_value"]] = [-77_000.0, -77_000.0]
    assert failed(validate("migration_breakdowns", df)) == {"expect_column_values_to_be_between(immigration_value)"}


def test_duplicate_breakdown_key_fails_compound_uniqueness():
    df = breakdowns()
    df.loc[1, "breakdown_value"] = "eu8"
    df.loc[1, "split_excess"] = 3.0
    report = validate("migration_breakdowns", df)
    assert failed(report) == {
        "expect_compound_columns_to_be_unique(period_end, flow, breakdown_dim, breakdown_value)",
        "expect_column_values_to_be_between(split_excess)"}


def test_null_breakdown_value_fails_in_breakdowns():
    df = breakdowns()
    df.loc[0, "breakdown_value"] = None
    assert failed(validate("migration_breakdowns", df)) == {
        "expect_column_values_to_not_be_null(breakdown_value)"}


def test_same_suite_twice_and_non_default_index():
    bad = flows()
    bad.loc[2, "identity_excess"] = 5.0
    bad.index = [70, 80, 90]  # offending rows are mapped by position, not by the caller's labels
    first, second, third = (validate("migration_flows", d) for d in (flows(), bad, flows()))
    assert first.success and third.success and not second.success
    rows = outcome(second, "expect_column_values_to_be_between(identity_excess)").offending_rows
    assert rows == [{"period_end": "2016-06-30", "vintage": "2016-08", "article_ids": "a2"}]


def test_missing_column_is_an_exception_and_a_failure():
    report = validate("migration_flows", flows().drop(columns=["identity_excess"]))
    o = outcome(report, "expect_column_values_to_be_between(identity_excess)")
    assert not report.success and not o.success
    assert "identity_excess" in o.exception and o.observed_value.startswith("error:")


def test_silently_dropped_expectation_fails_the_suite(monkeypatch):
    build = bridge._build_ge_suite

    def drop_last(suite):
        ge_suite = build(suite)
        ge_suite.expectations.pop()
        return ge_suite

    monkeypatch.setattr(bridge, "_build_ge_suite", drop_last)
    report = validate("migration_flows", flows())
    assert not report.success
    assert outcome(report, "expect_column_values_to_be_between(identity_excess)").observed_value == "not evaluated"


def test_markdown_and_json_friendly_rows():
    df = figures()
    df.loc[0, "flow"] = "tourism"
    df.loc[0, "sentence"] = "a | b " + "x" * 500
    report = validate("figures", df)
    table = report.markdown()
    for label in (c.label for c in SUITES["figures"].checks):
        assert label in table
    assert "| expect_column_values_to_be_in_set(flow) | ❌ | 1 of 3 unexpected | 1 |" in table
    assert "✅" in table
    offending = report.offending_markdown()
    assert offending.splitlines()[0] == "| expectation | article_id | figure_id | raw_text | sentence | reason |"
    assert "a \\| b" in offending and "x" * 201 not in offending
    json.dumps([o.offending_rows for o in report.outcomes])
    # period_end as a date string, not a Timestamp, when the suite shows it
    fl = flows()
    fl.loc[0, "identity_excess"] = 3.0
    rows = outcome(validate("migration_flows", fl), "expect_column_values_to_be_between(identity_excess)").offending_rows
    assert json.loads(json.dumps(rows)) == [{"period_end": "2011-12-31", "vintage": fl.loc[0, "vintage"],
                                             "article_ids": "a1"}]
