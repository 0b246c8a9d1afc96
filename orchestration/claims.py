"""Claims checked against the warehouse's own estimates, write-audit-publish like the marts.

`staging/claim_checks` finds every claim in the articles (`transforms/claims.py`) and holds it
against the published marts (`warehouse/sql/build_claim_checks.sql`); the blocking `claim_checks`
suite audits it; `marts/claim_checks` replaces the published table in one transaction, and only
when that suite passed on this very build."""

import uuid

import dagster as dg


from .extract import CORE_FIGURES
from .publish import MARTS, PublishBlocked
from .resources import Warehouse, run_sql

STAGING_CLAIM_CHECKS = dg.AssetKey(["staging", "claim_checks"])
MART_CLAIM_CHECKS = dg.AssetKey(["marts", "claim_checks"])


def _verdict_markdown(con) -> str:
    rows = con.execute("""
        select claim_type, verdict, count(*) from staging.claim_checks group by all order by 1, 2""").fetchall()
    if not rows:
        return "No claims found."
    return "\n".join(["| claim_type | verdict | claims |", "|---|---|---|"]
                     + [f"| {t} | {v} | {n} |" for t, v, n in rows])


@dg.asset(key=STAGING_CLAIM_CHECKS, deps=[MARTS["migration_flows"], MARTS["migration_breakdowns"], CORE_FIGURES],
          group_name="staging", kinds={"duckdb", "python"},
          description="Every claim in the articles (change, ratio, bound, record, forecast, target) with its "
                      "speaker, held against the published marts: a verdict and a one-line explanation. "
                      "Audited before it is published.")
def staging_claim_checks(context: dg.AssetExecutionContext, warehouse: Warehouse):
    build_id = uuid.uuid4().hex
    with warehouse.connect() as con:
        con.begin()
        con.execute("delete from staging.claims")
        # claims were found when their articles were extracted (core.claims); here they meet the marts
        con.execute("insert into staging.claims select * from core.claims")
        run_sql(con, "build_claim_checks", build_id=build_id, run_id=context.run.run_id)
        con.commit()
        rows = con.execute("select count(*) from staging.claim_checks").fetchone()[0]
        verdicts = _verdict_markdown(con)
        articles = con.execute("select count(distinct article_id) from staging.claims").fetchone()[0]
    return dg.MaterializeResult(metadata={"build_id": build_id, "rows": rows, "articles_with_claims": articles,
                                          "verdicts": dg.MetadataValue.md(verdicts)})


def claim_audit_gate(con) -> str:
    """The staged claim checks may be published only if their suite passed on this very build."""
    build = con.execute("select max(build_id) from staging.claim_build").fetchone()[0]
    if build is None:
        raise PublishBlocked("no staged claim checks to publish: materialize staging/claim_checks first")
    passed, evaluated = con.execute("""
        select bool_and(success), count(*) from quality.check_results
        where suite = 'claim_checks' and build_id = $build""", {"build": build}).fetchone()
    if not evaluated or not passed:
        raise PublishBlocked(f"claim checks build {build} not published: the claim_checks suite "
                             f"{'failed' if evaluated else 'did not run'}; the published table is unchanged")
    return build


@dg.asset(key=MART_CLAIM_CHECKS, deps=[STAGING_CLAIM_CHECKS], group_name="marts", kinds={"duckdb"},
          description="One row per claim found in the articles, with its speaker, the value computed from "
                      "marts.migration_flows, the estimates used and a verdict.")
def marts_claim_checks(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:
        con.begin()
        build = claim_audit_gate(con)
        run_sql(con, "publish_claim_checks")
        con.commit()
        rows = con.execute("select count(*) from marts.claim_checks").fetchone()[0]
        preview = con.execute("""
            select article_id, speaker, claim_type, raw_text, verdict, explanation
            from marts.claim_checks order by article_id, char_start limit 50""").df()
    return dg.MaterializeResult(metadata={
        "build_id": build, "rows": rows, "preview": dg.MetadataValue.md(preview.to_markdown(index=False))})
