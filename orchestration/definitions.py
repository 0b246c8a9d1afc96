"""The one Definitions object of the code location."""
import dagster as dg

from .automation import daily_schedule, new_articles_sensor, warehouse_job
from .charts import migration_flows_chart
from .checks import asset_checks, claim_checks_check
from .claims import marts_claim_checks, staging_claim_checks
from .extract import ExtractionSettings, core_figures
from .ingest import raw_articles
from .publish import publish_marts, staging_marts
from .resources import articles_from_env, warehouse_from_env

defs = dg.Definitions(
    assets=[raw_articles, core_figures, staging_marts, publish_marts, staging_claim_checks, marts_claim_checks,
            migration_flows_chart],
    asset_checks=[*asset_checks, claim_checks_check],
    jobs=[warehouse_job],
    schedules=[daily_schedule],
    sensors=[new_articles_sensor],
    resources={"warehouse": warehouse_from_env(), "articles": articles_from_env(),
               "extraction": ExtractionSettings()},
    # One process per run: DuckDB takes one writer at a time, so parallel steps would only queue,
    # and each extra process would pay the imports again.
    executor=dg.in_process_executor,
)
