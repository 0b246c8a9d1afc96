"""Run the contract's CLI command in a subprocess, as a user (or the schedule) would."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

DAGSTER = str(Path(sys.executable).parent / "dagster")
REPO = Path(__file__).resolve().parents[1]


def cli_env(articles, warehouse, home, **extra) -> dict:
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = dict(os.environ, MIGRATION_ARTICLES_DIR=str(articles), MIGRATION_WAREHOUSE=str(warehouse),
               DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1", GX_ANALYTICS_ENABLED="false")
    env.update({k: str(v) for k, v in extra.items()})
    return env


def start_run(env, log_path) -> subprocess.Popen:
    log = open(log_path, "w")
    return subprocess.Popen([DAGSTER, "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def run(env, log_path, timeout=300) -> int:
    return start_run(env, log_path).wait(timeout=timeout)


def kill_when_paused(proc: subprocess.Popen, marker: Path, timeout=120) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc.poll() is not None:
            raise AssertionError(f"run ended (rc={proc.returncode}) before reaching the pause point")
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError("pause point not reached")
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def copy_articles(src, dst, names=None) -> Path:
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    for p in Path(src).iterdir():
        if names is None or p.name in names:
            shutil.copy(p, dst / p.name)
    return dst
