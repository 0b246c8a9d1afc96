"""Write-audit-publish. `staging/*` is rebuilt from core.figures; blocking Great Expectations
checks audit it; `marts/*` and `quality/quarantine` are replaced from staging in one transaction,
and only when every suite passed on this very staging build."""

import uuid
from datetime import datetime, timezone

import dagster as dg

from .extract import CORE_FIGURES
from .resources import Warehouse, run_sql

STAGING_FLOWS = dg.AssetKey(["staging", "migration_flows"])
STAGING_BREAKDOWNS = dg.AssetKey(["staging", "migration_breakdowns"])
STAGING_REVISIONS = dg.AssetKey(["staging", "figure_revisions"])
MARTS = {name: dg.AssetKey(["marts", name]) for name in ("migration_flows", "migration_breakdowns", "figure_revisions")}
QUARANTINE = dg.AssetKey(["quality", "quarantine"])
AUDITED_SUITES = ("figures", "migration_flows", "migration_breakdowns")


class PublishBlocked(dg.Failure):
    pass


@dg.multi_asset(
    specs=[dg.AssetSpec(STAGING_REVISIONS, deps=[CORE_FIGURES], description="Every vintage of every cell."),
           dg.AssetSpec(STAGING_FLOWS, deps=[STAGING_REVISIONS], description="Flows mart before its audit."),
           dg.AssetSpec(STAGING_BREAKDOWNS, deps=[STAGING_REVISIONS], description="Breakdowns mart before its audit.")],
    group_name="staging", can_subset=False)
def staging_marts(context: dg.AssetExecutionContext, warehouse: Warehouse):
    build_id = uuid.uuid4().hex
    with warehouse.connect() as con:
        con.begin()
        run_sql(con, "build_staging", build_id=build_id, run_id=context.run.run_id)
        con.commit()
        counts = con.execute("""
            select (select count(*) from staging.figure_revisions), (select count(*) from staging.migration_flows),
                   (select count(*) from staging.migration_breakdowns), (select count(*) from staging.quarantine)
        """).fetchone()
    meta = {"build_id": build_id, "quarantined": counts[3]}
    for key, rows in zip((STAGING_REVISIONS, STAGING_FLOWS, STAGING_BREAKDOWNS), counts[:3]):
        yield dg.MaterializeResult(asset_key=key, metadata={**meta, "rows": rows})


def audit_gate(con) -> str:
    """The staging build may be published only if every suite passed on it (latest result per suite)."""
    build = con.execute("select max(build_id) from staging.build").fetchone()[0]
    if build is None:
        raise PublishBlocked("no staging build to publish: materialize staging first")
    results = dict(con.execute("""
        select suite, bool_and(success) from quality.check_results
        where build_id = $build
           or (suite = 'figures' and checked_at = (select max(checked_at) from quality.check_results
                                                    where suite = 'figures'))
        group by suite""", {"build": build}).fetchall())
    missing = [s for s in AUDITED_SUITES if s not in results]
    failed = [s for s in AUDITED_SUITES if results.get(s) is False]
    if missing or failed:
        raise PublishBlocked(
            f"staging build {build} not published: suites failed {failed or 'none'}, not run {missing or 'none'}; "
            "the published marts are unchanged")
    return build


@dg.multi_asset(
    specs=[dg.AssetSpec(MARTS["migration_flows"], deps=[STAGING_FLOWS],
                        description="One row per UK 12-month period, from its latest vintage alone."),
           dg.AssetSpec(MARTS["migration_breakdowns"], deps=[STAGING_BREAKDOWNS],
                        description="One row per period, flow and breakdown, from its latest vintage."),
           dg.AssetSpec(MARTS["figure_revisions"], deps=[STAGING_REVISIONS],
                        description="Every vintage of every published cell."),
           dg.AssetSpec(QUARANTINE, deps=[STAGING_REVISIONS], description="Figures and periods held back, with why.")],
    group_name="marts", can_subset=False)
def publish_marts(context: dg.AssetExecutionContext, warehouse: Warehouse):
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with warehouse.connect() as con:
        con.begin()
        build = audit_gate(con)
        run_sql(con, "publish_marts", published_at=now, run_id=context.run.run_id)
        con.commit()
        counts = con.execute("""
            select (select count(*) from marts.migration_flows), (select count(*) from marts.migration_breakdowns),
                   (select count(*) from marts.figure_revisions), (select count(*) from quality.quarantine)""").fetchone()
        preview = con.execute("select period_end, immigration, emigration, net_migration, vintage "
                              "from marts.migration_flows order by period_end").df()
    yield dg.MaterializeResult(asset_key=MARTS["migration_flows"], metadata={
        "build_id": build, "rows": counts[0], "preview": dg.MetadataValue.md(preview.to_markdown(index=False))})
    yield dg.MaterializeResult(asset_key=MARTS["migration_breakdowns"], metadata={"build_id": build, "rows": counts[1]})
    yield dg.MaterializeResult(asset_key=MARTS["figure_revisions"], metadata={"build_id": build, "rows": counts[2]})
    yield dg.MaterializeResult(asset_key=QUARANTINE, metadata={"build_id": build, "rows": counts[3]})
