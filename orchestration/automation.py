"""How the warehouse stays current: a daily schedule, and a sensor that starts a run when a file
in the articles folder is added or changed."""

import hashlib

import dagster as dg

from .resources import ArticlesFolder

warehouse_job = dg.define_asset_job(
    "migration_warehouse", selection=dg.AssetSelection.all(),
    description="Ingest the articles folder, extract figures, audit them and publish the marts.")

daily_schedule = dg.ScheduleDefinition(
    name="daily_migration_warehouse", job=warehouse_job, cron_schedule="0 6 * * *",
    execution_timezone="Europe/London", default_status=dg.DefaultScheduleStatus.RUNNING)


def folder_fingerprint(folder) -> str:
    """Changes when any article or the manifest is added, removed or rewritten."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".csv") and p.is_file()):
            stat = path.stat()
            digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=warehouse_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Starts a run when an article or the manifest is added or changed.")
def new_articles_sensor(context: dg.SensorEvaluationContext, articles: ArticlesFolder):
    fingerprint = folder_fingerprint(articles.folder)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no new or changed files in {articles.folder}")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)
