"""Print what the last run left in the warehouse: rows per mart, the latest check results and what
was held back. Opens the DuckDB file read-only, as any reader should.

usage: python tools/summary.py [WAREHOUSE]   (default: $MIGRATION_WAREHOUSE or warehouse/migration.duckdb)
"""
import os
import sys
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]


def main(path: str) -> int:
    path = Path(path) if Path(path).is_absolute() else REPO / path
    if not path.exists():
        print(f"no warehouse at {path}: run `make run` first")
        return 1
    for attempt in range(60):  # a pipeline step may hold the file for a moment: wait for it
        try:
            con = duckdb.connect(str(path), read_only=True)
            break
        except duckdb.IOException:
            if attempt == 59:
                raise
            time.sleep(1)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    print(f"warehouse {path}")
    articles, issues = q("select (select count(*) from raw.articles), (select count(*) from quality.ingest_issues)")[0]
    print(f"  raw.articles                {articles:>6} articles ({issues} ingest issues in quality.ingest_issues)")
    for table in ("core.figures", "marts.migration_flows", "marts.migration_breakdowns", "marts.figure_revisions",
                  "marts.claim_checks", "quality.quarantine"):
        print(f"  {table:<27} {q(f'select count(*) from {table}')[0][0]:>6} rows")
    checks = q("""
        with latest as (select suite, max(checked_at) as at from quality.check_results group by suite)
        select c.suite, count(*), count(*) filter (where c.success)
        from quality.check_results c join latest l on c.suite = l.suite and c.checked_at = l.at
        group by c.suite order by c.suite""")
    for suite, total, passed in checks:
        print(f"  check {suite:<21} {passed}/{total} expectations passed {'OK' if passed == total else 'FAILED'}")
    held = q("select check_name, count(*) from quality.quarantine group by 1 order by 1")
    print("  quarantined: " + (", ".join(f"{n} ({c})" for n, c in held) if held else "nothing"))
    verdicts = q("select verdict, count(*) from marts.claim_checks group by 1 order by 1")
    print("  claim verdicts: " + (", ".join(f"{v} ({c})" for v, c in verdicts) if verdicts else "no claims"))
    print("\nmarts.migration_flows:")
    print(con.execute("select period_end, immigration, emigration, net_migration, vintage "
                      "from marts.migration_flows order by period_end").df().to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("MIGRATION_WAREHOUSE")
                  or "warehouse/migration.duckdb"))
