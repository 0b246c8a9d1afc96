"""`claims_from_article`: the checkable claims an article makes about migration, and who makes them.

A claim is something a reader could hold against the official series: a change ("a fall of
435,000"), a ratio ("halved", "down by a third"), a bound ("over 400,000"), a record ("the highest
number ever recorded"), a forecast or a target. Most come from the article's figures (their kind and
qualifier); ratios and figure-less records come from the words alone and borrow their period and
flow from the sentence. Whether a claim holds is decided later, in SQL, against the published marts.

Speakers come from quotation and reporting structures: `X said: "..."`, `"...", X said`,
`X said ...`, `X: "..."`, and a quoted paragraph that continues an open quotation keeps its
speaker. The reporter's own words have no speaker.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .figures import DISPUTED
from .segments import body_end, lines, sentences

CLAIM_TYPES = ("change", "ratio", "bound", "record", "forecast", "target")
VERDICTS = ("consistent", "close", "inconsistent", "unverifiable")  # decided in warehouse/sql/build_claim_checks.sql
COMPARISONS = ("equal", "approximately", "at_least", "at_most", "range")
BASELINES = ("previous_year", "since_year", "peak_in_year", "earlier_periods")
# A fraction word ("halved", "a third") is read as written to the nearest 5% of the earlier value.
RATIO_PRECISION = 0.05

_I = re.IGNORECASE


@dataclass(frozen=True)
class ClaimFigure:
    """The columns of a `core.figures` row that a claim needs."""

    figure_id: str
    kind: str
    direction: str | None
    flow: str
    breakdown_dim: str | None
    breakdown_value: str | None
    geography: str
    period_end: date | None
    value: float | None
    value_high: float | None
    precision: int | None
    qualifier: str
    char_start: int
    char_end: int
    status: str = "valid"
    reason: str | None = None

    @classmethod
    def from_mapping(cls, row: Mapping) -> ClaimFigure:
        """From a `core.figures` row as a dict (pandas' NaN, NaT and Timestamps read as None and dates)."""
        values = {}
        for name in cls.__dataclass_fields__:
            if name not in row:
                continue
            value = row[name]
            if value is not None and value != value:  # NaN / NaT
                value = None
            if name == "period_end" and hasattr(value, "date") and callable(value.date):
                value = value.date()
            values[name] = value
        return cls(**values)


@dataclass(frozen=True)
class Claim:
    claim_id: str
    article_id: str
    figure_id: str | None       # the figure that is the claim, if it is one
    claim_type: str             # CLAIM_TYPES
    speaker: str | None         # null: the reporter's own words
    cue: str                    # the words that make it a claim: "fall of", "over", "halved", "record high"
    comparison: str             # COMPARISONS: how the claimed value is held against the computed one
    direction: str | None       # up | down
    flow: str | None
    breakdown_dim: str | None
    breakdown_value: str | None
    geography: str | None
    period_end: date | None     # the period the claim is about
    baseline: str | None        # BASELINES: what a change, ratio or record is measured against
    baseline_year: int | None   # for since_year and peak_in_year
    claimed_value: float | None
    claimed_value_high: float | None
    claimed_ratio: float | None  # later / earlier, for ratio claims
    claimed_precision: float | None  # in the claim's own unit (people, or ratio)
    horizon_year: int | None    # forecasts and targets: the year they are about, when stated
    raw_text: str
    sentence: str
    char_start: int
    char_end: int
    sentence_start: int
    sentence_end: int


# --- cues -------------------------------------------------------------------------------------------

_RECORD = re.compile(
    r"\b(?:record(?:\s+(?:high|level|levels|number|figure))?|all[- ]time\s+high|highest\s+on\s+record|"
    r"(?<!among\s)(?<!one\sof\s)highest\s+(?:(?:level|number|figure|estimate)s?\s+)?ever(?:\s+recorded)?|"
    r"(?<!among\s)(?<!one\sof\s)the\s+highest\s+(?:(?:level|number|figure)s?\s+)?(?:ever\s+)?recorded|"
    r"peak(?:ed)?\s+at)\b", _I)
_NOT_RECORD = re.compile(r"\b(?:record(?:ed|s)?\s+(?:net|immigration|emigration|migration)|record\s+(?:of|that)|"
                         r"on\s+record\s+as)\b", _I)

# (pattern, ratio later/earlier, direction)
_RATIO_WORDS = [
    (r"halv(?:ed|ing|es|e)|cut\s+(?:in|by)\s+half|(?:fell|fallen|dropped|down|dropping|falling)\s+by\s+(?:a\s+)?half",
     0.5, "down"),
    (r"(?:down|fell|fallen|dropped|dropping|falling|cut|reduced|declined)\s+by\s+(?:a|one)[- ]third", 2 / 3, "down"),
    (r"(?:down|fell|fallen|dropped|dropping|falling|cut|reduced|declined)\s+by\s+(?:a|one)[- ]quarter", 3 / 4, "down"),
    (r"(?:up|rose|risen|grew|grown|increased|rising)\s+by\s+(?:a|one)[- ]third", 4 / 3, "up"),
    (r"(?:up|rose|risen|grew|grown|increased|rising)\s+by\s+(?:a|one)[- ]quarter", 5 / 4, "up"),
    (r"(?:up|rose|risen|grew|grown|increased|rising)\s+by\s+(?:a\s+)?half", 3 / 2, "up"),
    (r"doubl(?:ed|ing|es)", 2.0, "up"),
    (r"(?:tripl|trebl)(?:ed|ing|es)", 3.0, "up"),
    (r"quadrupl(?:ed|ing|es)", 4.0, "up"),
]
_RATIO = re.compile(r"\b(?:(?P<hedge>almost|nearly|more\s+than|over|less\s+than|about|roughly)\s+)?(?:"
                    + "|".join(f"(?P<r{i}>{p})" for i, (p, _, _) in enumerate(_RATIO_WORDS)) + r")\b", _I)
_HEDGE = {"almost": "approximately", "nearly": "approximately", "about": "approximately", "roughly": "approximately",
          "more than": "at_least", "over": "at_least", "less than": "at_most"}
# A fraction that is promised or planned is a target or forecast, not a claim about what happened.
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|could|should|to|plans?|aims?|promised|pledged|vowed|wants?|"
                            r"target|expected|set\s+to|on\s+course)\s+(?:\w+\s+){0,2}$", _I)
_SINCE = re.compile(r"\bsince\s+(?:(?:its|the|a)\s+peak\s+in\s+(?P<peak>(?:19|20)\d\d)|(?P<year>(?:19|20)\d\d))\b", _I)
_HORIZON = re.compile(r"\b(?:by|in|before|until|for)\s+(?:the\s+end\s+of\s+)?(?:[\w'’]+\s+){0,4}?"
                      r"(?:mid-|end-|early\s+|late\s+)?(?P<year>20\d\d)\b", _I)

_FLOWS = [
    ("net_migration", re.compile(r"\bnet\s+(?:migration|immigration|overseas\s+migration|inflow)\b", _I)),
    ("emigration", re.compile(r"\b(?:emigra\w+|people\s+(?:leaving|who\s+left|left)|departures?)\b", _I)),
    ("immigration", re.compile(r"\b(?:immigra\w+|immigrants|arrivals|people\s+(?:coming|arriving))\b", _I)),
]

# --- speakers ---------------------------------------------------------------------------------------

_REPORTING_VERBS = (r"said|says|say|told|tells|added|adds|argued|argues|warned|warns|claimed|claims|stated|states|"
                    r"insisted|insists|predicted|predicts|announced|announces|wrote|writes|explained|explains|"
                    r"revealed|reveals|estimated|estimates")
_NAME_TOKEN = r"(?:[A-Z][\w’'.-]*|[A-Z]{2,})"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:(?:for|of|and|the|de|von|van)\s+)*{_NAME_TOKEN})*"
_ROLE_NOUN = r"(?:\s+(?:spokesman|spokeswoman|spokesperson|think\s+tank|group|charity))?"
_AUX = r"(?:\s+(?:has|had|have|also|then|later|previously))*"
_SUBJECT_VERB = re.compile(rf"(?P<who>{_NAME}{_ROLE_NOUN}){_AUX}\s+(?P<verb>{_REPORTING_VERBS})\b")
_VERB_SUBJECT = re.compile(rf"^\s*,?\s*(?:{_REPORTING_VERBS})\s+(?P<who>{_NAME})")
_AFTER_QUOTE = re.compile(rf"^\s*,?\s*(?P<who>{_NAME}{_ROLE_NOUN}){_AUX}\s+(?:{_REPORTING_VERBS})\b")
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?:the\s+|its\s+)?(?P<who>{_NAME})")
_QUOTE_MARK = re.compile(r"[\"“”]")

_TITLE_WORDS = {
    "former", "shadow", "home", "foreign", "health", "immigration", "prime", "minister", "secretary", "chancellor",
    "leader", "director", "head", "chief", "executive", "chairman", "chairwoman", "chair", "president", "mayor",
    "sir", "dame", "lord", "lady", "dr", "professor", "prof", "mr", "mrs", "ms", "miss", "deputy", "opposition",
    "labour", "conservative", "tory", "reform", "ukip", "liberal", "democrat", "green", "mp", "mep", "uk", "the",
    "a", "an", "black", "country", "dudley", "border", "security", "work", "pensions", "justice", "culture",
    "education", "business", "economic", "statistics", "population", "national", "statistician", "writing",
}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof"}
_NOT_SPEAKERS = {"it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "who", "which",
                 "figures", "statistics", "data", "analysis", "estimates"}


def speaker_name(phrase: str) -> str | None:
    """'Shadow Home Secretary Chris Philp' -> 'Chris Philp'; 'the Office for National Statistics' ->
    'Office for National Statistics'; a bare title ('The Prime Minister') is kept as it is."""
    tokens = phrase.replace("’s", "").split()
    # the last run of capitalised words (and the connectors between them) names the speaker
    run: list[str] = []
    for tok in reversed(tokens):
        if tok[:1].isupper() or (run and tok.lower() in {"for", "of", "and", "de", "von", "van"}) or \
                (not run and tok.lower() in {"spokesman", "spokeswoman", "spokesperson", "tank", "think", "group",
                                             "charity"}):
            run.insert(0, tok)
        else:
            break
    while run and run[0].lower() in {"for", "of", "and", "the", "a", "an"}:
        run.pop(0)
    if not run or not run[0][:1].isupper():
        return None
    while len(run) > 2 and (run[0].lower().strip(".") in _TITLE_WORDS or (run[0].isupper() and len(run[0]) > 1)):
        run.pop(0)
    if len(run) == 1 and run[0].lower() in _NOT_SPEAKERS | _TITLE_WORDS:
        return None
    name = " ".join(run).strip(",.:;")
    return name or None


def _subject_before_verb(before: str) -> str | None:
    """The speaker of `<before> said`: the name right before the verb, or, after an apposition
    ('Nicola White, Head of ..., said'), the first comma segment that is a name."""
    text = re.sub(rf"{_AUX}\s*$", "", before.rstrip())
    if text.endswith(","):
        for segment in text.rstrip(",").split(","):
            segment = segment.strip()
            if re.fullmatch(_NAME, segment) or re.fullmatch(rf"(?:[\w-]+\s+){{0,6}}{_NAME}", segment):
                name = speaker_name(segment)
                if name:
                    return name
        return None
    return speaker_name(text[-160:])


# --- the article ------------------------------------------------------------------------------------

@dataclass
class _Quote:
    start: int       # offset of the opening mark
    end: int         # offset just past the closing mark (or the paragraph end if left open)
    speaker: str | None


def _quotes(text: str, end: int, known: dict[str, str]) -> list[_Quote]:
    """Quoted spans with their speakers. Marks toggle within a paragraph (articles mix curly and
    straight quotes); a paragraph that opens with a mark while the previous quotation was left
    open continues it and keeps its speaker."""
    quotes: list[_Quote] = []
    open_speaker: str | None = None
    left_open = False
    for ls, le in lines(text, end):
        line = text[ls:le]
        if not line.strip():
            continue
        marks = [ls + m.start() for m in _QUOTE_MARK.finditer(line)]
        continuing = left_open and line.lstrip().startswith(("“", '"'))
        left_open = False
        for i in range(0, len(marks), 2):
            q_start = marks[i]
            q_end = marks[i + 1] + 1 if i + 1 < len(marks) else le
            before = text[ls:q_start]
            after = text[q_end:le] if i + 1 < len(marks) else ""
            speaker = _quote_speaker(before, after, known)
            if speaker is None and i == 0 and continuing and not before.strip():
                speaker = open_speaker
            quotes.append(_Quote(q_start, q_end, speaker))
            if i + 1 >= len(marks):
                left_open = True
                open_speaker = speaker
    return quotes


def _quote_speaker(before: str, after: str, known: dict[str, str]) -> str | None:
    """`"...", X said` (after the closing mark) or `X said: "...` / `X: "...` (before the opening one)."""
    m = _AFTER_QUOTE.match(after) or _VERB_SUBJECT.match(after)
    if m:
        return _resolve(speaker_name(m.group("who")), known)
    # only the text since the last sentence end or quotation introduces this quote
    tail = re.split(r"[.!?][\"”]?\s+|[”\"]", before)[-1].rstrip()
    verbs = list(re.finditer(rf"\b(?:{_REPORTING_VERBS})\b", tail))
    if verbs:
        return _resolve(_subject_before_verb(tail[:verbs[-1].start()]), known)
    if tail.endswith(":") and re.search(rf"{_NAME}{_ROLE_NOUN}$", tail[:-1].rstrip()):
        return _resolve(speaker_name(tail[:-1]), known)
    return None


def _resolve(name: str | None, known: dict[str, str]) -> str | None:
    """'Mr Harper' -> 'Mark Harper' when the article named him in full."""
    if not name:
        return None
    parts = name.split()
    if len(parts) == 2 and parts[0].lower().strip(".") in _HONORIFICS:
        return known.get(parts[1], name)
    return name


def _known_names(text: str, end: int) -> dict[str, str]:
    """Surname -> full name for every 'Title First Last' person the article names."""
    known: dict[str, str] = {}
    for m in re.finditer(rf"\b{_NAME}", text[:end]):
        name = speaker_name(m.group(0))
        if name and len(name.split()) == 2 and all(t[:1].isupper() and not t.isupper() for t in name.split()) \
                and name.split()[0].lower().strip(".") not in _HONORIFICS:
            known.setdefault(name.split()[1], name)
    return known


def _sentence_speaker(text: str, s: int, e: int, pos: int, known: dict[str, str]) -> str | None:
    """The speaker of reported speech in the sentence `s..e` holding `pos`: the nearest
    `X said` (before the claim preferred), or `according to X`."""
    sentence = text[s:e]
    candidates = []
    for m in re.finditer(rf"\b(?:{_REPORTING_VERBS})\b", sentence):
        if re.search(r"\b(?:who|which|that)\s+$", sentence[:m.start()]):
            continue
        who = _subject_before_verb(sentence[:m.start()])
        if who is None:
            vm = _VERB_SUBJECT.match(sentence[m.start():])
            who = speaker_name(vm.group("who")) if vm else None
        if who:
            candidates.append((s + m.start(), who))
    for m in _ACCORDING.finditer(sentence):
        who = speaker_name(m.group("who"))
        if who:
            candidates.append((s + m.start(), who))
    if not candidates:
        return None
    before = [c for c in candidates if c[0] <= pos]
    at, who = max(before) if before else min(candidates)
    return _resolve(who, known)


def _flow_near(text: str, s: int, e: int, pos: int) -> str | None:
    """The flow named nearest before `pos` in the sentence, else the nearest after."""
    best = None
    for flow, rx in _FLOWS:
        for m in rx.finditer(text, s, e):
            distance = pos - m.end() if m.end() <= pos else (m.start() - pos) + 10_000
            if best is None or distance < best[0]:
                best = (distance, flow)
    return best[1] if best else None


def claims_from_article(article_id: str, text: str, figures: Iterable[ClaimFigure | Mapping],
                        published: date | None) -> list[Claim]:
    """Every claim in the article's body, in reading order."""
    figs = sorted((f if isinstance(f, ClaimFigure) else ClaimFigure.from_mapping(f) for f in figures),
                  key=lambda f: f.char_start)
    # (a speaker's figure the article contradicts is quarantined as a statistic, but it is still a claim)
    figs = [f for f in figs if f.status == "valid" or f.reason == DISPUTED]
    end = body_end(text)
    known = _known_names(text, end)
    quotes = _quotes(text, end, known)
    spans = [span for ls, le in lines(text, end) for span in sentences(text, ls, le)]
    # the article's reference period: the latest UK estimate it reports
    geography = _article_geography(figs)
    periods = [f.period_end for f in figs if f.kind == "estimate" and f.geography == geography and f.period_end]
    article_period = max(periods) if periods else None

    def speaker_at(pos: int, s: int, e: int) -> str | None:
        inside = [q for q in quotes if q.start <= pos < q.end]
        if inside:
            return inside[-1].speaker
        return _sentence_speaker(text, s, e, pos, known)

    claims: list[Claim] = []
    starts = [f.char_start for f in figs]  # figs are sorted by offset: each sentence's are a slice
    for s, e in spans:
        in_sentence = figs[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        claimed_by_figure: set[str] = set()
        for f in in_sentence:
            claim = _figure_claim(article_id, text, s, e, f, speaker_at(f.char_start, s, e))
            if claim:
                claims.append(claim)
                claimed_by_figure.add(f.figure_id)
        for m in _RATIO.finditer(text, s, e):
            if _FUTURE_BEFORE.search(text[max(s, m.start() - 40):m.start()]) or \
                    any(f.kind in ("forecast", "target") for f in in_sentence):
                continue
            claims.append(_ratio_claim(article_id, text, s, e, m, in_sentence, article_period, geography,
                                       speaker_at(m.start(), s, e)))
        for m in _RECORD.finditer(text, s, e):
            if _NOT_RECORD.match(text, m.start()) or _has_record_figure(claims, s, e):
                continue
            if any(f.kind in ("forecast", "target") for f in in_sentence):
                continue
            claims.append(_record_claim(article_id, text, s, e, m, article_period, geography,
                                        speaker_at(m.start(), s, e)))
    return claims


def _article_geography(figs: list[ClaimFigure]) -> str:
    geos = [f.geography for f in figs if f.kind == "estimate"]
    return max(set(geos), key=geos.count) if geos else "UK"


def _has_record_figure(claims: list[Claim], s: int, e: int) -> bool:
    return any(c.claim_type == "record" and s <= c.char_start < e for c in claims)


def _record_cue_for(text: str, s: int, e: int, f: ClaimFigure) -> re.Match | None:
    """A record cue attached to the figure: within a few words before it, or after it in the
    same sentence ('650,000 ... - the highest number ever recorded')."""
    for m in _RECORD.finditer(text, s, e):
        if _NOT_RECORD.match(text, m.start()):
            continue
        if m.end() <= f.char_start and f.char_start - m.end() <= 25:
            return m
        if m.start() >= f.char_end and not re.search(r"\d", text[f.char_end:m.start()]) \
                and m.start() - f.char_end <= 80:
            return m
    return None


def _comparison(qualifier: str, value_high: float | None) -> str:
    if value_high is not None:
        return "range"
    return {"at_least": "at_least", "at_most": "at_most", "approximately": "approximately"}.get(qualifier, "equal")


def _horizon(text: str, s: int, e: int) -> int | None:
    years = [int(m.group("year")) for m in _HORIZON.finditer(text, s, e)]
    return max(years) if years else None


def _figure_claim(article_id: str, text: str, s: int, e: int, f: ClaimFigure, speaker: str | None) -> Claim | None:
    record = _record_cue_for(text, s, e, f) if f.kind == "estimate" else None
    if f.kind in ("forecast", "target"):
        claim_type, cue = f.kind, f.kind
    elif record:
        claim_type, cue = "record", record.group(0)
    elif f.kind == "change":
        claim_type, cue = "change", f"{f.direction or 'change'}"
    elif f.qualifier in ("at_least", "at_most"):
        claim_type, cue = "bound", f.qualifier
    else:
        return None  # a plain estimate is the warehouse's data, not a claim about it
    return Claim(
        claim_id=f"{article_id}:{f.char_start}", article_id=article_id, figure_id=f.figure_id,
        claim_type=claim_type, speaker=speaker, cue=cue, comparison=_comparison(f.qualifier, f.value_high),
        direction=f.direction, flow=f.flow, breakdown_dim=f.breakdown_dim, breakdown_value=f.breakdown_value,
        geography=f.geography, period_end=f.period_end,
        baseline={"change": "previous_year", "record": "earlier_periods"}.get(claim_type), baseline_year=None,
        claimed_value=f.value, claimed_value_high=f.value_high, claimed_ratio=None,
        claimed_precision=float(f.precision) if f.precision else None,
        horizon_year=_horizon(text, s, e) if claim_type in ("forecast", "target") else None,
        raw_text=text[f.char_start:f.char_end], sentence=text[s:e], char_start=f.char_start, char_end=f.char_end,
        sentence_start=s, sentence_end=e)


def _anchor(in_sentence: list[ClaimFigure], pos: int) -> ClaimFigure | None:
    """The figure of the sentence that fixes a word-claim's period: the nearest with a period."""
    usable = [f for f in in_sentence if f.period_end and f.kind in ("estimate", "change")]
    return min(usable, key=lambda f: abs(f.char_start - pos)) if usable else None


def _ratio_claim(article_id, text, s, e, m: re.Match, in_sentence, article_period, geography, speaker) -> Claim:
    index = next(int(k[1:]) for k, v in m.groupdict().items() if k.startswith("r") and v)
    _, ratio, direction = _RATIO_WORDS[index]
    hedge = re.sub(r"\s+", " ", (m.group("hedge") or "").lower())
    anchor = _anchor(in_sentence, m.start())
    since = _SINCE.search(text, m.end(), e) or _SINCE.search(text, s, e)
    if since and since.group("peak"):
        baseline, year = "peak_in_year", int(since.group("peak"))
    elif since:
        baseline, year = "since_year", int(since.group("year"))
    else:
        baseline, year = "previous_year", None
    flow = _flow_near(text, s, e, m.start()) or (anchor.flow if anchor else None)
    comparison = _HEDGE.get(hedge, "approximately")
    if direction == "down":  # "more than halved" leaves less than half
        comparison = {"at_least": "at_most", "at_most": "at_least"}.get(comparison, comparison)
    return Claim(
        claim_id=f"{article_id}:{m.start()}", article_id=article_id, figure_id=None, claim_type="ratio",
        speaker=speaker, cue=re.sub(r"\s+", " ", m.group(0)), comparison=comparison,
        direction=direction, flow=flow, breakdown_dim=anchor.breakdown_dim if anchor else None,
        breakdown_value=anchor.breakdown_value if anchor else None,
        geography=anchor.geography if anchor else geography,
        period_end=anchor.period_end if anchor else article_period, baseline=baseline, baseline_year=year,
        claimed_value=None, claimed_value_high=None, claimed_ratio=ratio, claimed_precision=RATIO_PRECISION,
        horizon_year=None, raw_text=m.group(0), sentence=text[s:e], char_start=m.start(), char_end=m.end(),
        sentence_start=s, sentence_end=e)


def _record_claim(article_id, text, s, e, m: re.Match, article_period, geography, speaker) -> Claim:
    return Claim(
        claim_id=f"{article_id}:{m.start()}", article_id=article_id, figure_id=None, claim_type="record",
        speaker=speaker, cue=re.sub(r"\s+", " ", m.group(0)),
        comparison="approximately" if re.search(r"\b(?:around|near|close\s+to)\s+(?:\w+\s+){0,1}$",
                                                text[max(s, m.start() - 20):m.start()], _I) else "equal",
        direction="up", flow=_flow_near(text, s, e, m.start()), breakdown_dim=None, breakdown_value=None,
        geography=geography, period_end=article_period, baseline="earlier_periods", baseline_year=None,
        claimed_value=None, claimed_value_high=None, claimed_ratio=None, claimed_precision=None, horizon_year=None,
        raw_text=m.group(0), sentence=text[s:e], char_start=m.start(), char_end=m.end(), sentence_start=s,
        sentence_end=e)
