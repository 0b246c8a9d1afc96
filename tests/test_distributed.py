"""The same job on a distributed executor (dagster-dask, local cluster) gives the same marts."""
import dagster as dg

from conftest import FIXTURES, materialize_all, query

MARTS = ["marts.migration_flows", "marts.migration_breakdowns", "marts.figure_revisions", "quality.quarantine",
         "marts.claim_checks"]


def test_the_job_on_a_local_dask_cluster_builds_the_same_marts(tmp_path, monkeypatch):
    articles = FIXTURES / "dev_articles"
    reference = tmp_path / "reference.duckdb"
    assert materialize_all(articles, reference).success

    distributed = tmp_path / "dask.duckdb"
    monkeypatch.setenv("MIGRATION_ARTICLES_DIR", str(articles))
    monkeypatch.setenv("MIGRATION_WAREHOUSE", str(distributed))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    from dask_job import warehouse_job_on_dask
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(
            dg.reconstructable(warehouse_job_on_dask), instance=instance,
            run_config={"execution": {"config": {"cluster": {"local": {
                "n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}}}}})
        assert result.success
        batch_steps = [e for e in result.all_events
                       if e.is_step_success and (e.step_key or "").startswith("core__figures.extract_batch_")]
        assert len(batch_steps) == 4  # each batch a step of its own, on the Dask workers
        assert any(e.is_step_success and e.step_key == "publish_marts" for e in result.all_events)
    for table in MARTS:
        columns = "* exclude (quarantined_at)" if table == "quality.quarantine" else "*"
        assert query(distributed, f"select {columns} from {table} order by all") == \
            query(reference, f"select {columns} from {table} order by all")
