"""The grammar of one sentence: its comparison clauses, which cue words describe which number,
and whether a number is an estimate, a change, a target or a forecast.

Pure functions of the text and offsets; `reader` strings them together sentence by sentence.
"""
from __future__ import annotations

import bisect
import re

from . import cues as C
from .numbers import NumberMention


def span_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def another_statement(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """A ";" stands between the two spans: "Net migration 0.24m and rising; Scotland's undecideds ..."."""
    return ";" in text[min(a[1], b[1]):max(a[0], b[0])]


def comparison_clauses(text: str, s: int, e: int, numbers: list[NumberMention]) -> list[tuple[int, int]]:
    """Comparison clauses ("up from 153,000 in the year to September 2012") that hold a number."""
    spans = []
    for m in C.COMPARISON.finditer(text, s, e):
        end = C.CLAUSE_END.search(text, m.end(), e)
        asides = []
        while end is not None and end.group(0) == "(" and text.find(")", end.end(), e) >= 0:
            # "down from a record 906k (revised up from 740k) in the year to June 2023": an aside
            # inside the clause, which goes on after it
            asides.append((end.start(), text.find(")", end.end(), e) + 1))
            end = C.CLAUSE_END.search(text, asides[-1][1], e)
        stop = end.start() if end else e
        if m.group(0) == "(":  # "(2022: 557k)": the whole bracket
            close = text.find(")", m.end(), e)
            stop = close if close >= 0 else e
        if m.group(0).strip().lower().endswith("from"):  # "fell from 1,218,000 to 948,000": "to" is back in the main clause
            to = C.TO_A_NUMBER.search(text, m.end(), stop)
            stop = to.start() if to else stop
        if C.PAST_LEVELS.match(m.group(0)):
            # "a gap that had stood at 512,000 in the year to June 2024 and at 891,000 the year before
            # that": the past levels run to the end of the sentence
            stop = e
        else:
            at = C.AT_A_NUMBER.search(text, m.end(), stop)  # "91,000 lower than a year earlier at 179,000"
            while at and any(a <= at.start() < b for a, b in asides):
                at = C.AT_A_NUMBER.search(text, at.end(), stop)
            stop = at.start() if at else stop
        # A clause with no number still holds its period ("at 121,000, a fraction of the levels seen in
        # 2023"), unless it compares estimates of one period: "166,000 higher than the previous estimate
        # for June 2023" is about June 2023.
        if any(m.start() <= n.start < stop for n in numbers) or not C.EARLIER_ESTIMATE.match(text, m.end(), stop):
            spans.append((m.start(), stop))
    return spans


def comparison_word(text: str, clause: tuple[int, int]) -> str:
    """The words that open a comparison clause, lowered: "from", "up from", "than", "against"."""
    return C.COMPARISON.match(text, clause[0]).group(0).strip().lower()


def clause_of(pos: int, clauses: list[tuple[int, int]]) -> int | None:
    for i, (s, e) in enumerate(clauses):
        if s <= pos < e:
            return i
    return None


COORDINATING = {",", ";", ":", "(", ")", "-", "–", "—", "and", "while", "but", "whereas", "with"}
CLAUSE_PENALTY = 10_000  # larger than any sentence: a cue in the number's own clause always wins
AND_PENALTY = 1_000
_LABEL_COLON = re.compile(r":\s*")
_LABEL_LEAD = re.compile(r"^[\s\-*•·\d.)]*")
_PARTITIVE = re.compile(r"\s+of\s+(?:(?:the|those|these|all)\s+|(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|’s)\s+)?", re.I)
_NUMBER_THEN_LABEL = re.compile(r"[ \t]*[—–:-][ \t]+")
_COLON_DEFINES = re.compile(r":\s+(?:the\s+|that\s+is\s+(?:the\s+)?)?", re.I)
_RELATIVE = re.compile(r",\s+(?:who|which|whose|whom)\b", re.I)


def attach(cues: list[C.Cue], numbers: list[NumberMention], marks: list[re.Match],
            text: str, start: int) -> list[dict[str, C.Cue]]:
    """Give each number at most one cue per family, closest pairs first: in "1.2 million people
    arriving and 479,000 leaving", "leaving" belongs to 479,000 so "arriving" goes to 1.2 million.

    Distance is counted within a clause first: in "170,000 had a definite job and 120,000 were
    looking for work" the job words are nearer the second number in characters, but "and" closes
    the first number's clause, so they describe the first."""
    bounds = [m.start() for m in marks]
    # A flow or breakdown said after the number, past the end of its clause, describes something
    # else: "net migration fell to 230,000 as EU citizens left", "needed 80,000 pickers and growers
    # had left fruit unpicked" (brackets and "with" only annotate the number: "151,000 with a
    # definite job").
    hard = [m.start() for m in marks if m.group(0) not in "()" and m.group(0).strip().lower() != "with"]

    starts = [m.start for m in numbers]

    def beyond_clause(c: C.Cue, n: NumberMention) -> bool:
        if c.family == "geography":  # "Net migration 0.24m and rising; Scotland's undecideds ...": another statement
            # (nor does a place reach past another number: "..., which cover Scotland and Northern Ireland,
            # put UK net migration at 753,000, with 1,224,000 arrivals")
            return another_statement(text, (c.start, c.end), (n.start, n.end)) or (
                c.end <= n.start and bisect.bisect_left(starts, c.end) < bisect.bisect_left(starts, n.start))
        if c.family not in ("breakdown", "flow") or c.start < n.end:
            return False
        if _QUOTE_THEN_SPEAKER.search(text, n.end, c.start):
            return True  # '"264,000 in a year is more than a city," said a group campaigning for lower immigration'
        if _NUMBER_THEN_LABEL.match(text, n.end) and not _LABEL_LEAD.sub("", text[start:n.start]):
            return False  # "214,000 — of those arriving, EU citizens": the rest of the line says what it is
        if _COLON_DEFINES.fullmatch(text, n.end, c.start):
            return False  # "... but 213,000: the net figure"
        # "The largest group, 179,000, came to work": the number in apposition, its verb after the comma
        first = n.end + 1 if C.APPOSITIVE_PREDICATE.match(text, n.end) else n.end
        return bisect.bisect_left(hard, c.start) > bisect.bisect_left(hard, first)

    flow_starts = [c.start for c in cues if c.family == "flow"]
    marks_by_start = {m.start(): m for m in marks}

    def is_label(c: C.Cue) -> bool:
        """The cue is all of its segment ("Immigration: 1.2m | Emigration: 532k"): it binds tightest."""
        i = bisect.bisect_left(bounds, c.start) - 1
        return not _LABEL_LEAD.sub("", text[marks[i].end() if i >= 0 else start:c.start])

    def before_own_flow(c: C.Cue, n: NumberMention) -> bool:
        """A breakdown in an earlier clause, when the number's clause names its own flow: "control
        immigration from the EU, and ... cutting net migration to below 100,000", "Formal study tops
        reasons for moving to UK as 586,000 arrive"."""
        if c.family != "breakdown" or c.end > n.start:
            return False
        i = bisect.bisect_left(hard, c.end)
        if i == len(hard) or hard[i] >= n.start:
            return False
        j = bisect.bisect_left(flow_starts, hard[i])
        if j < len(flow_starts) and flow_starts[j] < n.start:
            # "Nationals of countries outside the EU, who have made up the bulk of arrivals, numbered
            # 641,000": a relative clause closed before the number describes the group, not the number
            closed = hard[bisect.bisect_left(hard, n.start) - 1]
            return not (_RELATIVE.match(text, hard[i]) and closed > flow_starts[j] and text[closed] == ",")
        # an "as" clause is an assertion of its own: its flow words after the number count too
        k = bisect.bisect_left(hard, n.start) - 1
        if marks_by_start[hard[k]].group(0).strip().lower() in COORDINATING:
            return False
        after = bisect.bisect_left(hard, n.end)
        clause_end = hard[after] if after < len(hard) else len(text)
        j = bisect.bisect_left(flow_starts, hard[k])
        return j < len(flow_starts) and flow_starts[j] < clause_end

    # ("143,000 with a job already arranged": "with" after a number annotates it, like a bracket)
    annotating = [m.start() for m in marks if m.group(0).strip().lower() != "with"]

    def gap(c: C.Cue, n: NumberMention) -> int:
        lo, hi = (c.end, n.start) if c.end <= n.start else (n.end, c.start)
        marks_between = bounds if c.end <= n.start else annotating
        crossed = bisect.bisect_left(marks_between, hi) > bisect.bisect_left(marks_between, lo) and not (
            c.end <= n.start and _LABEL_COLON.fullmatch(text, lo, hi) and is_label(c))
        return span_gap((c.start, c.end), (n.start, n.end)) + (CLAUSE_PENALTY if crossed else 0)

    own: list[dict[str, C.Cue]] = [{} for _ in numbers]
    pairs = sorted((gap(c, n), ci, ni) for ci, c in enumerate(cues) for ni, n in enumerate(numbers))
    used = set()
    for _, ci, ni in pairs:
        cue = cues[ci]
        if ci in used or cue.family in own[ni] or beyond_clause(cue, numbers[ni]) or before_own_flow(cue, numbers[ni]) \
                or cue.family == "breakdown" and _in_a_closed_aside(text, start, cue, numbers[ni]):
            continue
        own[ni][cue.family] = cue
        used.add(ci)
    for ni, n in enumerate(numbers):
        # "151,000 of last year's work migrants arrived with a job already secured": a part of the
        # group named after "of" is what its own words make it, a kind of that group
        parent = own[ni].get("breakdown")
        if parent is None or parent.start < n.end or not _PARTITIVE.fullmatch(text, n.end, parent.start):
            continue
        child = next((ci for ci, c in enumerate(cues) if ci not in used and c.family == "breakdown"
                      and c.start >= parent.end and c.start - n.end <= 90 and c.value.startswith(parent.value + "_")
                      and not _SENTENCE_STOP.search(text, parent.end, c.start)), None)
        if child is not None:
            own[ni]["breakdown"] = cues[child]
            used.add(child)
    return own


_QUOTE_THEN_SPEAKER = re.compile(r"[”\"]\s*,?\s+(?:[\w'’.-]+\s+){0,4}?(?:said|says|added|adds|told|wrote|argued|claimed|warned|insisted)\b", re.I)
_KIND_WINDOW = 160  # how far before a number its kind words are looked for
_SENTENCE_STOP = re.compile(r"[.;]")
_NOT_BY = re.compile(r"\bnot\s+by\s+(?:the\s+)?(?:[a-z]+\s+)?$", re.I)
_ASIDE_DASH = re.compile(r"\s[—–-]\s|\s--\s")


def _in_a_closed_aside(text: str, s: int, c: C.Cue, n: NumberMention) -> bool:
    """A group named inside an aside that closes before the number describes something else: "which adds
    asylum seekers to the survey, 321,000 people came", "mid-2004 - after eight central and eastern
    European states joined the EU - 586,000 people arrived"."""
    if c.end > n.start:
        return False
    if _aside_closed(text, s, c.start, c.end, n.start):
        return True
    opened = text.rfind(",", s, c.start)
    return opened >= 0 and _RELATIVE.match(text, opened) is not None and "," in text[c.end:n.start]


def _aside_closed(text: str, s: int, ws: int, we: int, at: int) -> bool:
    """The kind word sits in an aside between dashes that closes before the number: "In 2002 — before any
    government had promised to cut the numbers — 498,000 people came"."""
    if len(_ASIDE_DASH.findall(text, s, ws)) % 2 == 1 and _ASIDE_DASH.search(text, we, at) is not None:
        return True
    # "Far from falling, as ministers had said it would, net migration rose to 239,000": an aside opened by "as"
    return "," in text[we:at] and _AS_ASIDE.search(text[s:ws]) is not None


_AS_ASIDE = re.compile(r"(?:^|,)\s*(?:just\s+)?as\s+[^,;:()–—]*$", re.IGNORECASE)


def kind_of(text: str, s: int, e: int, n: NumberMention, words: list[tuple[int, int, str]],
          word_starts: list[int]) -> tuple[str, str | None]:
    """Estimate, change, target or forecast, from the kind words (`cues.kind_cues`) shortly before
    the number and the words right after it."""
    lo = max(s, n.start - _KIND_WINDOW)
    near = words[bisect.bisect_left(word_starts, lo):bisect.bisect_left(word_starts, n.start)]
    # within the sentence ("... to 614,000\n\nMore people ..." is another), and far enough to see "more people
    # came to live in Britain than left"
    after = text[n.end:min(e, n.end + 80)]
    change = None
    for ws, _, tag in near:  # the leftmost movement phrase that runs right up to the number
        if tag == "change":
            change = C.CHANGE_BEFORE.match(text, ws, n.start) or C.CHANGE_VERB_BEFORE.match(text, ws, n.start)
            if change:
                break
    for kind in ("target", "forecast"):
        for ws, we, tag in near:
            if tag == kind and we <= n.start and n.start - we <= C.KIND_REACH and not _SENTENCE_STOP.search(
                    text, we, n.start) and not C.CONTRAST.search(text, we, n.start) \
                    and not C.ESTIMATE_BETWEEN.search(text, we, n.start) and not _aside_closed(text, s, ws, we, n.start):
                change = change or C.CHANGE_AFTER.match(after)
                return kind, (C.direction_of(change.group(0)) if change else None)
    if change:
        return "change", C.direction_of(change.group(0))
    if _NOT_BY.search(text, max(s, n.start - 24), n.start):
        return "change", None  # "fell by 61,000, not by the 100,000 one minister claimed": the movement denied
    m = C.CHANGE_AFTER.match(after)
    if m:
        return "change", C.direction_of(m.group(0))
    if C.FORECAST_AFTER.match(text, n.end, min(e, n.end + 50)):
        return "forecast", None
    return "estimate", None



def counts_no_migrants(text: str, s: int, e: int, n: NumberMention, flow_cue: C.Cue | None) -> bool:
    """Stocks of people, age groups and things counted: "2 million EU workers", "aged 18 to 24",
    "3 million jobs", "Vacancies stood at 829,000", "the number of EU nationals working here", and
    samples ("a survey of 1,200 students")."""
    after = min(e, n.end + 60)
    return bool(C.STOCK.match(text, n.end, after) and flow_cue is None
                or C.STOCK_BEFORE.search(text, max(s, n.start - 40), n.start)
                or C.POSSESSION_BEFORE.search(text, max(s, n.start - 30), n.start)
                or C.NOT_A_COUNT_BEFORE.search(text, max(s, n.start - 40), n.start)
                or C.WORKER_STOCK.match(text, n.end, after) or C.AGE_GROUP.match(text, n.end, after)
                or C.AGE_BEFORE.search(text, max(s, n.start - 80), n.start)
                or C.COUNTED_THINGS.match(text, n.end, min(e, n.end + 100))
                or C.THINGS_BEFORE.search(text, max(s, n.start - 160), n.start)
                or C.STOCK_SUBJECT.search(text, max(s, n.start - 160), n.start))
