"""`core/figures`: figures of every article whose content, date or extractor version changed since
its last extraction; unchanged articles are not read again.

Extraction fans out over a fixed number of batches of articles. Batches meet DuckDB only through Parquet files: the
planning step writes each batch's articles, each `extract_batch` step turns its file into a file of
figures with no database connection at all, and one loading step bulk-loads every figures file in
a single transaction. So batches can run side by side on any executor (in-process with a process
pool, multiprocess, or Dask workers) without fighting over DuckDB's single writer.
"""
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pyarrow.parquet as pq

from transforms.claims import Claim, ClaimFigure, claims_from_article
from transforms.figures import EXTRACTOR_VERSION, Figure, figures_from_article

from .ingest import RAW_ARTICLES
from .resources import Warehouse

CORE_FIGURES = dg.AssetKey(["core", "figures"])
FIGURE_COLUMNS = list(Figure.__dataclass_fields__)
CLAIM_COLUMNS = list(Claim.__dataclass_fields__)
_FIGURE_FIELDS = attrgetter(*FIGURE_COLUMNS)
_CLAIM_FIELDS = attrgetter(*CLAIM_COLUMNS)
_CLAIM_FIGURE_FIELDS = list(ClaimFigure.__dataclass_fields__)


BATCHES = 4  # a static fan-out: executors that plan every step ahead (Dask) cannot expand dynamic ones


class ExtractionSettings(dg.ConfigurableResource):
    """Worker processes inside one batch step (use 1 when the executor already runs the batch
    steps side by side, e.g. on Dask)."""

    workers: int = 0  # 0: one per CPU core
    parallel_from: int = 200  # below this many articles a process pool costs more than it saves

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


def _extract_chunk(chunk: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Figures and claims of (article_id, text, published) rows, as tuples in column order."""
    figures, claims = [], []
    for article_id, text, published in chunk:
        found = figures_from_article(article_id, text, published)
        figures += map(_FIGURE_FIELDS, found)
        as_rows = [{k: getattr(f, k) for k in _CLAIM_FIGURE_FIELDS} for f in found]
        claims += map(_CLAIM_FIELDS, claims_from_article(article_id, text, as_rows, published))
    return figures, claims


def extract_rows(rows: list[tuple], workers: int, parallel_from: int) -> tuple[list[tuple], list[tuple]]:
    """Figures and claims of (article_id, text, published) rows, in a process pool when it pays."""
    if len(rows) < parallel_from or workers < 2:
        return _extract_chunk(rows)
    size = max(25, len(rows) // (workers * 8))
    chunks = [rows[i:i + size] for i in range(0, len(rows), size)]
    figures, claims = [], []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for f, c in pool.map(_extract_chunk, chunks):
            figures += f
            claims += c
    return figures, claims


def batch_folder(warehouse: Warehouse, run_id: str) -> Path:
    # beside the warehouse file: on a cluster, put the warehouse folder on storage every worker sees
    return warehouse.path.parent / "batches" / run_id


@dg.op(ins={"after": dg.In(dg.Nothing)}, out={f"batch_{b}": dg.Out(str) for b in range(BATCHES)},
       description="Writes the articles that need extraction as Parquet batches, split by a hash of their id.")
def plan_batches(context: dg.OpExecutionContext, warehouse: Warehouse):
    folder = batch_folder(warehouse, context.run.run_id)
    folder.mkdir(parents=True, exist_ok=True)
    with warehouse.connect() as con:
        con.execute("""
            create or replace temp table todo as
            select a.article_id, a.text, a.published, a.sha256, hash(a.article_id) % $batches as batch
            from raw.articles a left join core.extractions e using (article_id)
            where e.article_id is null or e.sha256 <> a.sha256 or e.published is distinct from a.published
               or e.extractor_version <> $version""", {"version": EXTRACTOR_VERSION, "batches": BATCHES})
        total = con.execute("select count(*) from todo").fetchone()[0]
        for b in range(BATCHES):
            path = folder / f"articles-{b:05d}.parquet"
            con.execute(f"copy (select * exclude (batch) from todo where batch = {b} order by article_id) "
                        f"to '{path}' (format parquet)")
    context.log.info(f"{total} new or changed articles in {BATCHES} batches")
    for b in range(BATCHES):
        yield dg.Output(str(folder / f"articles-{b:05d}.parquet"), output_name=f"batch_{b}")


@dg.op(description="Extracts one batch of articles into a Parquet file of figures; no database involved.")
def extract_batch(context: dg.OpExecutionContext, extraction: ExtractionSettings, articles_path: str) -> str:
    articles = pq.read_table(articles_path, columns=["article_id", "text", "published"]).to_pylist()
    rows = [(a["article_id"], a["text"], a["published"]) for a in articles]
    figures, claims = extract_rows(rows, extraction.worker_count(), extraction.parallel_from)
    out = articles_path.replace("articles-", "figures-")
    pq.write_table(pa.Table.from_pylist([dict(zip(FIGURE_COLUMNS, f)) for f in figures], schema=_FIGURE_SCHEMA), out)
    pq.write_table(pa.Table.from_pylist([dict(zip(CLAIM_COLUMNS, c)) for c in claims], schema=_CLAIM_SCHEMA),
                   articles_path.replace("articles-", "claims-"))
    context.log.info(f"{len(rows)} articles, {len(figures)} figures, {len(claims)} claims")
    return out


@dg.op(out=dg.Out(dg.Nothing), description="Loads every batch's figures into core.figures in one transaction.")
def load_figures(context: dg.OpExecutionContext, warehouse: Warehouse, figure_paths: list[str]):
    # figure_paths only orders this step after every batch; the files are read by glob below
    folder = batch_folder(warehouse, context.run.run_id)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    columns = ", ".join(FIGURE_COLUMNS)
    with warehouse.connect() as con:
        con.begin()
        con.execute(f"create or replace temp table done as select article_id, sha256, published "
                    f"from read_parquet('{folder}/articles-*.parquet')")
        con.execute(f"create or replace temp table new_figures as select {columns} "
                    f"from read_parquet('{folder}/figures-*.parquet')")
        con.execute("delete from core.figures where article_id in (select article_id from done)")
        con.execute("delete from core.claims where article_id in (select article_id from done)")
        con.execute(f"insert into core.claims select {', '.join(CLAIM_COLUMNS)} "
                    f"from read_parquet('{folder}/claims-*.parquet')")
        con.execute(f"insert into core.figures select {columns}, $now from new_figures", {"now": now})
        con.execute("delete from core.extractions where article_id in (select article_id from done)")
        con.execute("""
            insert into core.extractions (article_id, sha256, published, extractor_version, figure_count,
                                          extracted_at)
            select d.article_id, d.sha256, d.published, $version, count(f.article_id), $now
            from done d left join new_figures f using (article_id)
            group by d.article_id, d.sha256, d.published""", {"version": EXTRACTOR_VERSION, "now": now})
        con.commit()
        extracted = con.execute("select count(*), (select count(*) from new_figures) from done").fetchone()
        summary = con.execute("""
            select count(*), count(*) filter (where status = 'quarantined'), count(*) filter (where geography <> 'UK')
            from core.figures""").fetchone()
    shutil.rmtree(folder, ignore_errors=True)
    context.add_output_metadata({
        "articles_extracted": extracted[0], "figures_extracted": extracted[1], "figures_total": summary[0],
        "figures_quarantined": summary[1], "figures_not_uk": summary[2], "batches": len(figure_paths),
        "extractor_version": EXTRACTOR_VERSION})


def _arrow_type(annotation: str) -> pa.DataType:
    # The dataclasses' annotations are strings (postponed evaluation): "date | None", "float | None", ...
    for name, kind in (("date", pa.date32()), ("float", pa.float64()), ("int", pa.int64())):
        if annotation.split("|")[0].strip() == name:
            return kind
    return pa.string()


def _schema(record_class) -> pa.Schema:
    """The Parquet schema of a dataclass's rows, so a batch with no rows still has typed columns."""
    return pa.schema([(name, _arrow_type(str(f.type))) for name, f in record_class.__dataclass_fields__.items()])


_FIGURE_SCHEMA, _CLAIM_SCHEMA = _schema(Figure), _schema(Claim)


@dg.graph_asset(key=CORE_FIGURES, ins={"raw_articles": dg.AssetIn(RAW_ARTICLES, dagster_type=dg.Nothing)},
                group_name="core", kinds={"duckdb", "python", "parquet"},
                description="Every migration figure mention with value, flow, breakdown, geography, period and "
                            "the character offsets of its source text; malformed or implausible ones quarantined.")
def core_figures(raw_articles):
    batches = plan_batches(after=raw_articles)
    return load_figures([extract_batch.alias(f"extract_batch_{b}")(batches[b]) for b in range(BATCHES)])
