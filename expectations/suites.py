"""The expectation suites, as plain data.

No Great Expectations import here: the Dagster code location imports this module, and GE costs
seconds to import. `bridge.py` turns these definitions into GE objects when it validates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from transforms.claims import CLAIM_TYPES, COMPARISONS, VERDICTS
from transforms.vocabulary import (BREAKDOWN_DIMS, DIRECTIONS, FIRST_PERIOD_YEAR, FLOW_BOUNDS, FLOWS, KINDS,
                                  QUALIFIERS, STATUSES)
from transforms.vocabulary import BREAKDOWN_VALUES as _VALUES_BY_DIM

BREAKDOWN_VALUES = tuple(dict.fromkeys(v for values in _VALUES_BY_DIM.values() for v in values))


@dataclass(frozen=True)
class Check:
    """One expectation: its GE type name (snake_case, as GE reports it) and its kwargs."""

    expectation: str
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """`type(column)` or `type(col1, col2)`: unique within a suite, used to match GE results."""
        cols = self.kwargs.get("column_list") or [self.kwargs.get("column", "")]
        return f"{self.expectation}({', '.join(cols)})"


@dataclass(frozen=True)
class Suite:
    name: str
    checks: tuple[Check, ...]
    offending_columns: tuple[str, ...]  # columns shown for rows that fail an expectation


def not_null(column: str) -> Check:
    return Check("expect_column_values_to_not_be_null", {"column": column})


def unique(column: str) -> Check:
    return Check("expect_column_values_to_be_unique", {"column": column})


def in_set(column: str, values, *, nullable: bool) -> list[Check]:
    # GE's in-set ignores nulls, so "not nullable" needs its own not-null expectation.
    checks = [Check("expect_column_values_to_be_in_set", {"column": column, "value_set": list(values)})]
    return checks if nullable else checks + [not_null(column)]


def between(column: str, min_value=None, max_value=None) -> Check:
    # Nulls mean "not applicable" and GE's between ignores them, as wanted.
    kwargs = {"column": column}
    if min_value is not None:
        kwargs["min_value"] = min_value
    if max_value is not None:
        kwargs["max_value"] = max_value
    return Check("expect_column_values_to_be_between", kwargs)


def _flow_bounds(column: str, flow: str) -> Check:
    return between(column, *FLOW_BOUNDS[flow])


FIGURES = Suite(
    name="figures",
    checks=(
        *in_set("kind", KINDS, nullable=False),
        *in_set("flow", FLOWS, nullable=False),
        *in_set("direction", DIRECTIONS, nullable=True),
        *in_set("breakdown_dim", BREAKDOWN_DIMS, nullable=True),
        *in_set("breakdown_value", BREAKDOWN_VALUES, nullable=True),
        *in_set("qualifier", QUALIFIERS, nullable=False),
        *in_set("status", STATUSES, nullable=False),
        unique("figure_id"),
        not_null("figure_id"),
        not_null("article_id"),
        *in_set("offsets_match", [True], nullable=False),
        _flow_bounds("immigration_value", "immigration"),
        _flow_bounds("emigration_value", "emigration"),
        _flow_bounds("net_migration_value", "net_migration"),
        between("days_after_published", max_value=0),  # a figure cannot describe a period after publication
        between("period_year", FIRST_PERIOD_YEAR, 2100),
        *in_set("period_months", [12], nullable=True),
    ),
    offending_columns=("article_id", "figure_id", "raw_text", "sentence", "reason"),
)

MIGRATION_FLOWS = Suite(
    name="migration_flows",
    checks=(
        not_null("period_end"),
        unique("period_end"),
        *in_set("period_months", [12], nullable=True),
        _flow_bounds("immigration", "immigration"),
        _flow_bounds("emigration", "emigration"),
        _flow_bounds("net_migration", "net_migration"),
        between("identity_excess", max_value=0),  # |imm - emi - net| beyond rounding tolerance
    ),
    offending_columns=("period_end", "vintage", "article_ids"),
)

MIGRATION_BREAKDOWNS = Suite(
    name="migration_breakdowns",
    checks=(
        *in_set("flow", FLOWS, nullable=False),
        *in_set("breakdown_dim", BREAKDOWN_DIMS, nullable=False),
        *in_set("breakdown_value", BREAKDOWN_VALUES, nullable=False),
        _flow_bounds("immigration_value", "immigration"),
        _flow_bounds("emigration_value", "emigration"),
        _flow_bounds("net_migration_value", "net_migration"),
        between("total_excess", max_value=0),  # a part may not exceed its flow's total
        between("split_excess", max_value=0),  # a complete split must add up to its whole
        Check("expect_compound_columns_to_be_unique",
              {"column_list": ["period_end", "flow", "breakdown_dim", "breakdown_value"]}),
    ),
    offending_columns=("period_end", "flow", "breakdown_value", "vintage", "article_ids"),
)

CLAIM_CHECKS = Suite(
    name="claim_checks",
    checks=(
        unique("claim_id"),
        not_null("claim_id"),
        *in_set("claim_type", CLAIM_TYPES, nullable=False),
        *in_set("verdict", VERDICTS, nullable=False),
        *in_set("comparison", COMPARISONS, nullable=False),
        not_null("explanation"),
        *in_set("article_linked", [True], nullable=False),  # every claim comes from an ingested article
        *in_set("figure_linked", [True], nullable=True),  # a figure claim points at its article's figure
        *in_set("computed_present", [True], nullable=True),  # a verdict other than unverifiable shows its numbers
        *in_set("offsets_match", [True], nullable=False),
    ),
    offending_columns=("article_id", "claim_id", "claim_type", "verdict", "raw_text", "sentence"),
)

SUITES: dict[str, Suite] = {s.name: s for s in (FIGURES, MIGRATION_FLOWS, MIGRATION_BREAKDOWNS, CLAIM_CHECKS)}
