"""Run a suite from `suites.py` on a pandas DataFrame with Great Expectations 1.x.

GE is imported lazily (about 3 s) and one ephemeral context, with one pandas datasource, asset and
whole-dataframe batch definition, serves every validation in the process: each call passes its
DataFrame as a batch parameter, so repeated calls never re-register names.
"""
from __future__ import annotations

import datetime as dt
import decimal
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from expectations.suites import SUITES, Check, Suite

if TYPE_CHECKING:
    import pandas as pd

MAX_OFFENDING_ROWS = 10
MAX_CELL_CHARS = 200

_lock = threading.Lock()
_batch_definition = None  # built once per process by _get_batch_definition()


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str  # e.g. "expect_column_values_to_be_in_set(flow)"
    success: bool
    observed_value: str
    unexpected_count: int
    offending_rows: list[dict]
    exception: str | None


@dataclass(frozen=True)
class SuiteReport:
    suite: str
    success: bool
    outcomes: list[ExpectationOutcome]
    row_count: int

    def markdown(self) -> str:
        lines = ["| expectation | success | observed | unexpected |", "|---|---|---|---|"]
        for o in self.outcomes:
            lines.append(f"| {_cell(o.expectation)} | {'✅' if o.success else '❌'} "
                         f"| {_cell(o.observed_value)} | {o.unexpected_count} |")
        return "\n".join(lines)

    def offending_markdown(self) -> str:
        rows = [{"expectation": o.expectation, **r}
                for o in self.outcomes if not o.success for r in o.offending_rows]
        if not rows:
            return "No offending rows."
        columns = list(dict.fromkeys(k for r in rows for k in r))
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_cell(r.get(c)) for c in columns) + " |" for r in rows]
        return "\n".join(lines)


def validate(suite_name: str, df: pd.DataFrame) -> SuiteReport:
    suite = SUITES[suite_name]
    # A fresh RangeIndex makes GE's unexpected_index_list (index labels) usable as positions.
    frame = df.reset_index(drop=True)
    if len(frame) > 10_000:  # vocabulary columns as categoricals: GE's set and null checks run about twice as fast
        for column in frame.columns:
            if frame[column].dtype == object and frame[column].nunique(dropna=True) <= 1_000:
                frame[column] = frame[column].astype("category")
    result = _get_batch_definition().get_batch(batch_parameters={"dataframe": frame}).validate(
        _build_ge_suite(suite), result_format={"result_format": "COMPLETE"})

    by_label = {}
    for r in result.results:
        cfg = r.expectation_config
        by_label[Check(cfg.type, dict(cfg.kwargs)).label] = r
    # Report in suite order; a defined expectation GE did not evaluate shows up as a failure.
    outcomes = [_outcome(c.label, by_label.get(c.label), suite, frame) for c in suite.checks]
    success = len(result.results) == len(suite.checks) and all(o.success for o in outcomes)
    return SuiteReport(suite=suite.name, success=success, outcomes=outcomes, row_count=len(frame))


def _get_batch_definition():
    global _batch_definition
    with _lock:
        if _batch_definition is None:
            import great_expectations as gx
            from great_expectations.data_context.types.base import (
                DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig)

            # Offline and non-interactive: no analytics calls, no tqdm bars in run logs.
            config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(),
                                       analytics_enabled=False,
                                       progress_bars=ProgressBarsConfig(globally=False))
            context = gx.get_context(mode="ephemeral", project_config=config)
            _batch_definition = (context.data_sources.add_pandas("warehouse")
                                 .add_dataframe_asset("frame")
                                 .add_batch_definition_whole_dataframe("whole_frame"))
        return _batch_definition


def _build_ge_suite(suite: Suite):
    # Built per call and never saved in the context, so the same name can be validated again.
    import great_expectations as gx

    ge_suite = gx.ExpectationSuite(name=suite.name)
    for check in suite.checks:
        cls = getattr(gx.expectations, "".join(p.title() for p in check.expectation.split("_")))
        ge_suite.add_expectation(cls(**check.kwargs))
    return ge_suite


def _outcome(label: str, r, suite: Suite, frame: pd.DataFrame) -> ExpectationOutcome:
    if r is None:
        return ExpectationOutcome(label, False, "not evaluated", 0, [], "expectation not evaluated by GE")
    exception = _exception_message(r.exception_info)
    res = r.result or {}
    count = int(res.get("unexpected_count") or 0)
    if exception:
        observed = f"error: {exception}"
    elif res.get("observed_value") is not None:
        observed = str(res["observed_value"])
    elif count:
        observed = f"{count} of {len(frame)} unexpected"
    else:
        observed = f"all {len(frame)} as expected"
    columns = [c for c in suite.offending_columns if c in frame.columns]
    indices = res.get("unexpected_index_list") or []
    rows = [{c: _jsonable(frame.at[i, c]) for c in columns}
            for i in indices[:MAX_OFFENDING_ROWS] if i in frame.index]
    return ExpectationOutcome(label, bool(r.success) and not exception, observed, count, rows, exception)


def _exception_message(info) -> str | None:
    # GE 1.24 gives either one flat dict or, when a metric fails, a dict keyed by metric id.
    if not info:
        return None
    parts = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    messages = [p.get("exception_message") or "exception" for p in parts if p.get("raised_exception")]
    return "; ".join(dict.fromkeys(messages)) or None


def _jsonable(value: Any) -> Any:
    """Cell value -> JSON-friendly python (dates as ISO strings, numpy scalars unwrapped)."""
    import numpy as np
    import pandas as pd

    if isinstance(value, np.datetime64):  # .item() would give integer nanoseconds
        value = pd.Timestamp(value)
    elif isinstance(value, (np.generic, np.ndarray)):
        value = value.tolist()
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        midnight = value.time() == dt.time(0) and value.tzinfo is None
        return value.date().isoformat() if midnight else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):  # DuckDB DECIMAL columns
        return float(value)
    return value


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS] + "…"
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")
