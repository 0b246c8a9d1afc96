"""Resources, configured from the contract's environment variables with defaults that work from a
fresh clone of the repository."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import PrivateAttr

REPO = Path(__file__).resolve().parents[1]
SQL_DIR = REPO / "warehouse" / "sql"
DEFAULT_ARTICLES_DIR = "seeds"
DEFAULT_WAREHOUSE = "warehouse/migration.duckdb"


def _from_repo(path: str) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else REPO / p


def sql_statements(name: str) -> list[str]:
    """The statements of warehouse/sql/<name>.sql, in order (one per `;` at a line end)."""
    code = "\n".join(line for line in (SQL_DIR / f"{name}.sql").read_text().splitlines()
                     if not line.lstrip().startswith("--"))
    return [s.strip() for s in code.split(";\n") if s.strip().rstrip(";")]


def run_sql(con: duckdb.DuckDBPyConnection, name: str, **params) -> None:
    """Run a .sql file; each statement gets the parameters it names, as bound values."""
    for number, statement in enumerate(sql_statements(name), start=1):
        _fault_injection_point(f"{name}:{number}")
        used = {k: v for k, v in params.items() if f"${k}" in statement}
        con.execute(statement, used) if used else con.execute(statement)


def _fault_injection_point(where: str) -> None:
    """Crash-safety tests set MIGRATION_PAUSE_AT=<sql file>:<statement number> to hold a run at an
    exact point (it writes <where>.paused beside the warehouse) and kill it there with SIGKILL."""
    target = os.environ.get("MIGRATION_PAUSE_AT")
    if target and target == where:
        marker = Path(os.environ.get("MIGRATION_PAUSE_MARKER", "pause.marker"))
        marker.write_text(where)
        time.sleep(float(os.environ.get("MIGRATION_PAUSE_SECONDS", "600")))


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file. DuckDB allows one writing process per file, so a run holds an exclusive
    lock on a sidecar file from its first step to its last: a second run (the schedule and the
    sensor, or a user and the schedule) waits for the first instead of failing on DuckDB's lock,
    and two runs never interleave their steps."""

    database: str = DEFAULT_WAREHOUSE
    lock_timeout_seconds: float = 3600

    _run_lock: object = PrivateAttr(default=None)

    @property
    def path(self) -> Path:
        return _from_repo(self.database)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._run_lock = self._acquire(context.log)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._run_lock is not None:
            self._run_lock.close()  # closing the file releases the flock
            self._run_lock = None

    def _acquire(self, log=None):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(f"{self.path}.lock", "a+")
        deadline, told = time.monotonic() + self.lock_timeout_seconds, False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return handle
            except BlockingIOError:
                if not told and log is not None:
                    log.info(f"another run is writing {self.path}: waiting for it to finish")
                    told = True
                if time.monotonic() > deadline:
                    handle.close()
                    raise TimeoutError(f"another run has held {self.path}.lock for more than "
                                       f"{self.lock_timeout_seconds:.0f} s") from None
                time.sleep(0.2)

    @contextmanager
    def connect(self):
        """A writable connection with the schema in place, under the writer lock (the run's, or
        one taken for this connection when used outside a run)."""
        own_lock = None if self._run_lock is not None else self._acquire()
        try:
            con = _connect_retrying(str(self.path), read_only=False)
            try:
                run_sql(con, "schema")
                run_sql(con, "audit_views")
                yield con
            finally:
                con.close()
        finally:
            if own_lock is not None:
                own_lock.close()


def _connect_retrying(path: str, read_only: bool, attempts: int = 50) -> duckdb.DuckDBPyConnection:
    # A reader from another process may hold the file for a moment; wait for it rather than fail.
    for attempt in range(attempts):
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException:
            if attempt == attempts - 1:
                raise
            time.sleep(min(2.0, 0.05 * 2 ** attempt))
    raise AssertionError("unreachable")


class ArticlesFolder(dg.ConfigurableResource):
    """The folder of `*.txt` articles and their optional `manifest.csv`."""

    path: str = DEFAULT_ARTICLES_DIR

    @property
    def folder(self) -> Path:
        return _from_repo(self.path)


def warehouse_from_env() -> Warehouse:
    return Warehouse(database=os.environ.get("MIGRATION_WAREHOUSE") or DEFAULT_WAREHOUSE)


def articles_from_env() -> ArticlesFolder:
    return ArticlesFolder(path=os.environ.get("MIGRATION_ARTICLES_DIR") or DEFAULT_ARTICLES_DIR)
