"""The quality reports where users look: `dagster dev` on 127.0.0.1, a run launched and read back
through Dagster's GraphQL API, and the asset's checks page rendered in headless Chromium."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from dagster_graphql import DagsterGraphQLClient, DagsterGraphQLClientError

from cli import REPO, cli_env
from conftest import SEEDS

CHECKS_QUERY = """
{ assetNodes { assetKey { path }
    assetChecksOrError { ... on AssetChecks { checks { name blocking
      executionForLatestMaterialization { status evaluation { success
        metadataEntries { label ... on MarkdownMetadataEntry { mdStr } } } } } } } } }"""
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ui")
    port = free_port()
    env = cli_env(SEEDS, tmp / "wh.duckdb", tmp / "home")
    log = open(tmp / "dev.log", "w")
    proc = subprocess.Popen([str(Path(sys.executable).parent / "dagster"), "dev", "-w", "workspace.yaml",
                             "-h", "127.0.0.1", "-p", str(port)], cwd=REPO, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        client = DagsterGraphQLClient("127.0.0.1", port_number=port, timeout=30)
        deadline = time.monotonic() + 120
        while True:
            try:
                requests.get(f"http://127.0.0.1:{port}/server_info", timeout=2).raise_for_status()
                break
            except requests.RequestException:
                assert proc.poll() is None and time.monotonic() < deadline, (tmp / "dev.log").read_text()[-2000:]
                time.sleep(0.5)
        yield port, client, tmp
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def launch_and_wait(client, timeout=240) -> str:
    deadline = time.monotonic() + timeout
    while True:  # the code location may still be loading just after startup
        try:
            run_id = client.submit_job_execution("migration_warehouse", repository_location_name="migration_warehouse",
                                                 repository_name="__repository__")
            break
        except DagsterGraphQLClientError:
            assert time.monotonic() < deadline
            time.sleep(1)
    while (status := client.get_run_status(run_id).value) not in ("SUCCESS", "FAILURE", "CANCELED"):
        assert time.monotonic() < deadline, f"run {run_id} still {status}"
        time.sleep(1)
    assert status == "SUCCESS"
    return run_id


def test_the_ui_binds_to_loopback_and_reports_check_results_over_graphql(ui):
    port, client, _ = ui
    launch_and_wait(client)
    data = requests.post(f"http://127.0.0.1:{port}/graphql", json={"query": CHECKS_QUERY}, timeout=30).json()["data"]
    checks = {c["name"]: c for n in data["assetNodes"] for c in (n["assetChecksOrError"].get("checks") or [])}
    assert set(checks) == {"figures_suite", "migration_flows_suite", "migration_breakdowns_suite",
                           "claim_checks_suite"}
    for check in checks.values():
        assert check["blocking"]
        execution = check["executionForLatestMaterialization"]
        assert execution["status"] == "SUCCEEDED" and execution["evaluation"]["success"]
        entries = {e["label"]: e.get("mdStr") for e in execution["evaluation"]["metadataEntries"]}
        assert "| expectation | success | observed | unexpected |" in entries["results"]
        assert "offending_rows" in entries
    flows = {e["label"]: e.get("mdStr") for e in
             checks["migration_flows_suite"]["executionForLatestMaterialization"]["evaluation"]["metadataEntries"]}
    assert "expect_column_values_to_be_between(identity_excess)" in flows["results"]


def test_the_ui_listens_on_loopback_only(ui):
    port, _, tmp = ui
    listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
    log = (tmp / "dev.log").read_text()
    assert f"127.0.0.1:{port}" in log
    if listening:
        sockets = [line.split()[3] for line in listening.splitlines()[1:] if line.split()[3].endswith(f":{port}")]
        assert sockets and all(s.startswith("127.0.0.1:") for s in sockets)


def test_the_checks_page_renders_in_headless_chromium(ui):
    port, client, tmp = ui
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium package is required (.ci/run installs it)"
    launch_and_wait(client)
    url = f"http://127.0.0.1:{port}/assets/staging/migration_flows?view=checks"
    profile = tmp / "chrome-profile"
    common = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1400,1000",
              "--virtual-time-budget=20000"]
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    assert "migration_flows_suite" in dom
    shot = REPO / "warehouse" / "reports" / "checks_page.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*common, f"--screenshot={shot}", url], capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
