"""Reading an article top to bottom, sentence by sentence: each number's flow, group, country,
kind and period, from its own clause first, then its sentence, then what came before.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import cues as C
from .clauses import (AND_PENALTY, CLAUSE_PENALTY, COORDINATING, another_statement, attach, clause_of,
                      comparison_clauses, comparison_word, counts_no_migrants, kind_of, span_gap)
from .numbers import NumberMention
from .periods import PeriodMention, previous_year, resolve_relative
from .segments import sentences

_HEADING_WIDTH = 120
_PLAIN_REACH = 2  # sentences without figures looked back through
_BARE_NUMBER = re.compile(r"\s*(?:(?:19|20)\d\d\s*[:–—-]\s*)?(?:about|around|some|nearly|almost|over|under)?\s*"
                          r"[\d][\d,.]*\s*(?:k|m|million|bn)?[.!]?\s*(?:\([^()\d\n]{0,40}\)\s*)?", re.I)  # "(calendar year)"
_SHORT_STATEMENT = re.compile(r"\s*(?:(?:it|this|that)(?:\s+(?:is|was)|'s)\s+)?(?:about|around|some|nearly|almost|over|under)?\s*"
                              r"[\d][\d,.]*\s*(?:k|m|million)?[.!]?\s*", re.I)
_BARE_VERB = re.compile(r"(?:emigrat|left|arriv|came|moved|depart|return|went)", re.IGNORECASE)  # "172,000 emigrated"
_WHOLE = re.compile(r"\b(?:overall|in\s+all|in\s+total|altogether|all\s+told)\b", re.IGNORECASE)
_PRECISELY_AFTER = re.compile(r"\s*(?:to\s+be\s+(?:exact|precise)|in\s+(?:its|the)\s+central\s+estimate|precisely|exactly)\b",
                              re.IGNORECASE)
_RESTATING_DASH = re.compile(r"\s*(?:[-–—(]|,\s+or)\s*")  # "764,000 - three-quarters of a million", "685,000 (0.69m)"
_SENTENCE_STOP = re.compile(r"[.;!?]\s")
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|all|those)\s+", re.IGNORECASE)
_YEAR_LABEL = re.compile(r"\s*(?:19|20)\d\d\s*[:–—-]")
_LIVING = re.compile(r"\b(?:live|lives|living|resident|residents|population)\b", re.IGNORECASE)
_PERIOD_RANGE = re.compile(r"\s*(?:to|-|–|—|and|until)\s*", re.IGNORECASE)
_SENTENCE_ENDS = set(".!\"'”’")
# "citizens of other EU countries and those from outside the Union": two groups set side by side
_PAIR_JOIN = re.compile(r"\s*,?\s*(?:and|or)\s+(?:(?:those|people|the\s+ones|citizens|nationals)\s+)?", re.IGNORECASE)
# "Britons returning home, EU nationals and non-EU citizens ... respectively": labels in a list, a
# few words after each
_RUN_LABEL_JOIN = re.compile(r"(?:\s+[\w-]+){0,3}?" + C.LIST_JOIN.pattern + r"(?:to\s+|for\s+)?", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[;:]|,(?!\d)")
_CLAUSE_AFTER = re.compile(r"[,;:]|\s+and\s+", re.IGNORECASE)
_BEFORE_THAT = re.compile(r"\s+that\b", re.IGNORECASE)


@dataclass
class Draft:
    number: NumberMention
    sentence: tuple[int, int]
    flow: str | None = None
    breakdown: str | None = None
    geography: str | None = None
    kind: str = "estimate"
    direction: str | None = None
    period_end: date | None = None
    period_source: str | None = None
    source: str = "prose"
    extra: dict = field(default_factory=dict)


_EACH_BEFORE = re.compile(r"\s+each\b[^,;:.\d]{0,40}", re.IGNORECASE)  # "... each brought in 170,000"
_EACH_AFTER = re.compile(r"\s+(?:people\s+)?each\b", re.IGNORECASE)    # "... drew 170,000 each"
_BOTH = re.compile(r"\bboth\s+(?:the\s+)?$", re.IGNORECASE)
_UP_TO = re.compile(r"[^,;:.\d]{0,40}")


def _negated(n: NumberMention) -> NumberMention:
    """Minus a number: "a net outflow of more than 80,000" is net migration below -80,000."""
    if n.value is None or n.value < 0:
        return n
    flipped = {"at_least": "at_most", "at_most": "at_least"}.get(n.qualifier, n.qualifier)
    high = -n.value_high if n.value_high is not None else None
    return n._replace(value=high if high is not None else -n.value, value_high=-n.value if high is not None else None,
                      qualifier=flipped)


def _run_ending(text: str, drafts: list[Draft], at: int) -> list[Draft]:
    """The numbers joined by commas and "and" that end right before `at` (a few words may follow them:
    "270,000 and 301,000 non-EU citizens respectively")."""
    run: list[Draft] = []
    for d in reversed(drafts):
        edge = run[0].number.start if run else at
        joiner = C.LIST_JOIN if run else C.RUN_TAIL
        if not joiner.fullmatch(text, d.number.end, edge) and not (not run and d.number.end == edge):
            break
        run.insert(0, d)
    return run


class Reader:
    """State carried while reading one article top to bottom."""

    def __init__(self, text: str, published: date | None, lowered: str):
        self.text, self.published = text, published
        self.lowered = lowered  # C.lowercase(text), shared by every cue scan of the article
        self.context_period: date | None = None      # the period the paragraph is talking about
        self.last_period: date | None = None         # ...or, past a paragraph's end, the last one talked about
        self.context_geography: str | None = None
        self.previous_flow: str | None = None
        self.previous_flows: set[str] = set()       # every flow the last sentence with figures gave
        self.question_flow: str | None = None        # the flow a question just asked about
        self.flow_from_lead = False                  # previous_flow was named by a lead-in or question
        self.question_group: str | None = None       # ...and the one group it named, if any
        self.lead_in = False                         # the last line read introduces a list: ":" or a heading
        self.plains: list[tuple[int, int]] = []      # sentences without figures since the last with some
        self.last_flow: str | None = None            # the flow of the last figure read
        self.last_breakdown: str | None = None       # ...and its group
        self.after_things = False                    # the last sentence with numbers counted no migrants
        self.earlier_flow: str | None = None         # the flow the paragraph before ended on
        self.totals: dict[str, tuple[float, int]] = {}  # the last headline (value, precision) of each flow
        self.article_period: date | None = None
        self.article_geography = "UK"
        self.article_flow: str | None = None

    def new_paragraph(self):
        if self.lead_in:
            return  # "The main reasons were:", a blank line, then the list: the list is its paragraph
        self.context_period = None
        self.context_geography = None
        self.earlier_flow = self.previous_flow or self.earlier_flow
        self.previous_flow = None
        self.flow_from_lead = False

    def index(self, numbers: list[NumberMention], periods: list[PeriodMention]) -> None:
        """Numbers and periods are found in one pass over the article; sentences look them up."""
        self.numbers, self.number_starts = numbers, [n.start for n in numbers]
        self.periods, self.period_starts = periods, [p.start for p in periods]

    @staticmethod
    def _within(items, starts, s, e):
        return items[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]

    def read_sentence(self, s: int, e: int, whole_line: bool = False) -> list[Draft]:
        text = self.text
        numbers = [n for n in self._within(self.numbers, self.number_starts, s, e) if n.end <= e]
        periods = [p for p in self._within(self.periods, self.period_starts, s, e) if p.end <= e]
        clauses = comparison_clauses(text, s, e, numbers) if numbers else []
        # ("337,000 more people came to the UK than left in the year ending June 2016": one balance, no comparison)
        clauses = [c for c in clauses if not C.MORE_BEFORE_THAN.search(text, max(s, c[0] - 80), c[0])]
        main_abs = [p for p in periods if p.kind == "absolute" and p.period_end and clause_of(p.start, clauses) is None]
        anchor = main_abs[0].period_end if main_abs else self.context_period
        drafts = [] if not numbers else self._drafts(s, e, numbers, periods, clauses, anchor)
        ending = text[s:e].rstrip()[-1:]
        # A heading or chart caption ("By citizenship", "Chart 3: Immigration by citizenship, year ending
        # March 2022") introduces what follows, like a lead-in ending with ":".
        heading = whole_line and not numbers and e - s <= _HEADING_WIDTH and ending not in _SENTENCE_ENDS
        self.lead_in = not numbers and (ending == ":" or heading)
        if not numbers and (ending in (":", "?") or heading):
            # A lead-in ("Immigration by reason, year ending June 2016:") names the flow of the list below
            # it; a question ("How many people left in 2023?") names the flow of its answer.
            named = C.find_cues(text, s, e, self.lowered, ("flow", "breakdown"))
            lead = [c.value for c in named if c.family == "flow"]
            groups = {c.value for c in named if c.family == "breakdown"}
            # "Romanians and Bulgarians?" (not "How many Britons live in other EU countries?": people, not a flow)
            self.question_group = groups.pop() if ending == "?" and len(groups) == 1 and not _LIVING.search(text, s, e) else None
            asked = C.QUESTION_FLOW.search(text, s, e) if ending == "?" and not lead else None
            lead = lead or ([C.QUESTION_FLOWS[asked.group(1).lower()]] if asked else [])  # "Who came?"
            if len(set(lead)) == 1:
                self.previous_flow, self.flow_from_lead = lead[0], True
                self.question_flow = lead[0] if ending == "?" else None
        if not numbers and (not self.lead_in or ending == "?"):
            self.plains.append((s, e))  # a sentence without figures may name what the next one is about
        if numbers:
            self.plains = []
        dated = [d.period_end for d in drafts if d.flow and d.kind == "estimate" and d.period_end
                 and d.period_source in ("sentence", "clause")]
        if dated:
            self.last_period = dated[-1]  # "In the twelve months that followed, incomers dipped to 590,000"
        if main_abs and not (len(main_abs) > 1 and _PERIOD_RANGE.fullmatch(text, main_abs[0].end, main_abs[1].start)):
            # the period the sentence's figures are of, if any; else the last it named ("raised its estimate
            # for the year to June 2024 to 852,000, alongside its first estimate for 2024": June 2024)
            named = [p for p in dated if p in {p.period_end for p in main_abs}]
            self.context_period = self.last_period = named[-1] if named else main_abs[-1].period_end
        elif main_abs:  # "year ending March 2020 to year ending March 2022": a range dates no single figure
            self.context_period = None
        return drafts

    def _drafts(self, s, e, numbers, periods, clauses, anchor) -> list[Draft]:
        text = self.text
        cues = C.find_cues(text, s, e, self.lowered)
        marks = list(C.CLAUSE_END.finditer(text, s, e))
        own = attach(cues, numbers, marks, text, s)
        # "as" and "driven by" open an explanation: its flow words say why, not what is counted
        explanations = [m.start() for m in marks if m.group(0).strip().lower() not in COORDINATING]
        flows = {c.value for c in cues if c.family == "flow"}
        geos = [c for c in cues if c.family == "geography"]
        places = [c for c in geos if c.value != C.SOURCE_UK]  # "according to the ONS" names no place
        framed = next((c for c in geos if c.value != C.SOURCE_UK and C.PLACE_FRAME.fullmatch(text, s, c.start)
                       and C.FRAME_COMMA.match(text, c.end)), None)
        anaphoric = bool(C.ANAPHORA.search(text, s, e))
        # "Among EU citizens, 61,000 arrived and 124,000 left": a group named first frames the sentence
        group_frame = next((c for c in cues if c.family == "breakdown" and C.GROUP_FRAME.fullmatch(text, s, c.start)
                            and C.GROUP_FRAME_COMMA.match(text, c.end)), None)
        # "revised ... from 740,000" (not "fell to 290,000, from a revised 330,000": that compares years)
        turns = [(m.start(), m.group(0).strip().lower() == "and") for m in C.NEW_ASSERTION.finditer(text, s, e)] \
            if periods else []
        revision = any(clause_of(m.start(), clauses) is None for m in C.REVISION.finditer(text, s, e))
        kind_words = C.kind_cues(self.lowered, s, e)
        kind_starts = [w[0] for w in kind_words]
        drafts = []
        main_draft: Draft | None = None
        frame: Draft | None = None  # "Of the 398,000 people who emigrated, ...": the whole the parts belong to
        for i, n in enumerate(numbers):
            d = Draft(n, (s, e))
            d.kind, d.direction = kind_of(text, s, e, n, kind_words, kind_starts)
            clause = clause_of(n.start, clauses)
            d.extra["clause"] = clause
            flow_cue, bd_cue, geo_cue = own[i].get("flow"), own[i].get("breakdown"), own[i].get("geography")
            d.extra["own_flow"] = flow_cue is not None
            if bd_cue is not None and bd_cue.start > n.end and _OF_THE_WHOLE.fullmatch(text, n.end, bd_cue.start):
                # "Nationals of the A8 ... accounted for 62,000 of the EU arrivals": after "of the", the whole;
                # the part is the group named before the number
                subject = next((c for c in reversed(cues) if c.family == "breakdown" and c.end <= n.start
                                and c.value.partition(":")[0] == bd_cue.value.partition(":")[0]), None)
                bd_cue = subject or bd_cue
            if clause is not None and main_draft is not None:  # compared like with like: with the figure
                # the comparison hangs off ("139,000, a fall of 752,000 from the peak of 891,000")
                # (a second past level in the same clause is of the first's flow: "a gap that had stood
                # at 512,000 in 2024 and at 891,000 the year before that")
                compared = next(p for p in reversed(drafts) if p.extra.get("clause") in (None, clause))
                d.flow = flow_cue.value if flow_cue else compared.flow
                d.breakdown = bd_cue.value if bd_cue else compared.breakdown
                d.extra["compared"] = compared
            else:
                if flow_cue is None and len(flows) == 1 and explanations:
                    reach = {c.value for c in cues if c.family == "flow" and (c.start < n.end or bisect.bisect_left(
                        explanations, c.start) == bisect.bisect_left(explanations, n.end))}
                else:
                    reach = flows
                d.flow = flow_cue.value if flow_cue else (next(iter(reach)) if len(reach) == 1 else None)
                d.breakdown = bd_cue.value if bd_cue else None
                if d.flow is None:
                    self._lean_on_context(d, drafts, anaphoric)
            if bd_cue is None and d.breakdown is None:
                d.breakdown = group_frame.value if group_frame is not None else self.question_group
            if d.breakdown is None and flow_cue is not None and not drafts and not text[n.end:flow_cue.start].strip() \
                    and _BARE_VERB.match(text, flow_cue.start) \
                    and not _WHOLE.search(text, s, e):
                # "EU nationals were also leaving in large numbers. Some 172,000 emigrated in 2021": the
                # number stands for the group the sentence before talked about
                named = self._plain_flow()
                if named and named[0] == flow_cue.value and named[1]:
                    d.breakdown = named[1]
            if drafts and drafts[-1].flow and (drafts[-1].kind == "change" and C.NEW_LEVEL_AFTER_CHANGE.fullmatch(
                    text, drafts[-1].number.end, n.start) or self._from_to(drafts[-1], n, clauses)):
                # "EU immigration rose by 42,000 to 228,000", "fell from 284,000 in the year to June
                # 2016 to 178,000": the level the change arrived at
                d.flow = flow_cue.value if flow_cue else drafts[-1].flow
                d.breakdown = bd_cue.value if bd_cue else drafts[-1].breakdown
                d.extra["after_change"] = drafts[-1]
            if flow_cue is None and main_draft is not None and main_draft.flow and C.REVISION_SIZE_AFTER.match(text, n.end):
                # the last figure stated outright, not one the statement is "based on"
                revised = next(p for p in reversed(drafts) if p is main_draft or p.flow and not C.ELABORATION.search(
                    text, main_draft.number.end, p.number.start))
                d.kind, d.flow, d.breakdown = "change", revised.flow, revised.breakdown
            if flow_cue is None and drafts and drafts[-1].flow and drafts[-1].kind == d.kind == "estimate" \
                    and C.RESTATED_AT.fullmatch(text, drafts[-1].number.end, n.start):
                d.flow, d.breakdown = drafts[-1].flow, bd_cue.value if bd_cue else drafts[-1].breakdown
            if drafts and drafts[-1].flow and drafts[-1].kind == d.kind == "estimate" and self._restates(drafts[-1], n):
                # "roughly 1.1 million people arrived - 1,138,000 in its central estimate -", "0.9 million
                # arrived, 872,000 to be exact", "a balance of 764,000 - three-quarters of a million": the figure again
                d.flow, d.breakdown = drafts[-1].flow, drafts[-1].breakdown
                d.extra["restates"] = drafts[-1]
            if drafts and bd_cue is None and C.DID_SO.search(text, max(s, n.start - 40), n.start):
                d.flow, d.breakdown = drafts[-1].flow, drafts[-1].breakdown
            elif bd_cue is None and C.GIVEN_BY.search(text, max(s, n.start - 30), n.start):
                named = next((c for c in reversed(cues) if c.family == "breakdown" and c.end <= n.start
                              and c.value.startswith("reason:")), None)
                d.breakdown = named.value if named else d.breakdown
            elif bd_cue is None and drafts and C.PART_OF_THE.match(text, n.end):
                twin = next((p for p in reversed(drafts) if p.breakdown and C.PART_OF_THE.match(text, p.number.end)), None)
                if twin is not None and d.flow in (None, twin.flow):
                    d.flow, d.breakdown = twin.flow, twin.breakdown
            if drafts and C.PART_OF.search(text, max(s, n.start - 40), n.start):
                d.flow = drafts[-1].flow  # "..., of whom 257,000 were British": the group just counted
            elif frame is not None and flow_cue is None and d.breakdown:
                d.flow = frame.flow  # "Of the 398,000 people who emigrated, 131,000 were British citizens"
                d.extra["frame"] = frame  # ...and of the whole's period, once that is known
            if not drafts and C.OF_THE.search(text, max(s, n.start - 12), n.start) and d.flow:
                frame = d
            elif frame is not None and C.FRAME_END.search(text, frame.number.end, n.start):
                frame = None
            placed = next((p for p in reversed(drafts) if p.extra.get("placed")), None)
            if framed is not None and (geo_cue is None or geo_cue.start > n.end):
                d.geography = framed.value  # "For Wales, the equivalent figures were 24,900 ... and 13,600"
            elif geo_cue and geo_cue.value != C.SOURCE_UK:
                d.geography = geo_cue.value
                d.extra["placed"] = True
            elif geo_cue is None and placed is not None and not any(
                    placed.number.end <= c.start < n.start for c in places):
                # "put UK net migration at 753,000, with 1,224,000 arrivals and 471,000 departures": the
                # place named for the figure before, with no other place between
                d.geography = placed.geography
                d.extra["placed"] = True
            elif reachable := [c for c in places if not another_statement(text, (c.start, c.end), (n.start, n.end))]:
                # "For Wales, ... 13,600 departures, according to the ONS": Wales (a place past a ";"
                # is another statement's: "Net migration 0.24m and rising; Scotland's undecideds ...")
                d.geography = min(reachable, key=lambda c: span_gap((c.start, c.end), (n.start, n.end))).value
            elif geo_cue or geos:
                d.geography = "UK"
            else:
                d.geography = self.context_geography or self.article_geography
            if C.EXCEEDED_BY.search(text, max(s, n.start - 90), n.start) or C.NET_GROWTH_AFTER.match(text, n.end, min(e, n.end + 80)) \
                    or C.NET_MADE_OF_AFTER.match(text, n.end, min(e, n.end + 120)) or (
                    C.NET_GROWTH_BEFORE.search(text, max(s, n.start - 30), n.start)
                    and C.TO_POPULATION.match(text, n.end, min(e, n.end + 60))) or (
                    C.NET_INCREASE_BEFORE.search(text, max(s, n.start - 30), n.start)
                    and C.IN_POPULATION.match(text, n.end, min(e, n.end + 60))):
                # "The population grew by 174,000 through migration", "Migration adds 230,000 to UK population"
                d.flow, d.kind, d.direction = "net_migration", "estimate", None
                d.extra["inherited"] = False
            elif self._within_the_uk(d, numbers, i, s, e):
                d.flow, d.extra["things"] = None, True  # (people, but not a flow of ours)
            elif counts_no_migrants(text, s, e, n, flow_cue) or drafts and drafts[-1].extra.get("things") \
                    and C.INCLUDING.search(text, max(s, n.start - 20), n.start):
                d.flow = None  # ("1.13 million visas ..., including 291,000 to students": more of the same things)
                d.extra["things"] = True
            elif d.breakdown is None and flow_cue is not None and 0 <= flow_cue.start - n.end <= 2 and drafts \
                    and drafts[-1].extra.get("group_after"):
                d.breakdown = drafts[-1].breakdown  # "248,000 EU citizens arrived and 121,000 left": the same group
            elif drafts and drafts[-1].breakdown and all(c is None or c.end <= drafts[-1].number.start
                                                          for c in (flow_cue, bd_cue)) \
                    and C.AND_THEN.fullmatch(text, drafts[-1].number.end, n.start):
                # "266,000 came for work in the year to March 2017 and 259,000 in the year to September 2017"
                d.flow, d.breakdown = drafts[-1].flow, drafts[-1].breakdown
            d.extra["group_after"] = bd_cue is not None and 0 <= bd_cue.start - n.end <= 2
            self._period(d, n, periods, clauses, clause, anchor, turns, explanations)
            if d.period_end is None and clause is not None and self._opens_from(clause, clauses):
                # "from 411,000 in the year to September 2021 to 493,000 ..., so net migration climbed
                # from 226,000 to 603,000": a second "from" in the sentence starts where the first did
                earlier = next((p for p in reversed(drafts) if p.extra.get("clause") is not None and p.period_end
                                and self._opens_from(p.extra["clause"], clauses)), None)
                if earlier:
                    d.period_end, d.period_source = earlier.period_end, "clause"
            if d.kind in ("forecast", "target") and clause is not None and d.period_end and \
                    (self.published is None or d.period_end <= self.published) and \
                    any(p.kind == "absolute" and clause_of(p.start, clauses) == clause for p in periods):
                # "expected to fall to 350,000 by 2026, from 685,000 in 2023": the base is a past estimate
                d.kind, d.direction = "estimate", None
            if C.MISPRINT_BEFORE.search(text, max(s, n.start - 140), n.start):
                d.extra["misprint"] = True  # "An earlier version said emigration was 571,000": printed in error
            elif d.kind == "estimate" and (C.SUPERSEDED_BEFORE.search(text, max(s, n.start - 60), n.start)
                                           or C.SUPERSEDED_AFTER.match(text, n.end)):
                d.extra["superseded"] = True  # "previously estimated at 740,000"
            elif d.kind == "estimate" and revision and clause is not None and self._opens_from(clause, clauses):
                d.extra["revised_from"] = True  # "revised up to 906,000 from 740,000"
            if clause is None and main_draft is None:
                main_draft = d
            drafts.append(d)
        for d, before in zip(drafts[1:], drafts):
            if C.REVISED_ASIDE.search(text, max(s, d.number.start - 50), d.number.start) \
                    and text[before.number.end:d.number.start].lstrip().startswith("("):
                # "a record 906k (revised up from 740k)": the value the figure before the bracket replaced
                d.flow, d.breakdown, d.geography = before.flow, before.breakdown, before.geography
                d.period_end, d.period_source, d.kind = before.period_end, before.period_source, before.kind
                d.extra["superseded"] = d.kind == "estimate"
                d.extra.pop("revised_from", None)
        now = next((d for d in drafts if d.kind == "estimate" and C.NOW_BEFORE.search(text, max(s, d.number.start - 30), d.number.start)), None)
        if now is not None:
            for d in drafts:
                if d is now:
                    break
                if d.kind == "estimate" and (d.flow, d.breakdown, d.period_end) == (now.flow, now.breakdown, now.period_end):
                    d.extra["superseded"] = True  # an earlier value of the figure now put at another
        for d in drafts:  # the figure a revision replaces: the same period, an older vintage
            if d.extra.pop("revised_from", False) and main_draft and main_draft.flow == d.flow \
                    and d.period_end in (None, main_draft.period_end):
                d.period_end, d.period_source = main_draft.period_end, main_draft.period_source
                d.extra["superseded"] = True
        for d in drafts:
            if d.flow == C.NET_OUTFLOW:
                d.flow, d.number = "net_migration", _negated(d.number)
        self.question_flow = self.question_group = None  # answered
        last = next((d for d in reversed(drafts) if d.flow), None)
        if last is not None:
            self.last_flow, self.last_breakdown = last.flow, last.breakdown
        self.after_things = all(d.flow is None for d in drafts)  # every number here counted something else
        if C.RESPECTIVELY.search(text, s, e):
            self._respectively(drafts, s, e, periods, clauses)
        if "former" in text[s:e] or "latter" in text[s:e]:
            self._former_latter(drafts, s)
        if self.lowered.find("each", s, e) >= 0 or self.lowered.find("both", s, e) >= 0:
            drafts = self._each(drafts, s, e)
        self._parts_of_a_total(drafts)
        for d in drafts:
            if d.flow and not d.breakdown and d.kind == "estimate" and d.number.value:
                self.totals[d.flow] = (d.number.value, d.number.precision or 1)
        # The next sentence leans on what this one is about: its main clause, the first figure with a
        # flow ("Immigration rose to 1.3 million, while emigration was 466,000. Of the total, ...").
        lead = next((d.flow for d in drafts if d.flow), None)
        if lead:
            # (a list under "Emigration by reason:" stays the lead-in's while its items only lean on it)
            self.flow_from_lead = self.flow_from_lead and lead == self.previous_flow and all(
                d.extra.get("inherited") for d in drafts if d.flow)
            self.previous_flow = lead
            self.previous_flows = {d.flow for d in drafts if d.flow}
        geo_here = [c.value if c.value != C.SOURCE_UK else "UK" for c in geos]
        if geo_here:
            self.context_geography = geo_here[-1]
        return drafts

    def _lean_on_context(self, d: Draft, drafts: list[Draft], anaphoric: bool) -> None:
        """The flow of a figure with no flow words of its own, from what was said just before."""
        if d.kind == "change" and drafts and drafts[-1].flow:
            # "Net migration rose to 300,000, up 20,000": a movement with no words of its own
            # measures the figure just given
            d.flow, d.breakdown = drafts[-1].flow, d.breakdown or drafts[-1].breakdown
            return
        if self.previous_flow and C.THAT_IS.match(self.text, d.sentence[0]) and C.REVISION_SIZE_AFTER.match(self.text, d.number.end):
            # "... puts net migration for 2024 at 346,000, with ... 598,000 departures. That is 81,000 lower than
            # first published": the revision of the headline figure just given
            d.kind, d.flow = "change", self.previous_flow
            return
        if d.kind == "change" and not d.breakdown and self.last_flow and C.THAT_IS.match(self.text, d.sentence[0]):
            d.flow = self.last_flow  # "... leaving net migration at 139,000. That is down 95,000": the last figure
            return
        if d.extra.get("clause") is not None and not drafts and not d.breakdown and self.last_flow \
                and C.THAT_IS.match(self.text, d.sentence[0]):
            # "Study fell to 164,000 in the year to March 2016. That is down from 168,000 in 2015": the same
            # thing the figure just given counts, at another time
            d.flow, d.breakdown = self.last_flow, self.last_breakdown
            return
        if self.question_flow:
            d.flow = self.question_flow  # "How many left in 2023?" "About 532,000."
            return
        if _BARE_NUMBER.fullmatch(self.text, *d.sentence):
            # "Immigration: up. 576k.": the label just before the bare number; "2005 – 232,000" in a
            # timeline: the flow of the line above
            named = self._plain_flow()
            if named:
                d.flow, d.breakdown = named
                return
            if self.previous_flow:
                d.flow = self.previous_flow
                return
            if self.article_flow and _YEAR_LABEL.match(self.text, d.sentence[0]):
                d.flow = self.article_flow  # a chronology's "2010 – 256,000" under "A decade of net migration"
                return
        if drafts and drafts[-1].flow and C.TOTAL_BEFORE.search(self.text, max(d.sentence[0], d.number.start - 30), d.number.start):
            d.flow = drafts[-1].flow  # "NI gains 6,700 from migration as UK total reaches 248,000"
            return
        if d.kind == "change" and not anaphoric and self.previous_flow:
            d.flow = self.previous_flow  # "Net: 227k. Up 22k on a year earlier."
            return
        if d.kind == "target" and not d.breakdown and self.article_flow:
            d.flow = self.article_flow  # "his target of below 100,000": a target is of what the story is about
            return
        if _SHORT_STATEMENT.fullmatch(self.text, *d.sentence):
            ahead = self._flow_said_next(d.sentence[1])
            if ahead:  # "It is 889,000. That was the population boost from migration ...": said just after
                d.flow = ahead
                return
        if anaphoric and not d.breakdown and self.article_flow and C.REVISION.search(self.text, *d.sentence):
            d.flow = self.article_flow  # "Statisticians also revised their estimate for ... up from 333,000 to 341,000"
            return
        if anaphoric and not d.breakdown:
            named = self._plain_flow()
            if named:  # "Emigration has fallen sharply. Last year's figure was ...": the flow just named
                d.flow, d.breakdown = named
            elif self.after_things or self.plains and C.COUNTED_NOUN.search(self.text, *self.plains[-1]):
                # "23,705 asylum applications ... The correct figure is 23,507", "... registering for National
                # Insurance numbers. The DWP figure is 193,000": the same things
                return
            elif len(self.previous_flows) > 1 and self.article_flow:
                # "1.2m arrived while 532k left. The ONS also raised its estimate for the previous
                # year to 764k": with two flows just given, "its estimate" is the article's own topic
                d.flow = self.article_flow
        if d.flow is None and (anaphoric or d.breakdown):
            # "The latest figure ... is 410,000" opening a paragraph: the flow last talked about
            # (a part, "- British citizens: 103,000", is a part of the flow last talked about too)
            named = self._plain_flow() if d.breakdown and not anaphoric else None
            # ("The breakdown of arrivals is firmer. Non-EU nationals accounted for 781,000 of them")
            d.flow = named[0] if named else self.previous_flow or self.earlier_flow or self.article_flow
            if (d.breakdown or "").startswith("reason:") and d.flow != "immigration" and not self.flow_from_lead:
                d.flow = "immigration"  # a reason is asked of arrivals, unless a lead-in said otherwise
        d.extra["inherited"] = d.flow is not None

    def _within_the_uk(self, d: Draft, numbers: list[NumberMention], i: int, s: int, e: int) -> bool:
        """A move between the UK's nations, said between this number and its neighbours: "11,000 moved to
        Scotland from the rest of the UK", or, in a story about one nation, "9,000 left for England"."""
        lo = numbers[i - 1].end if i > 0 else s
        hi = numbers[i + 1].start if i + 1 < len(numbers) else e
        if C.INTERNAL_MOVE.search(self.text, lo, hi):
            return True
        home = {d.geography, self.context_geography, self.article_geography} & C.UK_NATIONS
        return bool(home) and any(" ".join(m.group(1).split()) not in home
                                  for m in C.NATION_MOVE.finditer(self.text, lo, hi))

    def _restates(self, before: Draft, n: NumberMention) -> bool:
        """`n` writes the figure just given again, more or less precisely."""
        if n.value is None or before.number.value is None:
            return False
        if _PRECISELY_AFTER.match(self.text, n.end) and not _SENTENCE_STOP.search(self.text, before.number.end, n.start):
            return True
        rounder = max((n.precision or 1), (before.number.precision or 1))
        return _RESTATING_DASH.fullmatch(self.text, before.number.end, n.start) is not None and rounder >= 10_000 \
            and abs(n.value - before.number.value) <= rounder / 2 and n.value != before.number.value

    def _each(self, drafts: list[Draft], s: int, e: int) -> list[Draft]:
        """"Work and study each brought in 170,000", "Both work and study drew 170,000": one number, a
        figure for each of the two groups joined right before it."""
        text, out = self.text, []
        groups = C.labels_in_order(text, s, e, self.lowered)["breakdown"]
        for d in drafts:
            out.append(d)
            if d.breakdown is not None or d.kind != "estimate":
                continue
            pair = next(((a, b) for a, b in zip(groups, groups[1:])
                         if a.value.partition(":")[0] == b.value.partition(":")[0] and a.value != b.value
                         and C.COORDINATION.fullmatch(text, a.end, b.start)
                         and (_EACH_BEFORE.fullmatch(text, b.end, d.number.start)
                              or _EACH_AFTER.match(text, d.number.end) and _UP_TO.fullmatch(text, b.end, d.number.start)
                              or _BOTH.search(text, max(s, a.start - 10), a.start)
                              and _UP_TO.fullmatch(text, b.end, d.number.start))), None)
            if pair:
                d.breakdown = pair[0].value
                if d.flow is None:
                    self._lean_on_context(d, out[:-1], anaphoric=False)  # as if the group were named alone
                out.append(replace(d, breakdown=pair[1].value, extra=dict(d.extra, twin=True)))
        return out

    def _respectively(self, drafts: list[Draft], s: int, e: int, periods: list[PeriodMention], clauses) -> None:
        """"Immigration and emigration were 1.2 million and 500,000 respectively": the numbers of a run
        take, in order, the flows, groups or periods listed before it."""
        text = self.text
        for r in C.RESPECTIVELY.finditer(text, s, e):
            run = _run_ending(text, [d for d in drafts if d.number.end <= r.start()], r.start())
            if len(run) < 2:
                continue
            first = run[0].number.start
            # "270,000 and 301,000 non-EU citizens respectively", "... respectively came to study": all of them
            # (up to the end of the clause: not "..., and people joining family members for 118,000")
            stop = _CLAUSE_AFTER.search(text, r.end(), min(e, r.end() + 30))
            after = C.labels_in_order(text, run[-1].number.end, stop.start() if stop else min(e, r.end() + 30), self.lowered)
            labels = C.labels_in_order(text, s, first, self.lowered)
            named_flow = named_group = False
            for family in ("flow", "breakdown"):
                if after[family]:
                    named = after[family][:1] * len(run)
                else:
                    named = labels[family][-len(run):]
                    listed = all(_RUN_LABEL_JOIN.fullmatch(text, a.end, b.start) for a, b in zip(named, named[1:]))
                    if len(named) != len(run) or not listed or len({c.value for c in named}) != len(run):
                        continue
                for d, c in zip(run, named):
                    setattr(d, family, c.value)
                if family == "flow":
                    named_flow = True
                else:
                    named_group = True
            dated = [p for p in periods if p.kind == "absolute" and p.end <= first and p.period_end][-len(run):]
            if len(dated) == len(run) and len({p.period_end for p in dated}) == len(run):
                for d, p in zip(run, dated):
                    d.period_end, d.period_source = p.period_end, "sentence"
                    # ("the balance was 163,000 and 196,000 in those two years respectively": one flow)
                    d.flow, d.breakdown = d.flow if named_flow else run[0].flow, d.breakdown if named_group else run[0].breakdown

    def _former_latter(self, drafts: list[Draft], s: int) -> None:
        """"EU and non-EU citizens together outnumbered them, the former at 86,000 and the latter at
        112,000": the first and the second of the two groups (or flows) listed just before."""
        text = self.text
        for d in drafts:
            m = C.FORMER_LATTER.search(text, max(s, d.number.start - 30), d.number.start)
            if m is None:
                continue
            labels = C.labels_in_order(text, s, m.start(), self.lowered)
            for family in ("breakdown", "flow"):
                pair = labels[family][-2:]
                if len(pair) == 2 and _PAIR_JOIN.fullmatch(text, pair[0].end, pair[1].start) and pair[0].value != pair[1].value:
                    setattr(d, family, pair[0 if m.group(1).lower() == "former" else 1].value)
                    break

    def _flow_said_next(self, end: int) -> str | None:
        """The one flow of the next sentence on the line, when it opens by pointing back ("That was ...")."""
        line_end = self.text.find("\n", end)
        nxt = next(sentences(self.text, end, len(self.text) if line_end < 0 else line_end), None)
        if nxt is None or not C.THAT_IS.match(self.text, nxt[0]):
            return None
        flows = {c.value for c in C.find_cues(self.text, *nxt, self.lowered, ("flow",))}
        return flows.pop() if len(flows) == 1 else None

    def _plain_flow(self) -> tuple[str, str | None] | None:
        """The one flow (and the one group, if any) the nearest sentence without figures named ("Net
        migration. Immigration minus emigration, the number politicians argue about. It was 139,000")."""
        for span in reversed(self.plains[-_PLAIN_REACH:]):
            if C.COUNTED_NOUN.search(self.text, *span):
                return None  # "The best guide to where newcomers settle is NI number registrations": the things
            cues = C.find_cues(self.text, *span, self.lowered, ("flow", "breakdown"))
            flows = {c.value for c in cues if c.family == "flow"}
            groups = {c.value for c in cues if c.family == "breakdown"}
            if len(flows) == 1:
                return flows.pop(), groups.pop() if len(groups) == 1 else None
            if flows:
                return None
        return None

    def _opens_from(self, clause: int, clauses: list[tuple[int, int]]) -> bool:
        return comparison_word(self.text, clauses[clause]).endswith("from")

    def _from_to(self, before: Draft, n: NumberMention, clauses: list[tuple[int, int]]) -> bool:
        """`before` opens a "from X ... to" clause that `n` closes."""
        clause = before.extra.get("clause")
        if clause is None or not self._opens_from(clause, clauses):
            return False
        to = C.TO_A_NUMBER.match(self.text, clauses[clause][1])
        return bool(to) and to.end() - 1 == n.start

    def _parts_of_a_total(self, drafts: list[Draft]) -> None:
        """Breakdowns whose flow is only inherited ("Of the total, 210,000 were EU citizens") split a
        group of people: never a balance (net migration has no members), and never a flow smaller
        than its own parts: such a split is of the arrivals."""
        parts = [d for d in drafts if d.breakdown and d.extra.get("inherited") and d.number.value]
        for dim in {d.breakdown.partition(":")[0] for d in parts}:
            group = [d for d in parts if d.breakdown.startswith(dim + ":")]
            for flow in {d.flow for d in group}:
                split = [d for d in group if d.flow == flow]
                total = self.totals.get(flow)
                slack = sum((d.number.precision or 1) for d in split) / 2 + (total[1] if total else 0) / 2
                too_big = total is not None and sum(d.number.value for d in split) > total[0] + slack
                if flow == "net_migration" or (flow == "emigration" and too_big):
                    for d in split:
                        d.flow = "immigration"

    @staticmethod
    def _another_count(d: Draft) -> bool:
        """A compared figure of another flow or group: "104,000 of the leavers were British, compared with
        81,000 of the newcomers" sets two counts of one period side by side, not a year against a year."""
        compared = d.extra.get("compared")
        return compared is not None and d.flow is not None and compared.flow is not None and (
            d.flow != compared.flow or d.breakdown != compared.breakdown)

    def _period(self, d: Draft, n: NumberMention, periods: list[PeriodMention], clauses, clause, anchor,
                turns: list[tuple[int, bool]], explanations: list[int]):
        before = [p for p in periods if p.end <= n.start]
        when = C.WHEN_AFTER.match(self.text, before[-1].end) if before and before[-1].kind == "absolute" \
            and before[-1].period_end else None
        if when and not _SENTENCE_BREAK.search(self.text, when.end(), n.start):
            # "38,000 higher than in 2003, when 513,000 people arrived": the year the clause opens on
            d.period_end, d.period_source = before[-1].period_end, "clause"
            return
        same_clause = [p for p in periods if clause_of(p.start, clauses) == clause]
        # "Net migration 98,000 as ONS updates its 2026 estimate": an explanation's period is its own
        same_clause = [p for p in same_clause if p.start < n.end or bisect.bisect_left(explanations, n.end)
                       == bisect.bisect_left(explanations, p.start)]
        if clause is None:  # "fell to 230,000, down 106,000 on the previous year": both are this year's
            same_clause = [p for p in same_clause if not p.base]
        current = self.context_period or self.article_period
        if d.kind == "change" and current and anchor == previous_year(current) and any(p.base for p in periods):
            # "down 74,000 on a year earlier, after the figures for the year ending June 2018 were
            # revised": the period named is the year earlier itself, the base; the change ends now
            d.period_end, d.period_source = current, "paragraph" if self.context_period else "article"
            return
        # (the comparison clause that opens right after a change: its base)
        base_clause = next((i for i, (cs, _) in enumerate(clauses) if 0 <= cs - n.end <= 3), None) \
            if d.kind == "change" else None
        based = [p.period_end for p in periods if base_clause is not None and p.kind == "absolute" and p.period_end
                 and clause_of(p.start, clauses) == base_clause]
        own = [p for p in periods if p.kind == "absolute" and clause_of(p.start, clauses) is None and (
            p.start < n.start or not any(n.end <= at < p.start for at, _ in turns))]
        if based and current and current > max(based) and not own:
            # "Net migration was down 234,000 from 447,000 in 2024, and has fallen ... since June 2023":
            # a change measured from a base it names runs to the period under discussion
            d.period_end, d.period_source = current, "paragraph" if self.context_period else "article"
            return
        if d.kind == "change" and anchor and any(p.kind == "absolute" for p in same_clause):
            # "up 30,000 on the previous year": a change is dated by the later of its two periods
            same_clause = [p for p in same_clause if p.kind == "absolute"]
        elif d.kind == "change" and anchor and same_clause and all(p.kind == "previous" for p in same_clause):
            d.period_end, d.period_source = anchor, "sentence"
            return
        if len(periods) == 1 and same_clause and same_clause[0].start > n.end and any(
                not weak and n.end <= at < same_clause[0].start for at, weak in turns):
            # "Net migration hits 712k, but last year's total was even higher": the one period named is
            # across "but" or ";", in the other assertion
            same_clause = []
        if same_clause:
            # nearest first, but a period across "while", "but" or ";" belongs to the other assertion:
            # "1.2mn arrived in the year ending June 2023, while 0.9 million arrived last year"
            def distance(p: PeriodMention) -> int:
                lo, hi = (p.end, n.start) if p.end <= n.start else (n.end, p.start)
                # "and" often joins within one assertion; "while", "but" and ";" start another
                penalty = sum(AND_PENALTY if weak else CLAUSE_PENALTY for at, weak in turns if lo <= at < hi)
                return span_gap((p.start, p.end), (n.start, n.end)) + penalty
            p = min(same_clause, key=distance)
            if p.kind.startswith("ordinal_"):  # "in the second": the second period the sentence listed
                listed = list(dict.fromkeys(q.period_end for q in periods if q.kind == "absolute" and q.period_end))
                i = 0 if p.kind == "ordinal_first" else 1
                d.period_end, d.period_source = (listed[i], "sentence") if i < len(listed) else (None, None)
                return
            if p.kind == "span":  # "in the October-to-December quarter", "over the three years from 2019"
                d.period_end = p.period_end if d.kind == "change" else None  # a change over a span ends with it
                d.period_source = "sentence" if d.period_end else None
                return
            base = anchor if p.kind != "same" else next(
                (q.period_end for q in reversed(periods) if q.kind == "absolute" and q.period_end and q.end <= p.start),
                self.context_period or self.last_period or anchor)  # "that year": the last year named, in this sentence first
            if p.kind == "latest":  # "in the latest 12 months": the period the report is about
                base = self.article_period or self.context_period or anchor
            if p.kind.startswith("previous") and _BEFORE_THAT.match(self.text, p.end):
                # "512,000 in the year to June 2024 and 891,000 in the year before that": before the
                # period just named, not before the sentence's own
                base = next((q.period_end for q in reversed(periods) if q.kind == "absolute" and q.period_end
                             and q.end <= p.start), base)
            d.period_end = resolve_relative(p, base)
            d.period_source = "clause" if clause is not None else "sentence"
            if d.period_end is None and p.kind in ("same", "latest"):  # "in the same period": the period under discussion
                d.period_end, d.period_source = self.article_period, "article"
                d.extra["article_period"] = True
            elif d.period_end is None and anchor is None and self.article_period:
                d.period_end, d.period_source = resolve_relative(p, self.article_period), "article"
                d.extra["relative_to_article"] = p  # re-read once the report's own period is known
        elif clause is not None and comparison_word(self.text, clauses[clause]) not in (
                "than", "versus", "vs", "vs.", "against") and not (
                    comparison_word(self.text, clauses[clause]).startswith("compared") and self._another_count(d)):
            d.period_end, d.period_source = None, None  # compared with an unnamed earlier period
        elif clause is not None and anchor is not None:
            # "drew 158,000 in 2012 against study's 182,000": weighed against in the sentence's own period
            d.period_end, d.period_source = anchor, "sentence"
        elif self.context_period:
            d.period_end, d.period_source = self.context_period, "paragraph"
        else:
            d.period_end, d.period_source = self.article_period, ("article" if self.article_period else None)
            d.extra["article_period"] = True

