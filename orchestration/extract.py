"""`core/figures`: figures extracted from every article whose content, date or extractor version
changed since its last extraction; unchanged articles are not read again."""

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from datetime import datetime, timezone

import dagster as dg
import pandas as pd

from transforms.figures import EXTRACTOR_VERSION, Figure, figures_from_article

from .ingest import RAW_ARTICLES
from .resources import Warehouse

CORE_FIGURES = dg.AssetKey(["core", "figures"])
FIGURE_COLUMNS = list(Figure.__dataclass_fields__)
PARALLEL_FROM = 200  # below this many articles a process pool costs more than it saves


def _extract_batch(batch: list[tuple]) -> list[dict]:
    return [asdict(f) for article_id, text, published in batch
            for f in figures_from_article(article_id, text, published)]


def extract_all(rows: list[tuple], workers: int) -> list[dict]:
    if len(rows) < PARALLEL_FROM or workers < 2:
        return _extract_batch(rows)
    size = max(50, len(rows) // (workers * 8))
    batches = [rows[i:i + size] for i in range(0, len(rows), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [f for part in pool.map(_extract_batch, batches) for f in part]


@dg.asset(key=CORE_FIGURES, deps=[RAW_ARTICLES], group_name="core", kinds={"duckdb", "python"},
          description="Every migration figure mention with value, flow, breakdown, geography, period and the "
                      "character offsets of its source text; malformed or implausible ones quarantined.")
def core_figures(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:
        todo = con.execute("""
            select a.article_id, a.text, a.published, a.sha256
            from raw.articles a left join core.extractions e using (article_id)
            where e.article_id is null or e.sha256 <> a.sha256 or e.published is distinct from a.published
               or e.extractor_version <> $version""", {"version": EXTRACTOR_VERSION}).fetchall()
    context.log.info(f"extracting {len(todo)} new or changed articles")
    figures = extract_all([(a, t, p) for a, t, p, _ in todo], workers=os.cpu_count() or 1)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    frame = pd.DataFrame(figures, columns=FIGURE_COLUMNS)
    frame["extracted_at"] = now
    counts = frame.groupby("article_id").size().to_dict()
    done = pd.DataFrame([{"article_id": a, "sha256": sha, "published": p, "extractor_version": EXTRACTOR_VERSION,
                          "figure_count": counts.get(a, 0), "extracted_at": now} for a, _, p, sha in todo],
                        columns=["article_id", "sha256", "published", "extractor_version", "figure_count",
                                 "extracted_at"])
    with warehouse.connect() as con:
        con.register("new_figures", frame)
        con.register("new_extractions", done)
        con.begin()
        con.execute("delete from core.figures where article_id in (select article_id from new_extractions)")
        con.execute(f"insert into core.figures select {', '.join(FIGURE_COLUMNS)}, extracted_at from new_figures")
        con.execute("delete from core.extractions where article_id in (select article_id from new_extractions)")
        con.execute("insert into core.extractions select * from new_extractions")
        con.commit()
        summary = con.execute("""
            select count(*), count(*) filter (where status = 'quarantined'), count(*) filter (where geography <> 'UK'),
                   count(distinct article_id)
            from core.figures""").fetchone()
    return dg.MaterializeResult(metadata={
        "articles_extracted": len(todo), "figures_extracted": len(frame), "figures_total": summary[0],
        "figures_quarantined": summary[1], "figures_not_uk": summary[2], "articles_with_figures": summary[3],
        "extractor_version": EXTRACTOR_VERSION,
    })
