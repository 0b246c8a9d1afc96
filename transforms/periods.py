"""Reference periods: the 12 months a migration statistic covers, named by their last day.

`year ending June 2016` → 2016-06-30; `in 2014` or `last year` → a December end; `the previous year`
and `a year earlier` are relative to another period and are resolved later, by the caller, against
the period they lean on.
"""
from __future__ import annotations

import calendar
import re
from typing import NamedTuple
from datetime import date

from .alternation import starting_with_first_chars
from .cues import lowercase, lowercase_pattern

MONTHS = {name: i for i, names in enumerate(
    [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")]) for name in names}
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_YEAR = r"(?:19|20)\d\d"

# "the year ending June 2016", "12 months to December 2023", "the year to March", "YE Jun 2016"
# ("12m to March 2025", "the four quarters to June", "y/e June 2024": the shorthand of statisticians)
_ENDING = (r"(?:(?:the\s+)?(?:year|12[\s-]months?|twelve[\s-]months?|12-month\s+period|12m|(?:four|4)\s+quarters)\s+"
           r"(?:ending(?:\s+in)?|ended(?:\s+in)?|(?:that|which)\s+ended(?:\s+in)?|to|up\s+to|until|through|till)"
           r"(?:\s+the\s+end\s+of)?\s+"
           r"|\bYE\s+|\by/e\s+)")
PERIOD = re.compile(
    # "685k (2023), 764k (2022)": a year in brackets right after a number
    r"\((?<=[\dkmn] \()(?P<paren_year>" + _YEAR + r")\)|"
    r"\b(?:"
    # "YE Q2 2023", "year ending Q4 2022": the quarter a 12-month period ends with
    r"(?P<q_ending>" + _ENDING + r")q(?P<q_num>[1-4])\s+(?P<q_year>" + _YEAR + r")(?![\w/])|"
    # "net migr. 208k YE Jun 25": the abbreviation's own two-digit year ("the year to June 30" is a day)
    r"(?:ye|y/e)\s+(?P<yy_month>" + _MONTH + r")[\s'’-]+'?(?P<yy_year>\d\d)(?![\w,/]|\.\d)|"
    # ("YE Jun 23" is a table label with a two-digit year, not June of the publication year; "the 12 months
    # to June 30" ends on the month's last day)
    # ("the year to 30 June 2023", "ending June 30, 2023": the day of the month changes nothing)
    r"(?P<ending>" + _ENDING + r")(?:last\s+|\d{1,2}(?:st|nd|rd|th)?\s+)?(?P<e_month>" + _MONTH + r")"
    # (the year on the same line: "the 12 months to the end of March.\n\n2004: ..." is a note, then a label)
    r"(?:(?:[ \t\u00a0]+\d{1,2}(?:st|nd|rd|th)?,?)?[ \t\u00a0]+(?P<e_year>" + _YEAR + r")|(?![\s'’-]+'?(?!(?:28|29|30|31)(?![\d,]))\d\d(?![\d,])))(?:[ \t]+(?:28|29|30|31)(?![\d,]))?(?![\w/])"
    # "the year to mid-2023": statisticians' mid-year is the end of June
    r"|(?P<mid>" + _ENDING + r"|(?:in|for|to)\s+)mid[- ](?P<mid_year>" + _YEAR + r")(?![\w/])"
    r"|(?P<cal_prefix>(?:(?:in|during|for|throughout|over|across|(?:(?<=[.!?]\s)|(?<![^\n]))by)\s+(?:the\s+(?:calendar\s+)?year\s+|calendar\s+(?:year\s+)?)?"
    r"|calendar\s+(?:year\s+)?))"
    r"(?P<c_year>" + _YEAR + r")(?![\w/–-]|\.\d)"
    # "the 2022 figure", "2023's total": a calendar year named as an attribute of the figure
    r"|(?P<fig_year>" + _YEAR + r")(?:['’]s)?\s+(?:figures?|totals?|estimates?|levels?|numbers?|counts?)\b"
    r"|(?P<my_prefix>(?:in|of|for|by)\s+)(?P<m_month>" + _MONTH + r")\s+(?P<m_year>" + _YEAR + r")(?![\w/])"
    r"|(?P<last>last\s+year)"
    r"|(?P<prev_cal>(?:the\s+)?previous\s+calendar\s+year|the\s+calendar\s+year\s+before)"
    r"|(?P<prev2>(?:two|2)\s+years\s+(?:earlier|before|previously))"
    # "in the same period a year before": the period a year before the one under discussion
    r"|(?P<prev>(?:the\s+)?same\s+(?:period|time|12\s+months|twelve\s+months)\s+(?:a|one|the)\s+year\s+(?:before|earlier)"
    r"|(?:the\s+)?same\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?(?:previous|preceding|prior)\s+year"
    # ("more than in any previous year" compares with every year, not with the one before)
    r"|(?<!any\s)(?<!every\s)(?<!each\s)(?:the\s+|a\s+)?(?:previous|preceding|prior)\s+(?:year|12\s+months|twelve\s+months)"
    r"|a\s+year\s+(?:earlier|before)"
    r"|the\s+year\s+before|twelve\s+months\s+earlier|12\s+months\s+earlier)"
    r"|(?P<next>a\s+year\s+later|the\s+following\s+(?:year|12\s+months|twelve\s+months)|(?:twelve|12)\s+months\s+later"
    r"|the\s+(?:year|(?:twelve|12)\s+months)\s+that\s+followed)"
    # "the same period", "those twelve months", "that year": the period under discussion
    r"|(?P<same>(?:the\s+)?same\s+(?:period|12\s+months|twelve\s+months|time|(?:calendar\s+)?year)"
    r"|(?:those|these)\s+(?:12|twelve)\s+months(?!\s+(?:to|ending|ended)\b)"
    r"|that\s+(?:year|period)(?!\s+(?:ending|ended|to)\b)|over\s+the\s+period\b|in\s+the\s+period\b)"
    # "in the latest 12 months": the period the report is about
    # ("over the past year", "in the last 12 months" in a report on a release: its period, not the calendar year)
    r"|(?P<latest>(?:the\s+)?(?:latest|most\s+recent|past|last)\s+(?:12|twelve)[\s-]months?(?!\s+(?:to|ending|ended)\b)"
    r"|the\s+past\s+year)"
    # "2004: net migration 174,000", "2005 – 232,000": a timeline's year labels
    r"|(?:(?<![^\n])|(?<=\())(?P<label_year>" + _YEAR + r")\s*[:–—-]\s"
    # "Net migration, 2022: 0.752m": a label's year after its comma
    r"|(?<=,\s)(?P<label_year2>" + _YEAR + r")(?=:\s)"
    # "ONS rev. 2024: net 355k": a calendar year labelling what follows its colon
    r"|(?<=[a-z.]\s)(?P<label_cal>" + _YEAR + r")(?=:\s)"
    # "232,000 in the first of those periods and 207,000 in the second": the periods listed, in order
    r"|in\s+the\s+(?P<ordinal>first|second)(?:\s+of\s+(?:those|these|the)\s+(?:two\s+)?periods)?"
    r"(?=\s*[,;.]|\s+(?:and|against|while|but)\b)"
    # Spans that are not 12 months: a figure over a quarter or over several years is no annual flow
    # ("a quarter of a million", "a quarter of arrivals" are fractions, not quarters of a year)
    r"|(?P<span>(?:the|this|that|each|every|any)\s+(?:[a-z]+-to-[a-z]+\s+|first\s+|second\s+|third\s+|fourth\s+|final\s+"
    r"|last\s+|latest\s+)?quarter\b(?!\s+of\b)|quarter\s+(?:to|ending|ended)\b"
    r"|(?:the\s+)?(?:three|six|nine|3|6|9|18|24|two|four|five|ten)[\s-]+(?:months?|years?)\s+(?:to|ending|ended|from|since|between)\b"
    r"|between\s+" + _YEAR + r"\s+and\s+(?P<span_to>" + _YEAR + r")|from\s+" + _YEAR + r"\s+to\s+(?P<span_to2>" + _YEAR + r")"
    r"|\bq[1-4]\b"
    r"|(?:the\s+)?(?:first|second)\s+half\s+of)"
    r")",
    re.IGNORECASE)

# A year after these words dates an event, not the period a figure covers ("joined the EU in 2004").
_EVENT_BEFORE = re.compile(
    r"(?:(?:joined|entered|acceded\s+to)(?:\s+the\s+(?:EU|European\s+Union|bloc|union))?|since|said|election|elected|referendum|until|before|after|"
    r"born|founded|introduced|launched|began|started|set|promised|pledged|vowed|target|by|from|between|of|"
    r"published|released)\s*$", re.IGNORECASE)


# Events in the life of a rule or a right: "gained full access ... in January 2014", "came into force in".
_ACCESS_BEFORE = re.compile(r"\b(?:gained|granted|given|lifted|removed|imposed|came\s+into\s+force|took\s+effect|"
                            r"introduced|ended|expired)\b[^.;,]{0,50}$", re.IGNORECASE)
# The base of a comparison: "up 20,000 on the previous year", "91,000 lower than a year earlier",
# "96,000 below its level a year earlier", "down 301k on YE Sep 2024"
_ON_BEFORE = re.compile(r"\b(?:on|over|than|below|above|under|compared\s+with|compared\s+to|(?:different|unchanged|changed)\s+from"
                        r"|similar\s+to|in\s+line\s+with|the\s+same\s+as)\s+(?:(?:its|the|their)\s+level\s+)?$",
                        re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\b[^,.;\d]{0,20}$", re.IGNORECASE)  # "since its peak in 2010"


class PeriodMention(NamedTuple):  # a tuple: made by the thousand per article, cheaper than a dataclass
    start: int
    end: int
    kind: str             # absolute | previous | previous_2 | next | previous_calendar | same | span (not 12 months)
    period_end: date | None
    base: bool = False    # the base of a comparison ("up 20,000 on the previous year"), dating no level


# ("over the twelve months to March 2011" is the period itself: only these words make a named period a base)
_BASE_OF_A_LEVEL = re.compile(r"\b(?:on|than|below|above|compared\s+with|compared\s+to)\s+(?:(?:its|the|their)\s+level\s+)?$",
                              re.IGNORECASE)


# "down 132,000 on its latest estimate for 2025": the estimate compared with, not the one given
_ON_AN_ESTIMATE = re.compile(r"\b(?:on|than|below|above|compared\s+(?:with|to))\s+(?:its|the|their)\s+(?:[a-z]+\s+)?"
                             r"(?:estimate|figure|level|total)\s+(?:for\s+|of\s+|in\s+)?$", re.IGNORECASE)


_UPCOMING_AFTER = re.compile(r"[^.;\n\d]{0,30}?\b(?:(?:are|is)\s+(?:due|scheduled)|will\s+be\s+(?:published|released|out)"
                             r"|due\s+(?:out|on|in))\b", re.IGNORECASE)


def _since(text: str, start: int) -> bool:
    """"has dropped by 750,000 since it peaked in the year to June 2023": where a change starts, dating nothing"""
    return _SINCE_BEFORE.search(text, max(0, start - 24), start) is not None


def _on_an_estimate(text: str, start: int) -> bool:
    return _ON_AN_ESTIMATE.search(text, max(0, start - 48), start) is not None


def _is_base(text: str, start: int, before: re.Pattern = _ON_BEFORE) -> bool:
    return bool(before.search(text, max(0, start - 24), start)) or _on_an_estimate(text, start)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def previous_year(period_end: date) -> date:
    return month_end(period_end.year - 1, period_end.month)


def latest_month_end(month: int, published: date | None) -> date | None:
    """`the year to March` in an article of a given date: the latest March that has ended by then."""
    if published is None:
        return None
    year = published.year if month < published.month or (
        month == published.month and published.day == month_end(published.year, month).day) else published.year - 1
    return month_end(year, month)


# Every period mention contains one of these; the full grammar only runs around them, on the
# lowered text (re.IGNORECASE slows Python's alternations), and only where a word starts with a
# letter that can begin a mention. This keeps a scan of a long article close to a plain search.
_ANCHOR = starting_with_first_chars(r"\d{4}|year|month|same|\bye\b|y/e|12m|quarter|\bq[1-4]\b|half|first|second")
_PERIOD_LOWER = starting_with_first_chars(lowercase_pattern(PERIOD.pattern))
# A mention starts at most this far before its first anchor ("throughout the calendar year 2015"
# is the longest reach, 24 characters) and ends at most this far after it.
_REACH_BEFORE, _REACH_AFTER = 50, 120


def _period_matches(lowered: str, start: int, end: int):
    """The matches `PERIOD.finditer(text, start, end)` would give, found from anchors."""
    pos = start
    for a in _ANCHOR.finditer(lowered, start, end):
        if a.start() < pos:
            continue
        m = _PERIOD_LOWER.search(lowered, max(pos, a.start() - _REACH_BEFORE), min(end, a.end() + _REACH_AFTER))
        if m and m.start() <= a.start():
            yield m
            pos = m.end()


# A timeline label's note on the same line: "(year ending June)", "(YE Sep)", "(calendar year)"
_LABEL_MONTH_NOTE = re.compile(r"[^\n(]{0,60}?\(\s*(?:(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:ending|ended|to)\s+"
                               r"(?P<month>" + _MONTH + r")|YE\s+(?P<month2>" + _MONTH + r")|(?P<cal>calendar\s+year))\s*\)", re.I)


def find_periods(text: str, published: date | None, start: int = 0, end: int | None = None,
                 lowered: str | None = None) -> list[PeriodMention]:
    """Every period mention in text[start:end]; pass `cues.lowercase(text)` as `lowered` if it is at hand."""
    end = len(text) if end is None else end
    found = []
    # "each year below is the 12 months to the end of March": an article that says what its years are
    year_month = _years_are(text)
    label_month = None
    noted = 0  # the end of a label's note ("2011 – 247,000 (year ending June)"), read with the label
    for m in _period_matches(lowercase(text) if lowered is None else lowered, start, end):
        if m.start() < noted:
            continue
        if (m.group("label_year") or m.group("label_year2")) and label_month is None:
            label_month = year_end_month(text) if year_month == 12 else year_month
        if m.group("q_ending"):
            found.append(PeriodMention(m.start(), m.end(), "absolute", month_end(int(m.group("q_year")), 3 * int(m.group("q_num")))))
        elif m.group("yy_month"):
            year = 2000 + int(m.group("yy_year"))
            ends = month_end(year if published is None or year <= published.year else year - 100,
                             MONTHS[m.group("yy_month").lower().rstrip(".")])
            if published is None or ends <= published:
                found.append(PeriodMention(m.start(), m.end(), "absolute", ends))
        elif m.group("ending"):
            if _UPCOMING_AFTER.match(text, m.end()):
                continue  # "Figures for the year to September are due on 26 February": a release to come
            month = MONTHS[m.group("e_month").lower().rstrip(".")]
            if m.group("e_year"):
                found.append(PeriodMention(m.start(), m.end(), "absolute", month_end(int(m.group("e_year")), month),
                                           _is_base(text, m.start(), _BASE_OF_A_LEVEL) or _since(text, m.start())))
            else:
                found.append(PeriodMention(m.start(), m.end(), "absolute", latest_month_end(month, published)))
        elif m.group("mid_year"):
            found.append(PeriodMention(m.start(), m.end(), "absolute", month_end(int(m.group("mid_year")), 6)))
        elif m.group("c_year"):
            year = int(m.group("c_year"))
            if published is not None and month_end(year, year_month) > published:
                continue  # the current or a future year cannot be a finished 12-month period
            if not m.group("cal_prefix").lower().startswith(("in", "during", "for", "throughout", "over", "across", "by",
                                                             "calendar")):
                continue
            if _EVENT_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _SINCE_BEFORE.search(
                    text, max(0, m.start() - 30), m.start()):
                continue
            at = m.start("c_year") - len(m.group("cal_prefix"))
            found.append(PeriodMention(at, m.end(), "absolute", month_end(year, year_month),
                                       _on_an_estimate(text, at)))
        elif m.group("fig_year") or m.group("paren_year"):
            year = int(m.group("fig_year") or m.group("paren_year"))
            if published is None or year < published.year:
                found.append(PeriodMention(m.start(), m.end(), "absolute", date(year, 12, 31)))
        elif m.group("m_month"):
            if m.group("my_prefix").lower().startswith("by"):
                continue  # "by June 2025" is a deadline
            if m.group("my_prefix").lower().startswith("in") and _ACCESS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                continue  # "gained full access to the labour market in January 2014": a date, not 12 months
            if _EVENT_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue
            found.append(PeriodMention(m.start(), m.end(), "absolute",
                                       month_end(int(m.group("m_year")), MONTHS[m.group("m_month").lower().rstrip(".")])))
        elif m.group("last"):
            found.append(PeriodMention(m.start(), m.end(), "absolute",
                                       date(published.year - 1, 12, 31) if published else None))
        elif m.group("prev_cal"):
            found.append(PeriodMention(m.start(), m.end(), "previous_calendar", None))
        elif m.group("next"):
            found.append(PeriodMention(m.start(), m.end(), "next", None))
        elif m.group("label_year") or m.group("label_year2"):
            group = "label_year" if m.group("label_year") else "label_year2"
            note = _LABEL_MONTH_NOTE.match(text, m.end(group), end)
            if note:  # "2011 – 247,000 (year ending June)": the label's year, the note's month
                noted = note.end()
            month = (12 if note.group("cal") else MONTHS[(note.group("month") or note.group("month2")).lower().rstrip(".")]) \
                if note else label_month
            ends = month_end(int(m.group(group)), month)
            if published is None or ends <= published:
                found.append(PeriodMention(m.start(), m.end(group), "absolute", ends))
        elif m.group("label_cal"):
            ends = month_end(int(m.group("label_cal")), 12)
            if published is None or ends <= published:
                found.append(PeriodMention(m.start(), m.end(), "absolute", ends))
        elif m.group("ordinal"):
            found.append(PeriodMention(m.start(), m.end(), "ordinal_" + m.group("ordinal").lower(), None))
        elif m.group("span"):
            # ("the jump between 2004 and 2005, a rise of 58,000": a change over a span ends with it)
            to = m.group("span_to") or m.group("span_to2")
            found.append(PeriodMention(m.start(), m.end(), "span", month_end(int(to), year_month) if to else None))
        elif m.group("prev2"):
            found.append(PeriodMention(m.start(), m.end(), "previous_2", None))
        elif m.group("latest"):
            found.append(PeriodMention(m.start(), m.end(), "latest", None))
        elif m.group("prev"):
            found.append(PeriodMention(m.start(), m.end(), "previous", None,
                                       _is_base(text, m.start())))
        else:
            found.append(PeriodMention(m.start(), m.end(), "same", None))
    return found


def resolve_relative(mention: PeriodMention, anchor: date | None) -> date | None:
    """The end of a relative period, given the period it is relative to."""
    if mention.kind in ("absolute", "span"):
        return mention.period_end
    if anchor is None:
        return None
    if mention.kind == "previous":
        return previous_year(anchor)
    if mention.kind == "previous_2":
        return month_end(anchor.year - 2, anchor.month)
    if mention.kind == "next":
        return month_end(anchor.year + 1, anchor.month)
    if mention.kind == "previous_calendar":
        return date(anchor.year - 1, 12, 31)
    return anchor  # "the same period"


_LABEL_NOTE = re.compile(r"\s*(?:\([^()]{1,12}\)|\[[^\[\]]{1,6}\])\s*$")


def parse_period_label(label: str, published: date | None, month: int = 12) -> date | None:
    """A table's row or column label: `Year to December 2011`, `June 2023`, `YE Jun 2024`, `YE Jun 24`, `2014`
    (a bare year ends in December unless the table says its years end in another `month`)."""
    label = label.strip().strip("*").strip()
    label = _LABEL_NOTE.sub("", label)  # "Dec 2017 (final)", "Jun 2018 (prov.)", "2016 (p)"
    mentions = [p for p in find_periods(label, published) if p.kind == "absolute"]
    if mentions and mentions[0].period_end:
        return mentions[0].period_end
    m = re.fullmatch(r"(?:(?:year\s+(?:ending|to)\s+)|YE\s+)?(" + _MONTH + r")\s+(" + _YEAR + r")", label, re.I)
    if m:
        return month_end(int(m.group(2)), MONTHS[m.group(1).lower().rstrip(".")])
    # ONS tables abbreviate: "YE Jun 23", "Jun-23", "Mar '24"
    m = re.fullmatch(r"(?:(?:year\s+(?:ending|to)\s+)|YE\s+)?(" + _MONTH + r")[\s'’-]+'?(\d\d)", label, re.I)
    if m:
        return month_end(2000 + int(m.group(2)), MONTHS[m.group(1).lower().rstrip(".")])
    m = re.fullmatch(r"(?:calendar\s+year\s+)?(" + _YEAR + r")", label, re.I)
    if m:
        return month_end(int(m.group(1)), month if not label.lower().startswith("calendar") else 12)
    return None


_TWELVE_MONTHS_TO = re.compile(r"(?:12|twelve)\s+months\s+(?:to|ending)\s+(?:the\s+end\s+of\s+)?(" + _MONTH + r")\b",
                               re.IGNORECASE)
_YEARS_ARE = re.compile(r"\b(?:each|every|all|the)\s+years?\b[^.\n]{0,40}?\b(?:is|are|covers?|means?|runs?)\s+(?:the\s+)?$",
                        re.IGNORECASE)


def _years_are(text: str) -> int:
    """The month an article says its years end in ("each year below is the 12 months to the end of
    March"), else December. Found from "12 months to", then the words before it."""
    for m in _TWELVE_MONTHS_TO.finditer(text):
        if _YEARS_ARE.search(text, max(0, m.start() - 70), m.start()):
            return MONTHS[m.group(1).lower().rstrip(".")]
    return 12
# "years ending June", "each year below is the 12 months to the end of March": a month for bare years
_YEARS_END_IN = re.compile(r"\byears?\b[^.\n]{0,60}?\b(?:ending|ended|to|12\s+months\s+to|twelve\s+months\s+to)\s+"
                           r"(?:in\s+|the\s+end\s+of\s+)?(" + _MONTH + r")\b(?!\s*\d)", re.IGNORECASE)


def year_end_month(text: str, start: int = 0, end: int | None = None) -> int:
    """The month a text says its bare years end in ("years to September": 9), else December ("Ireland,
    which counts in years to April" speaks of another country's years, not the article's)."""
    for m in _YEARS_END_IN.finditer(text, start, len(text) if end is None else end):
        if not _ANOTHER_COUNTS.search(text, max(0, m.start() - 40), m.start()):
            return MONTHS[m.group(1).lower().rstrip(".")]
    return 12


_ANOTHER_COUNTS = re.compile(r",\s+(?:which|where\s+\w+)\s+(?:counts?|measures?|reports?|publishes)\s+(?:\w+\s+)?in\s+$", re.IGNORECASE)
