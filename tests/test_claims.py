"""Claims held against the warehouse: the seed verdicts on claims the pipeline itself extracted,
the blocking audit before publishing, and `claims_from_article` on made-up sentences."""
from datetime import date

import dagster as dg
import pytest

from conftest import FIXTURES, SEEDS, materialize_all, query
from orchestration.claims import claim_audit_gate
from orchestration.publish import PublishBlocked
from transforms.claims import ClaimFigure, claims_from_article, speaker_name

SEED_UK_ARTICLE = "002_d608e36966d78a98"


@pytest.fixture(scope="module")
def seed_claims(tmp_path_factory):
    path = tmp_path_factory.mktemp("claims") / "wh.duckdb"
    result = materialize_all(SEEDS, path)
    assert result.success
    return path, result


def claim(path, raw_text, article_id=SEED_UK_ARTICLE, nth=0):
    rows = query(path, """select claim_type, speaker, verdict, explanation, claimed_value, computed_value,
                                 computed_ratio, used_periods, used_vintages, figure_id
                          from marts.claim_checks where article_id = $a and raw_text = $t order by char_start""",
                 {"a": article_id, "t": raw_text})
    assert rows, f"no claim {raw_text!r} in {article_id}"
    return dict(zip(("claim_type", "speaker", "verdict", "explanation", "claimed_value", "computed_value",
                     "computed_ratio", "used_periods", "used_vintages", "figure_id"), rows[nth]))


def test_fall_of_435000_is_consistent(seed_claims):
    c = claim(seed_claims[0], "435,000")
    assert (c["claim_type"], c["speaker"], c["verdict"]) == ("change", None, "consistent")
    assert c["computed_value"] == -435000 and c["figure_id"] == f"{SEED_UK_ARTICLE}:295"
    assert c["used_periods"] == [date(2023, 12, 31), date(2024, 12, 31)] and c["used_vintages"] == [date(2025, 5, 22)]
    assert "866,000" in c["explanation"] and "431,000" in c["explanation"]


def test_philps_drop_of_430000_is_close(seed_claims):
    c = claim(seed_claims[0], "430,000")
    assert (c["claim_type"], c["speaker"], c["verdict"]) == ("change", "Chris Philp", "close")
    assert "off by 5,000" in c["explanation"]


def test_halved_is_consistent(seed_claims):
    c = claim(seed_claims[0], "halved")
    assert (c["claim_type"], c["speaker"], c["verdict"]) == ("ratio", None, "consistent")
    assert c["computed_ratio"] == pytest.approx(431 / 866) and c["figure_id"] is None
    halving = claim(seed_claims[0], "halving")
    assert (halving["speaker"], halving["verdict"]) == ("Chris Philp", "consistent")


def test_farages_over_400000_is_a_consistent_bound(seed_claims):
    c = claim(seed_claims[0], "400,000")
    assert (c["claim_type"], c["speaker"], c["verdict"]) == ("bound", "Nigel Farage", "consistent")
    assert c["computed_value"] == 431000


def test_record_high_of_906000_is_consistent_within_the_warehouse(seed_claims):
    for nth in (0, 1):  # the sentence appears twice in the article
        c = claim(seed_claims[0], "906,000", nth=nth)
        assert (c["claim_type"], c["verdict"]) == ("record", "consistent")
        assert "within this warehouse" in c["explanation"] and c["computed_value"] == 906000


def test_quarter_of_a_million_fall_is_consistent(seed_claims):
    c = claim(seed_claims[0], "a quarter of a million")
    assert (c["claim_type"], c["speaker"], c["verdict"]) == ("change", "Sunder Katwala", "consistent")


def test_highest_number_ever_recorded_is_consistent_within_the_warehouse(seed_claims):
    c = claim(seed_claims[0], "650,000", article_id="000_f03ef39c6e61078a")
    assert (c["claim_type"], c["verdict"]) == ("record", "consistent")
    assert "within this warehouse" in c["explanation"]
    # later periods (948,000 in 2024) are higher: a record is judged against the periods up to its own
    assert max(c["used_periods"]) == date(2016, 6, 30)


def test_down_by_a_third_since_2010_peak_is_unverifiable(seed_claims):
    c = claim(seed_claims[0], "down by a third", article_id="001_d0fdd4e19e767a6b")
    assert (c["claim_type"], c["speaker"], c["verdict"]) == ("ratio", "Mark Harper", "unverifiable")
    assert "2010" in c["explanation"]


def test_forecast_for_2029_is_unverifiable(seed_claims):
    c = claim(seed_claims[0], "240,000-250,000")
    assert (c["claim_type"], c["verdict"]) == ("forecast", "unverifiable") and "2029" in c["explanation"]


def test_every_record_claim_says_within_this_warehouse(seed_claims):
    rows = query(seed_claims[0], "select explanation from marts.claim_checks "
                                 "where claim_type = 'record' and verdict <> 'unverifiable'")
    assert len(rows) >= 4 and all("within this warehouse" in e for (e,) in rows)


def test_no_claim_from_reader_comments(seed_claims):
    comments_at = query(seed_claims[0], "select strpos(text, 'Most Popular Comments') - 1 from raw.articles "
                                        "where article_id = $a", {"a": SEED_UK_ARTICLE})[0][0]
    assert comments_at > 0
    assert query(seed_claims[0], "select count(*) from marts.claim_checks where article_id = $a "
                                 "and char_start >= $c", {"a": SEED_UK_ARTICLE, "c": comments_at})[0][0] == 0


def test_claim_suite_is_a_blocking_check_that_passed_and_is_stored(seed_claims):
    path, result = seed_claims
    evaluation = next(e for e in result.get_asset_check_evaluations() if e.check_name == "claim_checks_suite")
    assert evaluation.passed and evaluation.blocking
    assert evaluation.asset_key == dg.AssetKey(["staging", "claim_checks"])
    stored = query(path, "select count(*), bool_and(success) from quality.check_results where suite = 'claim_checks'")
    assert stored[0][0] >= 8 and stored[0][1]


def test_failed_claim_suite_blocks_publishing_and_keeps_the_last_good_table(seed_claims, tmp_path):
    import shutil

    import duckdb

    copy = tmp_path / "wh.duckdb"
    shutil.copy(seed_claims[0], copy)
    con = duckdb.connect(str(copy))
    try:
        before = con.execute("select count(*) from marts.claim_checks").fetchone()[0]
        build = con.execute("select max(build_id) from staging.claim_build").fetchone()[0]
        assert claim_audit_gate(con) == build
        con.execute("update quality.check_results set success = false where suite = 'claim_checks' "
                    "and build_id = $b and expectation like '%verdict%'", {"b": build})
        with pytest.raises(PublishBlocked):
            claim_audit_gate(con)
        assert con.execute("select count(*) from marts.claim_checks").fetchone()[0] == before
    finally:
        con.close()


def test_dev_articles_get_verdicts(tmp_path):
    path = tmp_path / "dev.duckdb"
    assert materialize_all(FIXTURES / "dev_articles", path).success
    verdicts = dict(query(path, "select claim_id, verdict from marts.claim_checks"))
    assert verdicts["dev02_net_migration_2016:72"] == "consistent"  # fell by 84,000: 332,000 -> 248,000
    assert verdicts["dev05_australia_2024:99"] == "unverifiable"  # Australia: not in the UK marts
    assert verdicts["dev03_record_revision_2023:60"] == "consistent"  # a record 745,000


# --- claims_from_article on made-up sentences -------------------------------------------------------

def fig(text, raw, kind="estimate", qualifier="exact", direction=None, flow="net_migration",
        period=date(2024, 12, 31), geography="UK", value=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(raw, start + 1)
    return ClaimFigure(figure_id=f"a:{start}", kind=kind, direction=direction, flow=flow, breakdown_dim=None,
                       breakdown_value=None, geography=geography, period_end=period, value=value or 1.0,
                       value_high=None, precision=1000, qualifier=qualifier, char_start=start,
                       char_end=start + len(raw))


def one(text, figures=(), published=date(2025, 5, 22)):
    claims = claims_from_article("a", text, list(figures), published)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize("text", [
    'Home Secretary Jane Doe said: "Net migration of over 300,000 is too high."',
    '"Net migration of over 300,000 is too high," Jane Doe said.',
    '"Net migration of over 300,000 is too high," said Jane Doe.',
    "Shadow Home Secretary Jane Doe said net migration of over 300,000 was too high.",
    "Campaign leader Jane Doe: “Net migration of over 300,000 is too high.”",
    "Jane Doe, director of the Example Institute, said net migration of over 300,000 was too high.",
])
def test_speaker_forms(text):
    c = one(text, [fig(text, "300,000", qualifier="at_least")])
    assert (c.claim_type, c.speaker, c.comparison) == ("bound", "Jane Doe", "at_least")


def test_quote_paragraph_continuing_an_open_quotation_keeps_its_speaker():
    text = ('Minister John Roe said: “This is good news.\n'
            '“Net migration fell by 100,000 last year.”\n'
            'Net migration fell by 90,000 in the year before.')
    claims = claims_from_article("a", text, [fig(text, "100,000", kind="change", direction="down"),
                                             fig(text, "90,000", kind="change", direction="down")], None)
    assert [(c.raw_text, c.speaker) for c in claims] == [("100,000", "John Roe"), ("90,000", None)]


def test_honorific_resolves_to_the_full_name():
    text = ('Immigration minister Mark Smith visited Dover.\n'
            '"Net migration fell by 100,000," Mr Smith said.')
    assert one(text, [fig(text, "100,000", kind="change", direction="down")]).speaker == "Mark Smith"


def test_reporters_own_words_have_no_speaker():
    text = "A crackdown led to a fall of 120,000, new figures have revealed."
    c = one(text, [fig(text, "120,000", kind="change", direction="down")])
    assert (c.claim_type, c.speaker, c.baseline) == ("change", None, "previous_year")


@pytest.mark.parametrize("phrase,ratio,comparison", [
    ("halved", 0.5, "approximately"), ("almost halved", 0.5, "approximately"),
    ("was down by a third", 2 / 3, "approximately"), ("doubled", 2.0, "approximately"),
    ("more than doubled", 2.0, "at_least"), ("more than halved", 0.5, "at_most"),
])
def test_ratio_words(phrase, ratio, comparison):
    text = f"Net migration {phrase} last year to 431,000."
    c = one(text, [fig(text, "431,000")])
    assert (c.claim_type, c.flow, c.period_end) == ("ratio", "net_migration", date(2024, 12, 31))
    assert c.claimed_ratio == pytest.approx(ratio) and c.comparison == comparison and c.figure_id is None


def test_ratio_since_a_peak_year():
    text = "Net migration is down by a third since its peak in 2010."
    c = one(text, [])
    assert (c.baseline, c.baseline_year) == ("peak_in_year", 2010)


def test_a_promised_halving_is_not_a_ratio_claim():
    assert claims_from_article("a", "The government has promised to halve net migration.", [], None) == []


@pytest.mark.parametrize("text,raw", [
    ("Net migration reached a record high of 906,000.", "906,000"),
    ("Some 650,000 immigrants came to the UK - the highest number ever recorded.", "650,000"),
    ("Net migration peaked at 906,000 in June 2023.", "906,000"),
])
def test_record_cues_attach_to_their_figure(text, raw):
    c = one(text, [fig(text, raw, flow="immigration" if "immigrants" in text else "net_migration")])
    assert (c.claim_type, c.raw_text, c.baseline) == ("record", raw, "earlier_periods")


def test_record_without_a_figure_takes_the_articles_period():
    text = "Immigration is at its highest level ever.\nImmigration was 650,000 in the year to June 2016."
    c = claims_from_article("a", text, [fig(text, "650,000", flow="immigration", period=date(2016, 6, 30))],
                            None)[0]
    assert (c.claim_type, c.flow, c.period_end, c.figure_id) == ("record", "immigration", date(2016, 6, 30), None)


def test_among_the_highest_is_not_a_record():
    assert claims_from_article("a", "Immigration levels are now among the highest estimates recorded.", [],
                               None) == []


def test_plain_estimates_are_not_claims_but_kinds_are():
    text = ("Net migration was 431,000. The Home Office predicted net migration will fall to 250,000 by 2029. "
            "Ministers want net migration below 100,000.")
    claims = claims_from_article("a", text, [
        fig(text, "431,000"), fig(text, "250,000", kind="forecast", period=None),
        fig(text, "100,000", kind="target", qualifier="at_most", period=None)], None)
    assert [(c.claim_type, c.raw_text, c.horizon_year) for c in claims] == [
        ("forecast", "250,000", 2029), ("target", "100,000", None)]
    assert claims[0].speaker == "Home Office"


@pytest.mark.parametrize("phrase,name", [
    ("Shadow Home Secretary Chris Philp", "Chris Philp"), ("Reform UK leader Nigel Farage", "Nigel Farage"),
    ("Director of population statistics at the ONS Mary Gregory", "Mary Gregory"),
    ("the Office for National Statistics", "Office for National Statistics"), ("The Home Office", "Home Office"),
    ("Prime Minister Sir Keir Starmer", "Keir Starmer"), ("new figures", None),
])
def test_speaker_name_strips_titles(phrase, name):
    assert speaker_name(phrase) == name


def test_claim_suite_catches_unknown_verdicts_missing_numbers_and_orphans(seed_claims):
    import duckdb

    from expectations.bridge import validate
    from orchestration.resources import sql_statements

    (frame_sql,) = sql_statements("check_claim_checks")
    con = duckdb.connect(str(seed_claims[0]), read_only=True)
    try:
        frame = con.execute(frame_sql.replace("staging.claim_checks", "marts.claim_checks")).df()
    finally:
        con.close()
    assert validate("claim_checks", frame).success
    bad = frame.copy()
    bad.loc[0, "verdict"] = "plausible"
    bad.loc[bad.index[bad["verdict"] == "close"][0], "computed_present"] = False
    bad.loc[2, "article_linked"] = False
    report = validate("claim_checks", bad)
    assert {o.expectation for o in report.outcomes if not o.success} == {
        "expect_column_values_to_be_in_set(verdict)", "expect_column_values_to_be_in_set(computed_present)",
        "expect_column_values_to_be_in_set(article_linked)"}


def test_a_claimed_change_against_a_computed_change_of_zero_is_explained(tmp_path):
    from conftest import materialize_all, query
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "flat.txt").write_text(
        "Net migration to the UK was 232,000 in the year ending December 2012.\n\n"
        "Net migration rose by 17,000 to 232,000 in the year ending December 2013.\n")
    (folder / "manifest.csv").write_text("article_id,file,published\nflat,flat.txt,2014-05-22\n")
    path = tmp_path / "wh.duckdb"
    assert materialize_all(folder, path).success
    rows = query(path, "select verdict, explanation from marts.claim_checks where claim_type = 'change'")
    assert rows and rows[0][0] == "inconsistent" and "against 0" in rows[0][1]


def test_a_disputed_bound_is_quarantined_as_a_figure_but_still_checked_as_a_claim():
    from dataclasses import asdict

    from transforms.figures import DISPUTED, figures_from_article
    text = ("THE CLAIM\n\nAn MP told the Commons: \"Net migration last year was more than 500,000.\"\n\n"
            "THE VERDICT\n\nThe ONS put net migration in 2025 at 171,000.")
    found = figures_from_article("a", text, date(2026, 5, 29))
    bound = next(f for f in found if f.value == 500_000)
    assert (bound.status, bound.reason) == ("quarantined", DISPUTED)
    claims = claims_from_article("a", text, [asdict(f) for f in found], date(2026, 5, 29))
    assert [(c.claim_type, c.figure_id) for c in claims] == [("bound", bound.figure_id)]
