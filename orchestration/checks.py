"""Great Expectations suites as blocking Dagster asset checks. Each result carries a markdown table
of expectations with observed values and the offending rows, and is written to
quality.check_results so the publish step (and SQL users) can read it."""

from datetime import datetime, timezone

import dagster as dg
import pandas as pd

from .claims import STAGING_CLAIM_CHECKS
from .extract import CORE_FIGURES
from .publish import STAGING_BREAKDOWNS, STAGING_FLOWS
from .resources import Warehouse, sql_statements

SUITE_ASSETS = {"figures": CORE_FIGURES, "migration_flows": STAGING_FLOWS, "migration_breakdowns": STAGING_BREAKDOWNS,
                "claim_checks": STAGING_CLAIM_CHECKS}
# The staged build each suite audits (the figures suite audits core.figures, before any build).
SUITE_BUILDS = {"migration_flows": "staging.build", "migration_breakdowns": "staging.build",
                "claim_checks": "staging.claim_build"}


def run_suite(context, warehouse: Warehouse, suite: str) -> dg.AssetCheckResult:
    from expectations.bridge import validate  # GE costs seconds to import: only when a check runs

    asset = SUITE_ASSETS[suite]
    with warehouse.connect() as con:
        (query,) = sql_statements(f"check_{suite}")
        frame = con.execute(query, {"everything": False} if "$everything" in query else None).df()
        unaudited = [a for (a,) in con.execute("select article_id from core.extractions where audited_at is null")
                     .fetchall()] if suite == "figures" else []
        # the figures suite audits core.figures before staging is rebuilt, so it names no build
        build = (con.execute(f"select max(build_id) from {SUITE_BUILDS[suite]}").fetchone()[0]
                 if suite in SUITE_BUILDS else None)
    report = validate(suite, frame)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = pd.DataFrame([{"run_id": context.run.run_id, "build_id": build, "asset": asset.to_user_string(),
                          "suite": suite, "expectation": o.expectation, "success": o.success,
                          "observed_value": o.observed_value, "unexpected_count": o.unexpected_count,
                          "checked_at": now} for o in report.outcomes])
    with warehouse.connect() as con:
        con.register("outcomes", rows)
        con.execute("insert into quality.check_results select * from outcomes")
        if unaudited and report.success:  # what passed need not be validated again
            con.execute("update core.extractions set audited_at = $now where article_id in (select unnest($ids))",
                        {"now": now, "ids": unaudited})
    failed = [o for o in report.outcomes if not o.success]
    return dg.AssetCheckResult(
        passed=report.success, severity=dg.AssetCheckSeverity.ERROR,
        metadata={"suite": suite, "rows_validated": report.row_count,
                  "expectations": len(report.outcomes), "failed_expectations": len(failed),
                  "results": dg.MetadataValue.md(report.markdown()),
                  "offending_rows": dg.MetadataValue.md(report.offending_markdown())})


def _suite_check(suite: str, description: str):
    @dg.asset_check(asset=SUITE_ASSETS[suite], name=f"{suite}_suite", blocking=True, description=description)
    def check(context: dg.AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
        return run_suite(context, warehouse, suite)
    return check


asset_checks = [
    _suite_check("figures", "Vocabulary, value ranges per flow, periods within 1964..publication, offsets that "
                            "point at the raw text, unique figure ids."),
    _suite_check("migration_flows", "One row per period; immigration - emigration = net migration within the "
                                    "figures' precision; plausible ranges."),
    _suite_check("migration_breakdowns", "Vocabulary; breakdowns within their totals; complete splits add up."),
]

# Audits the claim checks before marts/claim_checks publishes them; kept apart from `asset_checks`
# (the marts' suites) because it checks an asset downstream of the published marts.
claim_checks_check = _suite_check("claim_checks", "Known claim types, comparisons and verdicts; every claim "
                                                  "linked to its article (and figure); computed values present "
                                                  "unless unverifiable; offsets point at the raw text.")
