"""Figures no statistics office could have published: held back with a reason, never dropped.

The same bounds are asserted again by the Great Expectations suites on the published tables;
here they decide which figures are quarantined, there they guard against a rule being bypassed.
"""
from __future__ import annotations

from datetime import date

from .vocabulary import FIRST_PERIOD_YEAR, FLOW_BOUNDS

FIRST_PERIOD = date(FIRST_PERIOD_YEAR, 1, 31)  # the earliest 12-month period the series can hold


def quarantine_reason(figure, published: date | None) -> str | None:
    if figure.value is None:
        return "number could not be read"
    low, high = FLOW_BOUNDS[figure.flow]
    if figure.kind == "change":
        low = 0  # a change is a size; its sign lives in `direction`
    if not low <= figure.value <= high or (figure.value_high is not None and not low <= figure.value_high <= high):
        return f"implausible {figure.flow} {figure.value:,.0f}: outside [{low:,}, {high:,}]"
    if figure.period_end is not None:
        if published is not None and figure.period_end > published:
            return f"period ending {figure.period_end} is after the article's publication date {published}"
        if figure.period_end < FIRST_PERIOD:
            return f"period ending {figure.period_end} is before the series starts ({FIRST_PERIOD.year})"
    return None
