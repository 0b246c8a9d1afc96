"""Bad input gets a clear, recorded reason and the run carries on with the good articles."""
import random

import pytest

from conftest import SEEDS, materialize_all, query, read_gold
from test_pipeline import MART_FLOWS, gold_flows

SEED_PERIODS = {r["period_end"] for r in read_gold("seed_flows.csv")}


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messy")
    outside = folder.parent / "secret.txt"
    outside.write_text("Net migration was 777,000 in the year ending June 2015. TOP SECRET")
    manifest = (SEEDS / "manifest.csv").read_text().rstrip("\n").splitlines()
    for p in SEEDS.glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    rng = random.Random(3)
    (folder / "noise.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "windows.txt").write_bytes(
        "Net migration to the UK was 250,000 in the year to June 2015 \u2013 \u201cstable\u201d, officials said."
        .encode("cp1252"))
    sentence = "Officials said net migration to the UK was 250,000 in the year to June 2015. "
    (folder / "one_line.txt").write_text(sentence * (3_000_000 // len(sentence)))
    (folder / "absurd.txt").write_text("Net migration to the UK reached 9,400,000,000 in the year ending June 2015.\n\n"
                                       "Immigration was -50,000 in the year ending June 2015.\n")
    (folder / "future.txt").write_text("Net migration was 300,000 in the year ending June 2016.\n")
    (folder / "baddate.txt").write_text("Net migration was 250,000 in the year ending June 2015.\n")
    manifest += ["windows,windows.txt,2015-08-27", "one_line,one_line.txt,2015-08-27",
                 "absurd,absurd.txt,2015-08-27", "future,future.txt,2015-01-10",
                 "evil,../secret.txt,2015-08-27", "evil_abs,/etc/passwd,2015-08-27",
                 "ghost,missing.txt,2015-08-27", "baddate,baddate.txt,31/02/2015"]
    (folder / "manifest.csv").write_text("\n".join(manifest) + "\n")
    path = folder.parent / "messy.duckdb"
    result = materialize_all(folder, path)
    return path, result


def issues(path):
    return {(f, a): i for f, a, i in query(path, "select file, article_id, issue from quality.ingest_issues")}


def test_the_run_succeeds_and_the_good_articles_publish_as_usual(messy):
    path, result = messy
    assert result.success
    got = {r for r in query(path, MART_FLOWS) if r[0] in SEED_PERIODS}
    assert got == gold_flows("seed_flows.csv")


def test_empty_and_binary_files_are_recorded_not_ingested(messy):
    path, _ = messy
    found = issues(path)
    assert found[("empty.txt", "empty")] == "empty file"
    assert "binary" in found[("noise.txt", "noise")]
    assert query(path, "select count(*) from raw.articles where article_id in ('empty', 'noise')")[0][0] == 0


def test_a_windows_1252_file_is_read_with_a_warning(messy):
    path, _ = messy
    assert "Windows-1252" in issues(path)[("windows.txt", "windows")]
    text, encoding = query(path, "select text, encoding from raw.articles where article_id = 'windows'")[0]
    assert encoding == "cp1252" and "\u201cstable\u201d" in text
    assert query(path, "select net_migration from marts.migration_flows where period_end = '2015-06-30'") == [
        (250000,)]


def test_a_three_megabyte_single_line_is_extracted(messy):
    path, _ = messy
    n, distinct = query(path, "select count(*), count(distinct value) from core.figures where article_id = 'one_line'")[0]
    assert n > 30000 and distinct == 1


def test_absurd_figures_are_quarantined_with_their_reason(messy):
    path, _ = messy
    held = query(path, "select f.raw_text, q.reason from quality.quarantine q join core.figures f using (figure_id) "
                       "where q.article_id = 'absurd' order by f.raw_text")
    assert [r[0] for r in held] == ["-50,000", "9,400,000,000"]
    assert all("implausible" in r[1] for r in held)


def test_a_period_after_publication_is_quarantined(messy):
    path, _ = messy
    (reason,) = query(path, "select reason from quality.quarantine where article_id = 'future'")[0]
    assert "after the article's publication date" in reason
    assert query(path, "select count(*) from marts.migration_flows where period_end = '2016-06-30' "
                       "and net_migration = 300000")[0][0] == 0


def test_paths_leaving_the_folder_are_refused_and_never_read(messy):
    path, _ = messy
    found = issues(path)
    assert "leaves the articles folder" in found[("../secret.txt", "evil")]
    assert "leaves the articles folder" in found[("/etc/passwd", "evil_abs")]
    assert query(path, "select count(*) from raw.articles where text like '%TOP SECRET%' or text like '%root:%'")[0][0] == 0


def test_missing_files_and_bad_dates_are_recorded(messy):
    path, _ = messy
    found = issues(path)
    assert "does not exist" in found[("missing.txt", "ghost")]
    assert "unparseable published date '31/02/2015'" in found[("baddate.txt", "baddate")]
    assert query(path, "select published from raw.articles where article_id = 'baddate'") == [(None,)]


@pytest.mark.parametrize("content", [b"\x00\x01binary\xff" * 20, b'{"articles": [1, 2, 3]}\n{"more": true}\n',
                                     b"article_id;file;published\na;a.txt;2015-01-01\n"])
def test_a_manifest_that_is_not_csv_fails_the_run_naming_file_and_line(tmp_path, content):
    (tmp_path / "a.txt").write_text("Net migration was 250,000 in the year ending June 2015.")
    (tmp_path / "manifest.csv").write_bytes(content)
    result = materialize_all(tmp_path, tmp_path / "wh.duckdb")
    assert not result.success
    failure = [e for e in result.all_events if e.is_step_failure][0]
    message = failure.event_specific_data.error.message
    assert "manifest.csv line 1" in message
