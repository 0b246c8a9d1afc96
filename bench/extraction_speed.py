"""Extraction throughput: text in, figures out, no database. Prints MB/s per core (median of
several runs) on news text made by repeating the seed articles, and the time of one 3 MB
single-line article, which must stay linear in its length.

usage: python bench/extraction_speed.py [--mb 8] [--runs 5]
"""
import argparse
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from transforms.figures import figures_from_article  # noqa: E402


def corpus(mb: float) -> list[str]:
    texts = [p.read_text() for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts += [p.read_text() for p in sorted((REPO / "tests" / "fixtures" / "dev_articles").glob("*.txt"))]
    out, size = [], 0
    while size < mb * 1e6:
        for t in texts:
            out.append(t)
            size += len(t.encode())
    return out


def throughput(articles: list[str], runs: int) -> tuple[float, int]:
    mb = sum(len(a.encode()) for a in articles) / 1e6
    rates, figures = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        figures = sum(len(figures_from_article(f"a{i}", a, date(2025, 5, 22))) for i, a in enumerate(articles))
        rates.append(mb / (time.perf_counter() - t0))
    return statistics.median(rates), figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=8)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    articles = corpus(a.mb)
    rate, n = throughput(articles, a.runs)
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, 1 core")
    print(f"extraction: {rate:.2f} MB/s per core (median of {a.runs} runs, {len(articles)} articles, "
          f"{sum(len(x.encode()) for x in articles) / 1e6:.1f} MB, {n} figures)")
    for mb in (1, 3):
        line = " ".join(t.replace("\n", " ") for t in corpus(mb))[: int(mb * 1e6)]
        t0 = time.perf_counter()
        figs = figures_from_article("long", line, date(2025, 5, 22))
        print(f"single-line article of {mb} MB: {time.perf_counter() - t0:.2f} s ({len(figs)} figures)")


if __name__ == "__main__":
    main()
