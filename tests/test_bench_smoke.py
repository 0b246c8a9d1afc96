"""The benchmark, small enough for CI: it runs end to end and reports sensible figures."""
import subprocess
import sys

from conftest import REPO


def test_bench_runs_and_reports_every_figure(tmp_path):
    out = tmp_path / "results.md"
    subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "300", "--no-peer", "--out", str(out),
                    "--work", str(tmp_path / "work")], cwd=REPO, check=True, capture_output=True, timeout=600)
    text = out.read_text()
    row = next(line for line in text.splitlines() if line.startswith("| 300 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    wall, peak_mb, figure_recall, figure_precision = float(cells[2]), float(cells[4]), float(cells[5]), float(cells[6])
    assert 0 < wall < 300 and 100 < peak_mb < 4000
    assert figure_recall > 0.8 and figure_precision > 0.8
    assert "Incremental run adding 100 articles" in text and "Figures quality suite" in text
    assert "| core__figures.load_figures |" in text
