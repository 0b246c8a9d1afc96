"""`figures_from_article`: every migration figure in one article, with its flow, breakdown,
geography, kind, 12-month period and the exact characters it came from.

Reading order mirrors how a careful reader resolves a number: the words around it first (its own
clause), then its sentence, then the paragraph it sits in, then the article as a whole.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import islice
from datetime import date

from . import cues as C
from .numbers import find_numbers
from .periods import PeriodMention, find_periods, resolve_relative
from .plausibility import quarantine_reason
from .reader import Draft, Reader
from .segments import LINK_LINE, body_end, lines, sentences, unwrapped, without_markup
from .tables import find_tables

EXTRACTOR_VERSION = "2026.11.26-96"  # bump to re-extract every article after a rule change
# ("645,000." ends a sentence: an answer, not a number on display)
_LONE_NUMBER = re.compile(r"\s*[+\-−]?[£$€]?\d(?:[\d,.]*\d)?\s*(?:k|m|million|bn)?\s*")
_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪–]|\d+[.)])\s")
_LEAD_LINES = 3  # headline, standfirst or byline, first paragraph
_SHORT_LINES = 4  # datelines, timestamps and bylines passed over before them
_FURNITURE = re.compile(r"\s*(?:by\s.{0,40}|(?=.{0,40}$)[^\n]*\d[^\n]*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    figure_id: str
    article_id: str
    kind: str
    direction: str | None
    flow: str
    breakdown_dim: str | None
    breakdown_value: str | None
    geography: str
    period_end: date | None
    period_months: int | None
    value: float | None
    value_high: float | None
    precision: int | None
    qualifier: str
    raw_text: str
    sentence: str
    char_start: int
    char_end: int
    status: str
    reason: str | None
    period_source: str | None   # clause | sentence | paragraph | repeated | article | table
    source: str                 # prose | table


def _article_period(periods: list[PeriodMention], published: date | None, lead_end: int) -> date | None:
    """The latest finished 12-month period the article's opening names (else the whole article):
    what a news report is about. A period named further down may be another release's ("final
    estimates for the year to December 2010 will follow in the spring")."""
    named = [p for p in periods
             if p.kind == "absolute" and p.period_end and (published is None or p.period_end <= published)]
    lead = [p.period_end for p in named if p.start < lead_end]
    ends = lead or [p.period_end for p in named]
    return max(ends) if ends else None


def _opening_lines(text: str, lowered: str, line_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Headline, standfirst and first paragraph. Datelines, timestamps and bylines ("Thursday 25
    November 2010", "09.12 GMT", "By Jane Smith") are passed over without counting; only the first
    few lines are looked at, not every line of a long article."""
    opening, counted = [], 0
    for sp in islice((sp for sp in line_spans if text[sp[0]:sp[1]].strip()), _LEAD_LINES + _SHORT_LINES):
        opening.append(sp)
        counted += not _FURNITURE.match(text, *sp) or C.has_flow_cue(lowered, *sp)
        if counted == _LEAD_LINES:
            break
    return opening


def _article_geography(text: str, opening: list[tuple[int, int]]) -> str:
    """The country the opening (headline, standfirst, first paragraph) names most, the first named on a
    tie: a story about another country makes it the article's default ("Migration intake falls, but
    Britain's is still higher" over "Australia's net overseas migration fell ..., the Australian Bureau
    of Statistics said" is Australia's story)."""
    counts: dict[str, int] = {}
    for s, e in opening:
        for cue in C.find_cues(text, s, min(e, s + 600), families=("geography",)):  # an opening, not a whole unbroken page
            if cue.family == "geography":
                place = "UK" if cue.value == C.SOURCE_UK else cue.value
                counts[place] = counts.get(place, 0) + 1
    return max(counts, key=counts.get) if counts else "UK"  # (dicts keep the first named first on a tie)


def figures_from_article(article_id: str, text: str, published: date | None) -> list[Figure]:
    original, text = text, unwrapped(without_markup(text))
    end = body_end(text)
    lowered = C.lowercase(text)
    if not C.has_flow_cue(lowered, 0, end):
        return []  # nothing in the article speaks of people arriving, leaving or net migration
    line_spans = list(lines(text, end))
    table_cells, table_lines = find_tables(text, end, line_spans, published)
    reader = Reader(text, published, lowered)
    periods = find_periods(text, published, 0, end, lowered)
    reader.index(find_numbers(text, 0, end), periods)
    opening = _opening_lines(text, lowered, line_spans)
    reader.article_period = _article_period(periods, published, opening[-1][1] if opening else 0)
    reader.article_geography = _article_geography(text, opening)
    first_flow = next((c for c in C.find_cues(text, 0, min(end, 600), lowered, ("flow",)) if c.family == "flow"), None)
    reader.article_flow = first_flow.value if first_flow else None

    drafts: list[Draft] = []
    captioned: set[int] = set()
    for idx, (ls, le) in enumerate(line_spans):
        if idx in table_lines or not text[ls:le].strip() or LINK_LINE.match(text, ls, le):
            reader.new_paragraph()
            continue
        if idx in captioned:
            continue  # read with the number above it
        spans = list(sentences(text, ls, le))
        nxt = _caption_below(text, line_spans, idx, table_lines)
        if nxt is not None:
            # "600,000" alone on a line, then "People who came to live in the UK in 2004. ...": the
            # caption's first sentence says what the number is
            caption = list(sentences(text, *line_spans[nxt]))
            drafts += reader.read_sentence(ls, caption[0][1])
            for s, e in caption[1:]:
                drafts += reader.read_sentence(s, e)
            captioned.add(nxt)
            continue
        for s, e in spans:
            drafts += reader.read_sentence(s, e, whole_line=len(spans) == 1)
    for cell in table_cells:
        d = Draft(cell.number, (cell.row_start, cell.row_end), flow=cell.flow, breakdown=cell.breakdown,
                   geography=cell.geography or reader.article_geography, period_end=cell.period_end,
                   period_source="table" if cell.period_end else None, source="table", kind=cell.kind,
                   direction=cell.direction)
        drafts.append(d)
    _date_by_the_report(drafts, reader.article_period, published)
    _resolve_repeated_mentions(drafts)
    _the_same_number_again(text, drafts)
    _parts_take_the_wholes_period(drafts)
    _misreadings_corrected(text, drafts)
    _claims_the_article_contradicts(text, drafts)
    # (a group outside the contract's vocabulary, "EU14" or "Asia", makes a figure that is not ours)
    return [_finish(article_id, text, published, d, original) for d in drafts
            if d.flow and not (d.breakdown or "").startswith("unlisted:")]


def _caption_below(text: str, line_spans: list[tuple[int, int]], idx: int, table_lines: set[int]) -> int | None:
    """The next line, when this one holds a number alone ("600,000") and the next says what it is."""
    ls, le = line_spans[idx]
    if not _LONE_NUMBER.fullmatch(text, ls, le) or idx + 1 >= len(line_spans) or idx + 1 in table_lines:
        return None
    if idx > 0 and _flow_label(text, *line_spans[idx - 1]):
        return None  # "Immigration\n651,000\nEmigration\n448,000": a flattened table, each label above its number
    ns, ne = line_spans[idx + 1]
    return idx + 1 if text[ns:ne].strip() and not _LONE_NUMBER.fullmatch(text, ns, ne) \
        and not _LIST_ITEM.match(text, ns, ne) else None


def _flow_label(text: str, start: int, end: int) -> bool:
    """The line is a flow's name and nothing more ("Net migration", "Emigration:")."""
    cues = C.find_cues(text, start, end, families=("flow",))
    return len(cues) == 1 and not text[start:cues[0].start].strip() and not text[cues[0].end:end].strip(" \t:")


def _parts_take_the_wholes_period(drafts: list[Draft]) -> None:
    """"Of the 403,000 who emigrated, 91,000 were British": the whole's period, once it is known."""
    for d in drafts:
        whole = d.extra.get("frame")
        if whole is not None and d.period_source in ("article", None) and whole.period_source not in ("article", None):
            d.period_end, d.period_source = whole.period_end, "repeated"


def _date_by_the_report(drafts: list[Draft], provisional: date | None, published: date | None) -> None:
    """A figure with no period of its own (a headline) belongs to the period the report is about:
    the latest period that dates one of its UK flow estimates, not any year the text happens to name
    ("25,817 people crossed in small boats in 2022", New Zealand's "year ended December 2024")."""
    dated = [d.period_end for d in drafts
             if d.flow and d.kind == "estimate" and d.period_end and (d.geography or "UK") == "UK"
             and d.period_source in ("clause", "sentence", "paragraph", "table")
             and (published is None or d.period_end <= published)]
    report = max(dated) if dated else provisional
    if report == provisional:
        return
    for d in drafts:
        if d.extra.get("article_period"):
            d.period_end = report
            d.period_source = "article" if report else None
        elif d.extra.get("relative_to_article") and report:  # "502,000 a year earlier"
            d.period_end = resolve_relative(d.extra["relative_to_article"], report)


def _resolve_repeated_mentions(drafts: list[Draft]) -> None:
    """A figure repeated without a period (a headline) takes the period of its explicit mention."""
    explicit = {}
    for d in drafts:
        if d.period_source in ("clause", "sentence", "paragraph", "table") and d.number.value is not None:
            explicit.setdefault((d.flow, d.breakdown, d.number.value), d.period_end)
    values: dict[tuple, list] = {}
    for (flow, bd, value), period in explicit.items():
        if period is not None:
            values.setdefault((flow, bd), []).append((value, period))
    for pairs in values.values():
        pairs.sort()
    for d in drafts:
        if d.period_source in ("article", None) and d.kind == "estimate":
            period = explicit.get((d.flow, d.breakdown, d.number.value)) or _rounded_from(d, values)
            if period:
                d.period_end, d.period_source = period, "repeated"
                change = d.extra.get("after_change")  # "revised up by 116,000 to 861,000": one period
                if change is not None and change.period_source in ("article", None):
                    change.period_end, change.period_source = period, "repeated"


def _rounded_from(d: Draft, values: dict) -> date | None:
    """The one period of an explicit figure that a rounder headline writes again: "PEAK REVISED TO
    0.87m" over "866,000 in the year to June 2023" (within half the headline's precision). `values`
    holds, per (flow, breakdown), the explicit (value, period) pairs in value order."""
    if d.number.value is None or (d.number.precision or 1) < 10_000 or d.number.qualifier != "exact":
        return None
    half, pairs = d.number.precision / 2, values.get((d.flow, d.breakdown), [])
    lo = bisect.bisect_left(pairs, (d.number.value - half,))
    hi = bisect.bisect_right(pairs, (d.number.value + half, date.max))
    periods = {p for value, p in pairs[lo:hi] if value != d.number.value}
    return periods.pop() if len(periods) == 1 else None


SUPERSEDED = "an earlier estimate that this article revises: it belongs to an older vintage, not this one"
MISPRINT = "a figure the article itself corrects: an earlier version printed it in error"
DISPUTED = "a figure quoted from a speaker that the article's own figure for the same period contradicts"
MISREAD = "a figure the article itself reads otherwise: a later sentence says which flow the number is, and it is not this one"


_THE_BEFORE = re.compile(r"\b(?:the|a\s+figure\s+of|a\s+total\s+of)\s+$", re.IGNORECASE)


def _the_same_number_again(text: str, drafts: list[Draft]) -> None:
    """"... it hit 891,000 in the year to June 2023. ... the 891,000 had happened on her watch": a
    number written again with "the" is the figure already given."""
    first: dict[str, Draft] = {}
    stated: dict[float, Draft] = {}  # the first figure stated with its own flow words, by exact value
    for d in sorted(drafts, key=lambda d: d.number.start):
        earlier = first.get(d.number.text)
        if earlier is None and not d.extra.get("things") and d.source == "prose" and not d.extra.get("own_flow") \
                and d.kind == "estimate" \
                and (d.number.value or 0) >= 10_000:
            # '"Two hundred and sixty-four thousand in a single year is ...," said a spokesman': the
            # exact value of a figure already stated, written again with no flow words of its own
            earlier = stated.get(d.number.value)
        elif earlier is not None and not _THE_BEFORE.search(text, max(0, d.number.start - 16), d.number.start):
            earlier = None
        if earlier is not None and earlier.flow:
            d.flow, d.breakdown, d.kind, d.direction = earlier.flow, earlier.breakdown, earlier.kind, earlier.direction
            d.period_end, d.period_source, d.geography = earlier.period_end, "repeated", earlier.geography
        elif d.flow:
            first.setdefault(d.number.text, d)
            if d.extra.get("own_flow") and d.number.value is not None and d.kind == "estimate":
                stated.setdefault(d.number.value, d)


_NOT_THIS_FLOW = re.compile(r"[,)]?\s*(?:and\s+)?not\s+(?:the\s+)?(net\s+migration|immigration|emigration)\b", re.IGNORECASE)


def _misreadings_corrected(text: str, drafts: list[Draft]) -> None:
    """"... net migration is now 598,000" then "Editor's note: the figure of 598,000 is the number of people who
    came to live in the UK (immigration), not net migration": the earlier reading was wrong."""
    for d in drafts:
        m = _NOT_THIS_FLOW.search(text, d.number.end, d.sentence[1]) if d.flow else None
        wrong = "_".join(m.group(1).lower().split()) if m else None
        if wrong is None or wrong == d.flow:
            continue
        for e in drafts:
            if e.number.start < d.number.start and e.flow == wrong and e.number.value == d.number.value:
                e.extra["misread"] = True


_CLAIMED_BEFORE = re.compile(r"\b(?:claimed|claims|claiming|alleged|insisted)\b(?:\s+that)?[^.;:]{0,80}$", re.IGNORECASE)


_QUOTE_REACH = 600  # how far back a quotation's opening mark is looked for (bounded: linear in any line's length)


def _quoted(text: str, at: int) -> bool:
    """Whether `at` is inside a quotation that opened on its own line."""
    line_start = max(text.rfind("\n", max(0, at - _QUOTE_REACH), at) + 1, at - _QUOTE_REACH)
    before = text[line_start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _claims_the_article_contradicts(text: str, drafts: list[Draft]) -> None:
    """A fact check: 'told MPs: "Net migration last year was 350,000"', then the ONS's 171,000 in the
    reporter's own words. A speaker's figure that the article's own figure for the same period
    contradicts is a claim, not the statistic."""
    def attributed(d: Draft) -> bool:
        return _quoted(text, d.number.start) or _CLAIMED_BEFORE.search(
            text, max(d.sentence[0], d.number.start - 120), d.number.start) is not None
    cells: dict[tuple, list[Draft]] = {}
    for d in drafts:
        if d.flow and d.kind == "estimate" and d.period_end and d.number.value is not None:
            cells.setdefault((d.flow, d.breakdown, d.period_end, d.geography), []).append(d)
    for mentions in cells.values():
        quoted = [attributed(d) for d in mentions]
        own = [d.number for d, q in zip(mentions, quoted) if not q]
        for d, q in zip(mentions, quoted):
            if q and own and not any(_agree(o, d.number) for o in own):
                d.extra["disputed"] = True


def _agree(a, b) -> bool:
    """Two mentions of one figure: within each other's rounding, or one inside the other's range or bound."""
    slack = ((a.precision or 1) + (b.precision or 1)) / 2

    def span(n):
        low, high = n.value, n.value_high or n.value
        return (low, float("inf")) if n.qualifier == "at_least" else (float("-inf"), high) \
            if n.qualifier == "at_most" else (low, high)
    (a_low, a_high), (b_low, b_high) = span(a), span(b)
    return a_low - slack <= b_high and b_low - slack <= a_high


def _finish(article_id: str, text: str, published: date | None, d: Draft, original: str) -> Figure:
    n = d.number
    dim, _, value = (d.breakdown or "").partition(":")
    period_end = d.period_end if d.kind in ("estimate", "change") else None
    figure = Figure(
        figure_id=f"{article_id}:{n.start}" + (":2" if d.extra.get("twin") else ""), article_id=article_id, kind=d.kind, direction=d.direction, flow=d.flow,
        breakdown_dim=dim or None, breakdown_value=value or None, geography=d.geography or "UK",
        period_end=period_end, period_months=12 if period_end else None, value=n.value, value_high=n.value_high,
        precision=n.precision, qualifier=n.qualifier, raw_text=original[n.start:n.end],
        sentence=" ".join(text[d.sentence[0]:d.sentence[1]].split()), char_start=n.start, char_end=n.end,
        status="valid", reason=None, period_source=d.period_source if period_end else None, source=d.source)
    reason = n.malformed or (SUPERSEDED if d.extra.get("superseded") else None) \
        or (MISPRINT if d.extra.get("misprint") else None) or (MISREAD if d.extra.get("misread") else None) \
        or (DISPUTED if d.extra.get("disputed") else None) \
        or quarantine_reason(figure, published)
    return replace(figure, status="quarantined", reason=reason) if reason else figure

