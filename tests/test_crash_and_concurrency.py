"""Real runs of the CLI, killed with SIGKILL at exact points, run twice at once, and read during a
run: the marts are always the old ones or the new ones, never a mix, and the next run completes."""
import shutil
import threading
import time

import duckdb
import pytest

from cli import cli_env, copy_articles, kill_when_paused, run, start_run
from conftest import SEEDS

MARTS = ["marts.migration_flows", "marts.migration_breakdowns", "marts.figure_revisions"]
TWO_SEEDS = {"000_f03ef39c6e61078a.txt", "001_d0fdd4e19e767a6b.txt", "manifest.csv"}


def marts_state(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in MARTS}
    finally:
        con.close()


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    """A warehouse built from two seed articles, and the marts a run over all three leaves."""
    base = tmp_path_factory.mktemp("base")
    two = copy_articles(SEEDS, base / "two", TWO_SEEDS)
    before_db = base / "before.duckdb"
    assert run(cli_env(two, before_db, base / "home"), base / "before.log") == 0
    after_db = base / "after.duckdb"
    shutil.copy(before_db, after_db)
    assert run(cli_env(SEEDS, after_db, base / "home"), base / "after.log") == 0
    before, after = marts_state(before_db), marts_state(after_db)
    assert before != after
    return before_db, before, after, base / "home"


# build_staging:1 is early in the audit; publish_marts:2, :4 and :8 fall between the deletes and
# inserts of the single publishing transaction; publish_marts:9 is its last statement.
KILL_POINTS = ["build_staging:1", "build_staging:12", "publish_marts:2", "publish_marts:4", "publish_marts:8",
               "publish_marts:9"]


@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_leaves_the_old_marts_and_the_next_run_completes(before_and_after, tmp_path, point):
    before_db, before, after, _ = before_and_after
    db = tmp_path / "wh.duckdb"
    shutil.copy(before_db, db)
    marker = tmp_path / "paused"
    env = cli_env(SEEDS, db, tmp_path / "home", MIGRATION_PAUSE_AT=point, MIGRATION_PAUSE_MARKER=marker)
    kill_when_paused(start_run(env, tmp_path / "killed.log"), marker)
    assert marts_state(db) == before
    assert run(cli_env(SEEDS, db, tmp_path / "home"), tmp_path / "next.log") == 0
    assert marts_state(db) == after


def test_two_runs_at_once_serialise_and_equal_one_clean_run(before_and_after, tmp_path):
    _, _, after, home = before_and_after
    db = tmp_path / "wh.duckdb"
    # an existing Dagster instance, as under `dagster dev`: two processes creating a fresh
    # instance's SQLite storage at the same moment is Dagster's own race, not the warehouse's
    env = cli_env(SEEDS, db, home)
    first, second = start_run(env, tmp_path / "a.log"), start_run(env, tmp_path / "b.log")
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    clean = tmp_path / "clean.duckdb"
    assert run(cli_env(SEEDS, clean, home), tmp_path / "clean.log") == 0
    assert marts_state(db) == marts_state(clean)
    assert marts_state(db)["marts.migration_flows"] == after["marts.migration_flows"]


def test_a_read_only_reader_during_a_run_sees_old_or_new_marts(before_and_after, tmp_path):
    before_db, before, after, _ = before_and_after
    db = tmp_path / "wh.duckdb"
    shutil.copy(before_db, db)
    seen, refused, done = [], [0], threading.Event()

    def reader():
        while not done.is_set():
            try:
                seen.append(marts_state(db))
            except duckdb.IOException:  # the writer holds the file this instant: readers retry
                refused[0] += 1
            time.sleep(0.02)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        assert run(cli_env(SEEDS, db, tmp_path / "home"), tmp_path / "run.log") == 0
    finally:
        done.set()
        thread.join()
    assert seen, "the reader never got in"
    assert all(state in (before, after) for state in seen)
    assert marts_state(db) == after
