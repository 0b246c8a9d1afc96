"""The warehouse job, unchanged, on Dagster's Dask executor: built here as a module-level function
so Dask workers can reconstruct it."""
import dagster as dg
from dagster_dask import dask_executor

from orchestration.definitions import defs
from orchestration.extract import ExtractionSettings
from orchestration.resources import articles_from_env, warehouse_from_env


def dask_defs() -> dg.Definitions:
    job = dg.define_asset_job("migration_warehouse", selection=dg.AssetSelection.all(), executor_def=dask_executor)
    return dg.Definitions(
        assets=defs.assets, asset_checks=defs.asset_checks, jobs=[job],
        # Dask runs the extraction batches side by side, one per worker: no process pool inside them
        resources={"warehouse": warehouse_from_env(), "articles": articles_from_env(),
                   "extraction": ExtractionSettings(workers=1)})


def warehouse_job_on_dask():
    return dask_defs().get_job_def("migration_warehouse")
