"""The first-character dispatch of `compile_alternation` finds what the plain alternation would."""
import re

from transforms.alternation import compile_alternation, prefiltered, starting_with_first_chars
from transforms.cues import FLOW_CUES, find_cues, lowercase_pattern

TEXT = ("net migration rose to 300,000 as the balance shifted; emigrants left the uk, while arrivals "
        "came to 500,000. Internet migration is not a flow, nor is a cleft.")


def _plain(entries, text):
    rx = re.compile("|".join(f"(?P<c{i}>{p})" for i, (_, p) in enumerate(entries)))
    return [(m.start(), m.end(), entries[int(m.lastgroup[1:])][0]) for m in rx.finditer(text)
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")]


def test_dispatch_matches_the_plain_alternation_at_word_starts():
    entries = [(tag, lowercase_pattern(p)) for tag, p in FLOW_CUES]
    rx, tags = compile_alternation(entries)
    found = [(m.start(), m.end(), tags[m.lastgroup]) for m in rx.finditer(TEXT)]
    assert found == _plain(entries, TEXT)
    assert {tag for *_, tag in found} == {"net_migration", "emigration", "immigration"}


def test_priority_order_is_kept_among_alternatives_sharing_a_first_character():
    rx, tags = compile_alternation([("short", "net"), ("long", r"net\s+migration")])
    assert tags[rx.match("net migration").lastgroup] == "short"
    rx, tags = compile_alternation([("long", r"net\s+migration"), ("short", "net")])
    m = rx.match("net migration")
    assert (tags[m.lastgroup], m.group(0)) == ("long", "net migration")


def test_cues_start_at_word_starts_only():
    rx, _ = compile_alternation([("emigration", r"left\b"), ("net", r"net\s+migration")])
    assert [m.group(0) for m in rx.finditer("a cleft; internet migration; they left")] == ["left"]


def test_alternatives_that_do_not_start_with_a_plain_letter_still_match():
    rx, tags = compile_alternation([("eu", r"(?:from\s+)?outside\s+the\s+eu"), ("a8", r"\b(?:eu|a)8\b")])
    assert [(m.group(0), tags[m.lastgroup]) for m in rx.finditer("from outside the eu; the a8 and eu8")] == [
        ("from outside the eu", "eu"), ("a8", "a8"), ("eu8", "a8")]


def test_find_cues_reads_each_flow_once():
    text = "Net migration was 300,000 as 500,000 people left and 800,000 arrived."
    assert [c.value for c in find_cues(text, 0, len(text)) if c.family == "flow"] == [
        "net_migration", "emigration", "immigration"]


def test_a_digit_class_keeps_every_unicode_digit_in_the_prefilter():
    pattern = r"\d{2,}|year"
    text = "In the year 2023 there were 685 000 arrivals and ٣٤٥ elsewhere; y 1 year."
    fast = starting_with_first_chars(pattern)
    assert fast.pattern.startswith("(?=[")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]


def test_alternatives_written_out_match_what_the_plain_alternation_would():
    # leading groups, optional groups and lookbehinds are written out so each alternative begins
    # with its own first character; what matches, and where, stays the same
    entries = [("a", r"(?:the\s+)?new\s+states"), ("b", r"(?<!un)employment"), ("c", r"\b(?:eu|a)8\b"),
               ("d", r"(?:(?<=\ba\s)|(?<=\bthe\s))(?:net\s+)?(?:gap|balance)\s+of"), ("e", r"(?<=were\s)(?:uk\s+)?students\b")]
    text = ("the new states and new states; unemployment, employment; eu8 a8 xa8; a gap of, the net balance of, "
            "no gap of; were students, were uk students, are students")
    rx, tags = compile_alternation(entries)
    assert [(m.start(), m.end(), tags[m.lastgroup]) for m in rx.finditer(text)] == _plain(entries, text)
    assert len(_plain(entries, text)) == 9


def test_a_prefiltered_pattern_finds_what_the_pattern_finds():
    # the words a match needs are looked for first, in the window lowered; the characters that
    # re.IGNORECASE reads as "i" and "s" ("İ", "ı", "ſ") count as those letters
    rx = re.compile(r"\b(?:previously|originally)\s+estimated\s+at\s+$|\brevis\w*", re.IGNORECASE)
    fast = prefiltered(rx)
    assert fast.words == ("originally", "previously", "revis")
    texts = ["It was previously estimated at 740,000", "PREVİOUSLY ESTİMATED AT 740,000", "it was revıſed to 5",
             "Originally Estimated At 1", "nothing to see here, 7"]
    for text in texts:
        for lo in range(0, len(text), 3):
            for hi in range(lo, len(text) + 1, 2):
                assert fast.search(text, lo, hi) == rx.search(text, lo, hi) or \
                    fast.search(text, lo, hi).span() == rx.search(text, lo, hi).span()
    assert fast.search(texts[1], 0, 24) and fast.search(texts[2], 0, 20)
