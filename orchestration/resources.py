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
    for statement in sql_statements(name):
        used = {k: v for k, v in params.items() if f"${k}" in statement}
        con.execute(statement, used) if used else con.execute(statement)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file. DuckDB allows one writing process per file, so writers take an exclusive
    lock on a sidecar file: a second run waits for the first instead of failing on DuckDB's lock."""

    database: str = DEFAULT_WAREHOUSE
    lock_timeout_seconds: float = 1800

    @property
    def path(self) -> Path:
        return _from_repo(self.database)

    @contextmanager
    def _writer_lock(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{self.path}.lock", "a+") as handle:
            deadline = time.monotonic() + self.lock_timeout_seconds
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"another run has held {self.path}.lock for "
                                           f"{self.lock_timeout_seconds:.0f} s") from None
                    time.sleep(0.2)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def connect(self):
        """A writable connection with the schema in place, held under the writer lock."""
        with self._writer_lock():
            con = _connect_retrying(str(self.path), read_only=False)
            try:
                run_sql(con, "schema")
                run_sql(con, "audit_views")
                yield con
            finally:
                con.close()


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
