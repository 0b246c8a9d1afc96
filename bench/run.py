"""`make bench`: how the pipeline's cost grows with the corpus, measured on generated articles whose
answers are planted (bench/corpus.py).

For each size: end-to-end wall time of a full build through the contract's CLI, the time of each
step, peak resident memory of the whole process tree, articles per second, and planted-answer
recall and precision (figures and mart cells). On the largest size also: an incremental run adding
100 articles, the figures quality suite alone, and our extraction against quantulum3 on the same
1 MB slice of text. Writes bench/results.md (linked from the README) and prints it.

usage: python bench/run.py [--sizes 1000 10000 100000] [--out bench/results.md] [--work DIR] [--no-peer]
"""
import argparse
import csv
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# imported once, before any run, so the peer comparison measures the code the runs used
from transforms.figures import figures_from_article  # noqa: E402
DAGSTER = str(Path(sys.executable).parent / "dagster")
STEP = re.compile(r' - ([\w.\[\]]+) - STEP_SUCCESS - Finished execution of step "[^"]+" in ([\d.]+)(ms|s|m)')


def generate(folder: Path, n: int, seed: int) -> None:
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), str(folder), "--n", str(n), "--seed",
                    str(seed), "--force"], check=True, capture_output=True)


class TreeMemory(threading.Thread):
    """Peak resident memory of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak = max(self.peak, self._tree_rss())
            time.sleep(0.1)

    def _tree_rss(self) -> int:
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == self.pid or int(stat.parent.name) == self.pid:  # same process group
                    total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                continue
        return total


def run_pipeline(articles: Path, warehouse: Path, home: Path, log: Path) -> dict:
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = dict(os.environ, MIGRATION_ARTICLES_DIR=str(articles), MIGRATION_WAREHOUSE=str(warehouse),
               DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1", GX_ANALYTICS_ENABLED="false")
    t0 = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen([DAGSTER, "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"],
                                cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        memory = TreeMemory(proc.pid)
        memory.start()
        rc = proc.wait()
        memory.done.set()
        memory.join()
    wall = time.perf_counter() - t0
    steps = Counter()
    for name, value, unit in STEP.findall(log.read_text()):
        seconds = float(value) / 1000 if unit == "ms" else float(value) * (60 if unit == "m" else 1)
        steps[re.sub(r"\[.*\]", "[*]", name)] += seconds
    if rc != 0:
        raise SystemExit(f"pipeline failed (rc={rc}); see {log}")
    return {"wall": wall, "steps": dict(steps), "peak_rss": memory.peak}


def _as_int(v):
    return int(round(float(v))) if v not in (None, "") else None


def planted_scores(warehouse: Path, gold: Path) -> dict:
    """score.py's rules (../shared/tools/score.py) with hash lookups, so 100,000 articles score in seconds."""
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute("""select article_id, kind, flow, coalesce(breakdown_dim, ''), coalesce(breakdown_value, ''),
                                 coalesce(period_end::varchar, ''), value, status
                          from core.figures where coalesce(geography, 'UK') = 'UK'""").fetchall()
    figures = list(csv.DictReader(open(gold / "figures.csv")))
    exact, loose = set(), set()
    for g in figures:
        base = (g["article_id"], g["kind"], g["flow"], g["breakdown_dim"])
        if g["required"] == "no" and g["value"] == "":
            loose.add(base)
        exact.add(base + (g["breakdown_value"], _as_int(g["value"]), g["period_end"]))
    got_exact = {r[:4] + (r[4], _as_int(r[6]), r[5]) for r in rows} | {r[:4] + (r[4], _as_int(r[6]), "") for r in rows}
    required = [g for g in figures if g["required"] == "yes"]
    found = sum(1 for g in required if (g["article_id"], g["kind"], g["flow"], g["breakdown_dim"], g["breakdown_value"],
                                        _as_int(g["value"]), g["period_end"]) in got_exact)
    valid = [r for r in rows if r[7] == "valid"]
    good = sum(1 for r in valid if r[:4] in loose or r[:4] + (r[4], _as_int(r[6]), r[5]) in exact
               or r[:4] + (r[4], _as_int(r[6]), "") in exact)
    cells = {}
    for p, i, e, n in con.execute("select period_end::varchar, immigration, emigration, net_migration "
                                  "from marts.migration_flows").fetchall():
        for flow, v in zip(("immigration", "emigration", "net_migration"), (i, e, n)):
            if v is not None:
                cells[(p, flow, "", "")] = v
    for p, f, d, v, x in con.execute("select period_end::varchar, flow, breakdown_dim, breakdown_value, value "
                                     "from marts.migration_breakdowns").fetchall():
        cells[(p, f, d, v)] = x
    con.close()
    want = {}
    for r in csv.DictReader(open(gold / "flows.csv")):
        for flow in ("immigration", "emigration", "net_migration"):
            if r[flow]:
                want[(r["period_end"], flow, "", "")] = _as_int(r[flow])
    for r in csv.DictReader(open(gold / "breakdowns.csv")):
        want[(r["period_end"], r["flow"], r["breakdown_dim"], r["breakdown_value"])] = _as_int(r["value"])
    hit = sum(1 for k, v in want.items() if cells.get(k) == v)
    return {"figure_recall": found / max(1, len(required)), "figure_precision": good / max(1, len(valid)),
            "cell_recall": hit / max(1, len(want)), "cell_precision": hit / max(1, len(cells))}


def add_articles(folder: Path, n_base: int, extra: int, seed: int, scratch: Path) -> None:
    """The next `extra` articles of the same generator (its output is prefix-stable), added to a folder."""
    generate(scratch, n_base + extra, seed)
    rows = list(csv.reader(open(scratch / "manifest.csv")))
    with open(folder / "manifest.csv", "a", newline="") as f:
        writer = csv.writer(f)
        for row in rows[1 + n_base:]:
            shutil.copy(scratch / row[1], folder / row[1])
            writer.writerow(row)


def quality_suite_seconds(warehouse: Path) -> tuple[float, float, int]:
    code = f"""
import time, duckdb
t0 = time.perf_counter()
from expectations.bridge import validate
from orchestration.resources import sql_statements
con = duckdb.connect({str(warehouse)!r}, read_only=True)
frame = con.execute(sql_statements("check_figures")[0], {{"everything": True}}).df()  # the whole table
validate("figures", frame.head(10))  # GE's context is built once per process: not the suite's cost
t1 = time.perf_counter()
report = validate("figures", frame)
t2 = time.perf_counter()
print(t2 - t1, t2 - t0, len(frame), report.success)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    validate_s, total_s, rows, _ = out.stdout.split()
    return float(validate_s), float(total_s), int(rows)


def peer_comparison(folder: Path, gold: Path, mb: float = 1.0) -> list[dict]:
    """Ours against quantulum3 on the same slice of articles: throughput and planted values recovered."""
    manifest = {r["file"]: r for r in csv.DictReader(open(folder / "manifest.csv"))}
    slice_, size = [], 0
    for name in sorted(manifest):
        text = (folder / name).read_text()
        slice_.append((manifest[name]["article_id"], text, date.fromisoformat(manifest[name]["published"])))
        size += len(text.encode())
        if size >= mb * 1e6:
            break
    ids = {a for a, _, _ in slice_}
    planted = {(g["article_id"], _as_int(g["value"])) for g in csv.DictReader(open(gold / "figures.csv"))
               if g["required"] == "yes" and g["article_id"] in ids}
    results = []
    t0 = time.perf_counter()
    ours = {(a, _as_int(f.value)) for a, t, p in slice_ for f in figures_from_article(a, t, p)
            if f.value is not None and f.geography == "UK"}
    results.append({"tool": "this pipeline (transforms)", "seconds": time.perf_counter() - t0,
                    "recovered": len(planted & ours), "returned": len(ours)})
    try:
        from quantulum3 import parser
    except ImportError:
        results.append({"tool": "quantulum3", "seconds": None, "recovered": None, "returned": None})
        return [dict(r, mb=size / 1e6, planted=len(planted)) for r in results]
    t0 = time.perf_counter()
    theirs = set()
    for a, text, _ in slice_:
        for q in parser.parse(text):
            theirs.add((a, _as_int(q.value)))
    results.append({"tool": "quantulum3 0.10.0", "seconds": time.perf_counter() - t0,
                    "recovered": len(planted & theirs), "returned": len(theirs)})
    return [dict(r, mb=size / 1e6, planted=len(planted)) for r in results]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--out", default=str(REPO / "bench" / "results.md"))
    ap.add_argument("--work", default=None, help="folder for corpora and warehouses (default: a temp folder)")
    ap.add_argument("--no-peer", action="store_true", help="skip the quantulum3 comparison")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    work = Path(a.work).resolve() if a.work else Path(tempfile.mkdtemp(prefix="bench-"))
    lines = [f"# Benchmark: {datetime.now():%Y-%m-%d %H:%M}",
             "", f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
             f"Python {platform.python_version()}, {platform.system()} {platform.release()}.",
             f"Command: `{' '.join(['python bench/run.py', '--sizes', *map(str, a.sizes)])}`; generated corpus seed {a.seed}.",
             "", "| articles | MB | wall s | articles/s | peak RSS MB | figure recall | figure precision | "
                 "cell recall | cell precision |", "|---|---|---|---|---|---|---|---|---|"]
    step_table, largest = [], None
    for n in a.sizes:
        folder, wh = work / f"corpus_{n}", work / f"wh_{n}.duckdb"
        generate(folder, n, a.seed)
        for p in wh.parent.glob(wh.name + "*"):
            p.unlink()
        mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        r = run_pipeline(folder, wh, work / "home", work / f"run_{n}.log")
        s = planted_scores(wh, folder / "gold")
        lines.append(f"| {n:,} | {mb:.1f} | {r['wall']:.1f} | {n / r['wall']:.0f} | {r['peak_rss'] / 2**20:.0f} | "
                     f"{s['figure_recall']:.3f} | {s['figure_precision']:.3f} | {s['cell_recall']:.3f} | "
                     f"{s['cell_precision']:.3f} |")
        step_table.append((n, r["steps"]))
        print(lines[-1], flush=True)
        largest = (n, folder, wh)
    names = list(dict.fromkeys(k for _, steps in step_table for k in steps))
    lines += ["", "Seconds per step (Dagster's own step timings):", "",
              "| step | " + " | ".join(f"{n:,}" for n, _ in step_table) + " |", "|---" * (len(step_table) + 1) + "|"]
    lines += [f"| {k} | " + " | ".join(f"{steps.get(k, 0):.1f}" for _, steps in step_table) + " |" for k in names]
    n, folder, wh = largest
    add_articles(folder, n, 100, a.seed, work / "extra")
    inc = run_pipeline(folder, wh, work / "home", work / "run_incremental.log")
    lines += ["", f"Incremental run adding 100 articles to the {n:,}-article warehouse: "
                  f"{sum(inc['steps'].values()):.1f} s of step time, {inc['wall']:.1f} s wall (CLI start-up included)."]
    validate_s, total_s, rows = quality_suite_seconds(wh)
    lines += [f"Figures quality suite on core.figures ({rows:,} rows): {validate_s:.1f} s to validate, "
              f"{total_s:.1f} s including the Great Expectations import and reading the frame."]
    if not a.no_peer:
        peers = peer_comparison(folder, folder / "gold")
        lines += ["", f"Extraction peers on the same {peers[0]['mb']:.2f} MB slice ({peers[0]['planted']} planted "
                      "required values):", "", "| tool | seconds | MB/s | planted values recovered | values returned |",
                  "|---|---|---|---|---|"]
        for p in peers:
            if p["seconds"] is None:
                lines.append(f"| {p['tool']} | not installed (`pip install quantulum3==0.10.0`) | | | |")
            else:
                lines.append(f"| {p['tool']} | {p['seconds']:.1f} | {p['mb'] / p['seconds']:.2f} | "
                             f"{p['recovered']} | {p['returned']} |")
    Path(a.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
