import csv
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import defs
from orchestration.extract import ExtractionSettings
from orchestration.resources import ArticlesFolder, Warehouse

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "seeds"
ALL_ASSETS = [*defs.assets, *defs.asset_checks]  # the whole graph of the code location


def read_gold(name: str) -> list[dict]:
    with open(FIXTURES / name, newline="") as f:
        return list(csv.DictReader(f))


def materialize_all(articles_dir, warehouse_path, selection=None) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ALL_ASSETS, selection=selection, raise_on_error=False,
        resources={"warehouse": Warehouse(database=str(warehouse_path)),
                   "articles": ArticlesFolder(path=str(articles_dir)), "extraction": ExtractionSettings()})


def query(warehouse_path, sql, params=None):
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


@pytest.fixture
def seed_copy(tmp_path):
    """A private copy of the seed articles a test may change."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory):
    """The seeds built once into a warehouse shared by read-only tests."""
    path = tmp_path_factory.mktemp("seed") / "wh.duckdb"
    result = materialize_all(SEEDS, path)
    assert result.success
    return path, result
