"""The code location: it loads, its asset graph is what reviews expect, and its automation fires."""
import dagster as dg

from orchestration.automation import daily_schedule, new_articles_sensor
from orchestration.definitions import defs
from orchestration.resources import ArticlesFolder


def test_asset_keys_and_checks_snapshot():
    # A rename shows up here in review: the contract's tables are the asset keys.
    graph = defs.resolve_asset_graph()
    assert sorted(k.to_user_string() for k in graph.get_all_asset_keys()) == [
        "core/figures", "marts/claim_checks", "marts/figure_revisions", "marts/migration_breakdowns",
        "marts/migration_flows", "quality/quarantine", "raw/articles", "reports/migration_flows_chart",
        "staging/claim_checks", "staging/figure_revisions", "staging/migration_breakdowns", "staging/migration_flows"]
    checks = {k.to_user_string() for k in graph.asset_check_keys}
    assert checks == {"core/figures:figures_suite", "staging/migration_flows:migration_flows_suite",
                      "staging/migration_breakdowns:migration_breakdowns_suite",
                      "staging/claim_checks:claim_checks_suite"}
    for key in graph.asset_check_keys:
        assert graph.get_check_spec(key).blocking


def test_marts_are_downstream_of_every_audited_asset():
    graph = defs.resolve_asset_graph()
    upstream = graph.get(dg.AssetKey(["marts", "migration_flows"])).parent_keys
    assert dg.AssetKey(["staging", "migration_flows"]) in upstream
    # claims are judged against the published marts and published only after their own audit
    assert graph.get(dg.AssetKey(["marts", "claim_checks"])).parent_keys == {dg.AssetKey(["staging", "claim_checks"])}
    assert dg.AssetKey(["marts", "migration_flows"]) in graph.get(dg.AssetKey(["staging", "claim_checks"])).parent_keys
    assert dg.AssetKey(["marts", "migration_flows"]) in graph.get(
        dg.AssetKey(["reports", "migration_flows_chart"])).parent_keys


def test_daily_schedule_requests_the_whole_job():
    context = dg.build_schedule_context(scheduled_execution_time=None)
    request = daily_schedule.evaluate_tick(context).run_requests[0]
    assert daily_schedule.job_name == "migration_warehouse" and daily_schedule.cron_schedule == "0 6 * * *"
    assert isinstance(request, dg.RunRequest)


def test_sensor_runs_once_per_new_or_changed_file(tmp_path):
    folder = ArticlesFolder(path=str(tmp_path))
    (tmp_path / "a.txt").write_text("Net migration was 300,000 in 2019.")
    first = new_articles_sensor(dg.build_sensor_context(cursor=None, resources={"articles": folder}))
    assert isinstance(first, dg.RunRequest)
    cursor = first.run_key
    unchanged = new_articles_sensor(dg.build_sensor_context(cursor=cursor, resources={"articles": folder}))
    assert isinstance(unchanged, dg.SkipReason)
    (tmp_path / "b.txt").write_text("Immigration was 600,000 in 2019.")
    added = new_articles_sensor(dg.build_sensor_context(cursor=cursor, resources={"articles": folder}))
    assert isinstance(added, dg.RunRequest) and added.run_key != cursor


def test_resources_follow_the_contract_environment(monkeypatch, tmp_path):
    import importlib

    import orchestration.definitions as module
    monkeypatch.setenv("MIGRATION_WAREHOUSE", str(tmp_path / "x.duckdb"))
    monkeypatch.setenv("MIGRATION_ARTICLES_DIR", str(tmp_path))
    reloaded = importlib.reload(module).defs
    assert reloaded.resources["warehouse"].database == str(tmp_path / "x.duckdb")
    assert reloaded.resources["articles"].path == str(tmp_path)
    monkeypatch.delenv("MIGRATION_WAREHOUSE")
    monkeypatch.delenv("MIGRATION_ARTICLES_DIR")
    assert importlib.reload(module).defs.resources["warehouse"].database == "warehouse/migration.duckdb"
