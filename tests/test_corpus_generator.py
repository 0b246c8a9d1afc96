"""The synthetic corpus generator (bench/corpus.py): deterministic, self-consistent, and original."""
import csv
import importlib.util
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

N = 200
EXACT = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus_a")
    corpus.generate(str(out), N, 7)
    return out


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus_big")
    corpus.generate(str(out), 3000, 11)
    return out


def texts(folder):
    return {r["article_id"]: (folder / r["file"]).read_text(encoding="utf-8") for r in read(folder / "manifest.csv")}


def test_same_seed_gives_identical_files(built, tmp_path):
    corpus.generate(str(tmp_path), N, 7)
    assert snapshot(tmp_path) == snapshot(built)


def test_different_seed_gives_different_corpus(built, tmp_path):
    corpus.generate(str(tmp_path), N, 8)
    other = snapshot(tmp_path)
    mine = snapshot(built)
    assert other.keys() == mine.keys()
    assert sum(other[k] != mine[k] for k in mine) > N // 2
    assert other["gold/flows.csv"] != mine["gold/flows.csv"]


def test_layout_and_manifest_match_the_files(built):
    rows = read(built / "manifest.csv")
    assert list(rows[0].keys()) == ["article_id", "file", "published", "note"]
    assert len(rows) == N
    assert {r["file"] for r in rows} == {p.name for p in built.glob("*.txt")}
    for r in rows:
        assert r["file"] == r["article_id"] + ".txt"
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"])
    gold = built / "gold"
    with open(gold / "figures.csv") as f:
        assert f.readline().strip() == ",".join(corpus.FIG_COLS)
    with open(gold / "flows.csv") as f:
        assert f.readline().strip() == "period_end,immigration,emigration,net_migration"
    with open(gold / "breakdowns.csv") as f:
        assert f.readline().strip() == "period_end,flow,breakdown_dim,breakdown_value,value"
    with open(gold / "revisions.csv") as f:
        assert f.readline().strip() == "period_end,flow,breakdown_dim,breakdown_value,vintage,value"


def test_every_gold_figure_is_written_in_its_article(big):
    t = texts(big)
    rows = read(big / "gold" / "figures.csv")
    assert sum(r["required"] == "yes" for r in rows) > 3000
    for r in rows:
        assert r["raw_text"] in t[r["article_id"]], r
        if r["required"] == "yes":
            assert r["value"] and r["kind"] in ("estimate", "change", "target")
        if r["kind"] == "estimate" and r["required"] == "yes":
            assert r["period_end"]
        # figures are never taken from the readers' comments
        body = re.split(r"\n(?:Comments|Reader comments|Most Popular Comments)\b", t[r["article_id"]])[0]
        assert r["raw_text"] in body


def test_flows_identity_is_exact(big):
    rows = read(big / "gold" / "flows.csv")
    full = [r for r in rows if r["immigration"] and r["emigration"] and r["net_migration"]]
    assert len(full) > 20
    for r in full:
        assert int(r["immigration"]) - int(r["emigration"]) == int(r["net_migration"]), r


def test_breakdown_splits_add_up(big):
    gold = big / "gold"
    by_vintage = defaultdict(dict)
    for r in read(gold / "revisions.csv"):
        by_vintage[(r["period_end"], r["vintage"])][r["breakdown_value"] or r["flow"]] = int(r["value"])
    checked = 0
    for cells in by_vintage.values():
        if {"british", "eu", "non_eu", "immigration"} <= cells.keys():
            assert cells["british"] + cells["eu"] + cells["non_eu"] == cells["immigration"]
            checked += 1
        if {"work", "work_definite_job", "work_looking_for_job"} <= cells.keys():
            assert cells["work_definite_job"] + cells["work_looking_for_job"] == cells["work"]
        for part in ("british", "eu", "non_eu", "work", "study", "family", "asylum"):
            if part in cells and "immigration" in cells:
                assert 0 < cells[part] < cells["immigration"]
    assert checked > 5
    # the expected marts are coherent too, although they may mix vintages
    flows = {r["period_end"]: r for r in read(gold / "flows.csv")}
    parts = defaultdict(dict)
    for r in read(gold / "breakdowns.csv"):
        parts[r["period_end"]][r["breakdown_value"]] = int(r["value"])
    for p, d in parts.items():
        if {"british", "eu", "non_eu"} <= d.keys() and flows.get(p, {}).get("immigration"):
            assert d["british"] + d["eu"] + d["non_eu"] == int(flows[p]["immigration"])
        if {"work", "work_definite_job", "work_looking_for_job"} <= d.keys():
            assert d["work_definite_job"] + d["work_looking_for_job"] == d["work"]


def test_expected_marts_follow_from_the_figures(big):
    """Recompute the marts from figures.csv + manifest: within a vintage every exact mention of a cell
    agrees (and approximations agree within precision); the latest vintage per period/cell wins."""
    gold = big / "gold"
    published = {r["article_id"]: r["published"] for r in read(big / "manifest.csv")}
    exact, approx = defaultdict(set), defaultdict(set)
    article_exact = set()
    for r in read(gold / "figures.csv"):
        if r["kind"] != "estimate" or r["required"] != "yes":
            continue
        cell = (r["period_end"], r["flow"], r["breakdown_dim"], r["breakdown_value"])
        key = cell + (published[r["article_id"]],)
        if EXACT.match(r["raw_text"]) or re.fullmatch(r"\d\.\d{3} million|\d{2,3}k", r["raw_text"]):
            exact[key].add(int(r["value"]))
            article_exact.add((r["article_id"],) + cell)
        else:
            approx[(r["article_id"],) + cell].add(int(r["value"]))
    assert all(len(v) == 1 for v in exact.values())
    revisions = {(r["period_end"], r["flow"], r["breakdown_dim"], r["breakdown_value"], r["vintage"]): int(r["value"])
                 for r in read(gold / "revisions.csv")}
    assert {k: next(iter(v)) for k, v in exact.items()}.items() <= revisions.items()
    for (aid, *cell), values in approx.items():
        true = revisions[tuple(cell) + (published[aid],)]
        if (aid, *cell) in article_exact:   # "1.2 million" next to "1,218,000": agrees within precision
            assert all(abs(x - true) <= 50_000 for x in values)
        else:                               # written approximately only: then it is the exact value
            assert values == {true}
    latest_flow, latest_cell = {}, {}
    for (p, flow, dim, bval, vintage), vals in revisions.items():
        if dim:
            if vintage > latest_cell.get((p, flow, dim, bval), ("",))[0]:
                latest_cell[(p, flow, dim, bval)] = (vintage, vals)
        elif vintage > latest_flow.get(p, ""):
            latest_flow[p] = vintage
    want = {}
    for (p, flow, dim, bval, vintage), v in revisions.items():
        if not dim and latest_flow[p] == vintage:
            want.setdefault(p, {})[flow] = str(v)
    got = {r["period_end"]: {f: r[f] for f in corpus.FLOWS if r[f]} for r in read(gold / "flows.csv")}
    assert got == want
    got_bd = {(r["period_end"], r["flow"], r["breakdown_dim"], r["breakdown_value"]): int(r["value"])
              for r in read(gold / "breakdowns.csv")}
    assert got_bd == {k: v for k, (_, v) in latest_cell.items()}


def test_style_mix_includes_every_style(big):
    notes = {r["note"] for r in read(big / "manifest.csv")}
    assert notes == {s for s, _ in corpus.STYLES}
    t = "\n".join(texts(big).values())
    for marker in ("| Year", "\t", "half a million", " million", "last year", "Comments", "..", "k\n"):
        assert marker in t, marker
    figs = read(big / "gold" / "figures.csv")
    kinds = {(r["kind"], r["required"]) for r in figs}
    assert {("estimate", "yes"), ("change", "yes"), ("target", "yes"), ("forecast", "no"),
            ("estimate", "no")} <= kinds
    assert any("malformed" in r["note"] for r in figs)


def _sentences(text):
    """Prose sentences over 40 characters (table rows and headers, a given format, are not prose)."""
    return {s.strip() for s in re.split(r"(?<=[.!?:])\s+|\n+", text)
            if len(s.strip()) > 40 and not s.lstrip().startswith("|") and "\t" not in s}


def test_no_sentence_of_the_real_corpus_is_copied(big):
    real = [p for d in (REPO / "seeds", REPO / "tests" / "fixtures" / "dev_articles") for p in d.glob("*.txt")]
    assert real
    sentences = set()
    for p in real:
        sentences |= _sentences(p.read_text(encoding="utf-8", errors="replace"))
    generated = "\n".join(texts(big).values())
    copied = [s for s in sentences if s in generated]
    assert not copied, copied[:3]


def test_cli_writes_a_corpus(tmp_path):
    out = tmp_path / "c"
    rc = subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), str(out), "--n", "20", "--seed", "3"],
                        capture_output=True, text=True)
    assert rc.returncode == 0, rc.stderr
    assert len(list(out.glob("*.txt"))) == 20 and (out / "gold" / "revisions.csv").exists()
    again = subprocess.run([sys.executable, str(REPO / "bench" / "corpus.py"), str(out), "--n", "5"],
                           capture_output=True, text=True)
    assert again.returncode != 0   # refuses to write over a corpus without --force
