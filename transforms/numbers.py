"""Numbers as reporters write them: `650,000`, `+215,000`, `1.2 million`, `1.22m`, `685k`,
`half a million`, ranges such as `240,000-250,000`, with the qualifier words in front of them.

Only quantities that could be a migration flow survive: years, money, percentages, durations and
small counts are dropped here, once, so later stages never see them. A malformed thousands group
(`342,00`, `1,2000`) is kept and flagged, never guessed at.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .alternation import prefiltered

_MULTIPLIERS = {"million": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "m": 1_000_000, "bn": 1_000_000_000,
                "billion": 1_000_000_000, "thousand": 1_000, "k": 1_000}
_WORD_UNITS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10}
_FRACTIONS = {"half": (0.5, 100_000), "quarter": (0.25, 10_000), "three-quarters": (0.75, 10_000),
              "three quarters": (0.75, 10_000), "third": (1 / 3, 10_000), "two-thirds": (2 / 3, 10_000)}

_UPWARD_VERBS = ("revised", "revise", "revises", "revising", "rose", "went", "shot", "jumped", "pushed", "moved",
                 "crept", "edged", "ratcheted", "ticked",
                 # "taking net migration up to 183,000": the thing moved, then where it went
                 "migration", "immigration", "emigration", "total", "figure", "it", "taking", "takes", "took", "pushing",
                 "bringing", "brings", "brought")

# Qualifier words, longest first so "more than" wins over "more".
_QUALIFIERS = [
    ("at_least", r"more than|over|above|at least|in excess of|exceeding|upwards of|just over|well over|almost over"),
    # "revised up to 906,000", "rose up to": upwards to a level, not a bound
    ("at_most", r"fewer than|less than|under|below|" + "".join(rf"(?<!{verb}\s)" for verb in _UPWARD_VERBS)
                + r"up to|nearly|almost|just under|no more than|not more than|"
                r"just short of|shy of"),
    ("approximately", r"about|around|some|roughly|approximately|an estimated|estimated|circa|c\.|~|"
                      r"an approximate|approx\.?|close to|nearly about"),
]
QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?P<q>" + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIERS) + r")\s*$",
    re.IGNORECASE)

# ("685 000", "1 207 000": thousands set off by spaces, as some styles and other languages write them;
# a plain space only before groups ending in 000, so single-spaced columns are not read as one number)
_DIGITS = r"(?P<sign{i}>[+\-−](?=\d))?(?P<int{i}>\d{{1,3}}(?:[\u00a0\u2009\u202f]\d{{3}})+(?!\d|,\d)" \
          r"|\d{{1,3}}(?: \d{{3}})*(?: 000)(?!\d|,\d)|\d+(?:,\d+)*)(?:\.(?P<frac{i}>\d+))?" \
          r"(?:\s?(?P<mult{i}>million|mln|mn|bn|billion|thousand|m|k)(?!\w|-(?!plus\b)))?"
_WORDY = (r"(?P<wfrac{i}>(?:a\s+|one\s+)?(?:half|quarter|third|three[- ]quarters|two-thirds))(?:\s+of)?\s+"
          r"(?:a|one)\s+million|(?P<wunit{i}>a|one|two|three|four|five|six|seven|eight|nine|ten)"
          # "one and a half million"
          r"(?P<whalf{i}>\s+and\s+a\s+half)?\s+million")
_ONE = r"(?:{d}|{w})"
# A range joins two numbers with a dash or "to"; "between X and Y" is the spelled-out form.
NUMBER = re.compile(
    r"(?:(?<![\w.,£$€¥/-])|(?<=\bc\.))(?:(?P<between>between\s+)?" + _ONE.format(d=_DIGITS.format(i=1), w=_WORDY.format(i=1))
    + r"(?:(?P<rangesep>\s?[-–—]\s?|\s+to\s+|\s+and\s+)" + _ONE.format(d=_DIGITS.format(i=2), w=_WORDY.format(i=2))
    + r")?)(?![\w%])",
    re.IGNORECASE)

# What follows a number and makes it something other than a count of migrants.
# Only a space on the same line joins a unit to its number: in a block table the next line may be a
# period label ("700,000" then "Year ending June 2024"), which is not "700,000 years".
_NOT_A_FLOW_AFTER = re.compile(
    r"[ \t\u00a0]?(?:%|per\s?cent|percent|percentage|pc\b|pounds?\b|pence|dollars|euros|p\b|years?\b|-years?\b|months?\b|"
    r"weeks?\b|days?\b|hours?\b|minutes?\b|-year-old|year-old|miles|km|sq|square|kg|times\b|st\b|nd\b|rd\b|th\b|"
    r"am\b|pm\b|ft\b|metres|meters)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[£$€¥]|\b(?:GBP|USD|EUR|AUD)\s?)$")

# "a 95% confidence interval ... of around 60,000 either side": the width of an estimate, not a count
_MARGIN_AFTER = re.compile(r"\s+(?:either\s+side|each\s+way|either\s+way|on\s+either\s+side|in\s+(?:each|either)\s+direction)\b", re.IGNORECASE)
# "in the 12m to March 2025": twelve months, not twelve million
_TWELVE_MONTHS = re.compile(r"12\s?m", re.IGNORECASE)
_ENDING_AFTER = re.compile(r"\s+(?:to|ending|ended|up\s+to|through)\b", re.IGNORECASE)
_MINUS_BEFORE = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
# "745,000 (+/- 20,000)": a margin of error, not a count
_MARGIN_BEFORE = re.compile(r"(?:\+\s?/\s?-|\+-|±|plus\s+or\s+minus|give\s+or\s+take)\s*$", re.IGNORECASE)

# "registered number 1098765", "Tel: 020 7946 0000", "ref. 178204": identifiers, not counts
_IDENTIFIER_BEFORE = re.compile(r"\b(?:(?:registered|registration|charity|company|reference|ref\.?|case|phone|tel\.?|telephone"
                                r"|fax|serial|account|question)\s*(?:number|no\.?)?|number|no\.)\s*[:#]?\s*$", re.IGNORECASE)

# "16 people per 1,000 residents": the base of a rate, not a count
_RATE_BASE_BEFORE = re.compile(r"\b(?:per|in\s+every|for\s+every|out\s+of\s+every|every)\s+$", re.IGNORECASE)

_PLUS_AFTER = re.compile(r"(?:-|\s)?plus\b|\+(?!\d)", re.IGNORECASE)

_FROM_BY_BEFORE = re.compile(r"\b(?:by|from)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)

# (looked for before every number: most windows hold none of the words they need)
_IDENTIFIER_BEFORE, _RATE_BASE_BEFORE = prefiltered(_IDENTIFIER_BEFORE), prefiltered(_RATE_BASE_BEFORE)

MIN_FLOW_VALUE = 1_000  # flows below a thousand are not reported as migration statistics


class NumberMention(NamedTuple):  # a tuple: made by the thousand per article, cheaper than a dataclass
    start: int            # offset of the first character of the number (qualifier excluded)
    end: int
    text: str             # the number as written, e.g. "1.2 million" or "240,000-250,000"
    value: float | None   # None when malformed
    value_high: float | None
    precision: int | None
    qualifier: str        # exact | approximately | at_least | at_most
    malformed: str | None  # reason when the digits cannot be read safely


def _grouping_problem(int_part: str) -> str | None:
    groups = int_part.split(",")
    if len(groups) == 1:
        return None
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return (f"malformed number '{int_part}': thousands groups after a comma must have exactly "
                f"3 digits; not guessing the intended value")
    return None


def _read_one(m: re.Match, i: int, scale: int = 1) -> tuple[float | None, int | None, str | None]:
    """Value, precision and malformation of the i-th number of a match; `scale` is a unit stated
    elsewhere (a table "in thousands"), applied as if the writer had written the multiplier."""
    wfrac, wunit = m.group(f"wfrac{i}"), m.group(f"wunit{i}")
    if wfrac:
        key = re.sub(r"^(?:a|one)\s+", "", wfrac.lower()).strip()
        frac, precision = _FRACTIONS[re.sub(r"\s+", " ", key)]
        return round(frac * 1_000_000), precision, None
    if wunit and m.group(f"whalf{i}"):
        return _WORD_UNITS[wunit.lower()] * 1_000_000 + 500_000, 500_000, None
    if wunit:
        return _WORD_UNITS[wunit.lower()] * 1_000_000, 1_000_000, None
    int_part, frac_part = m.group(f"int{i}"), m.group(f"frac{i}")
    mult = _MULTIPLIERS.get((m.group(f"mult{i}") or "").lower(), 1)
    if mult == 1 and scale > 1:
        mult = scale
    problem = _grouping_problem(int_part)
    if problem:
        return None, None, problem
    digits = re.sub(r"[,\s]", "", int_part)
    if frac_part and mult == 1:
        value = float(f"{digits}.{frac_part}")
        return value, 1, None
    if frac_part:
        value = round(float(f"{digits}.{frac_part}") * mult)
        precision = max(1, mult // 10 ** len(frac_part))
    else:
        value = int(digits) * mult
        if mult > 1:
            precision = mult
        else:  # official figures are rounded to thousands: 650,000 is written to the nearest 1,000
            zeros = len(digits) - len(digits.rstrip("0")) if int(digits) else 0
            precision = 10 ** min(3, zeros)
    sign = m.group(f"sign{i}")
    if sign and sign in "-−":
        value = -value
    return value, precision, None


def _cannot_be_a_flow(m: re.Match, scale: int) -> bool:
    """A lone year, or a lone bare number below a thousand (the quick rejections of `find_numbers`)."""
    digits = m.group("int1")
    if digits is None or m.group("mult1") is not None or "," in digits:
        return False
    return (len(digits) <= 3 and scale == 1) or _is_year(m)


def _is_year(m: re.Match) -> bool:
    return (m.group("int1") is not None and m.group("mult1") is None and m.group("frac1") is None
            and m.group("sign1") is None and "," not in m.group("int1") and len(m.group("int1")) == 4
            and 1800 <= int(m.group("int1")) <= 2199)


# Every number holds a digit or the word "million"; NUMBER is tried only where one stands, which
# keeps a scan close to the speed of a plain search for digits.
_DIGITS_RUN = re.compile(r"\d+")
_MILLION = re.compile(r"[Mm](?:illion|ILLION)")
_MOVEMENT_AFTER = re.compile(r"\s+(?:lower|higher|fewer|more|less|down|up|below|above)\b", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"between\s+[+\-−]?$", re.IGNORECASE)
_WORDY_REACH = 32  # "three-quarters of a million": how far before "million" a worded number starts


def _anchors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    anchors = [(m.start(), m.end()) for m in _DIGITS_RUN.finditer(text, start, end)]
    words = [(m.start(), m.end()) for m in _MILLION.finditer(text, start, end)]
    return sorted(anchors + words) if words else anchors


def _match_at(text: str, a: int, a_end: int, pos: int, end: int) -> re.Match | None:
    """The NUMBER match that holds the anchor at `a` and starts at or after `pos`, if any."""
    if text[a].isdigit():
        between = _BETWEEN_BEFORE.search(text, max(pos, a - 20), a)
        m = NUMBER.match(text, between.start(), end) if between else None
        if m is None and a > pos and text[a - 1] in "+-−":
            m = NUMBER.match(text, a - 1, end)
        return m or NUMBER.match(text, a, end)
    m = NUMBER.search(text, max(pos, a - _WORDY_REACH), min(end, a_end + 1))
    return m if m is not None and m.end() >= a_end else None


def find_numbers(text: str, start: int = 0, end: int | None = None, scale: int = 1) -> list[NumberMention]:
    """Every count-like number in text[start:end] that could be a migration figure.

    `scale` multiplies bare numbers whose unit is stated elsewhere ("Net migration (thousands)")."""
    end = len(text) if end is None else end
    found = []
    pos = start
    for a, a_end in _anchors(text, start, end):
        if a < pos:
            continue
        m = _match_at(text, a, a_end, pos, end)
        if m is None:
            continue
        if m.group("rangesep") is None and _cannot_be_a_flow(m, scale):
            pos = m.end()  # most numbers in news text: years, days, small counts
            continue
        first_end = _end_of_first(m)
        is_range = m.group("rangesep") is not None
        sep = (m.group("rangesep") or "").strip().lower()
        if is_range and sep == "and" and not m.group("between"):
            is_range = False  # "X and Y" is two numbers; only "between X and Y" is a range
        if is_range and sep == "to" and _FROM_BY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            is_range = False  # "fell by 84,000 to 248,000", "from 866,000 to 431,000": two figures
        if is_range and sep in ("-", "–", "—") and _MOVEMENT_AFTER.match(text, m.end()):
            is_range = False  # "net migration stood at 203,000 – 482,000 lower than in 2023": a level, then a change
        if is_range and _is_year(m) and not (len(m.group("int2") or "") == 4 and "," not in m.group("int2")):
            is_range = False  # "figure for 2023 - 685,000 - was": a year, then the number
        value, precision, problem = _read_one(m, 1, scale)
        value_high = None
        if is_range:
            value_high, precision_high, problem_high = _read_one(m, 2, scale)
            problem = problem or problem_high
            if value is not None and value_high is not None:
                # "1.1-1.2 million": the multiplier written once applies to both ends
                if m.group("mult2") and not m.group("mult1") and value_high > value * 1000:
                    value = value * _MULTIPLIERS[m.group("mult2").lower()]
                    precision = precision_high
                if value_high <= value or (sep == "to" and value_high > 1.5 * value):
                    is_range, value_high = False, None  # a wide "X to Y" is a movement, not a range
                else:
                    precision = min(precision, precision_high)
        num_start = m.start("between") + len(m.group("between")) if m.group("between") else m.start()
        num_end = m.end() if is_range else first_end
        pos = num_end  # a rejected range's second number is read on the next pass
        if _is_year(m) or _CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start()) \
                or _TWELVE_MONTHS.fullmatch(m.group(0)) and _ENDING_AFTER.match(text, num_end) \
                or _NOT_A_FLOW_AFTER.match(text, num_end) or _MARGIN_BEFORE.search(text, max(0, m.start() - 16), m.start()) \
                or _MARGIN_AFTER.match(text, num_end) or _RATE_BASE_BEFORE.search(text, max(0, num_start - 20), num_start) \
                or _IDENTIFIER_BEFORE.search(text, max(0, num_start - 24), num_start) and "," not in m.group(0):
            continue
        if problem is None and (value is None or abs(value) < MIN_FLOW_VALUE):
            continue
        if value is not None and value > 0 and _MINUS_BEFORE.search(text, max(0, num_start - 10), num_start):
            value = -value  # "EU net migration was minus 50,000"
            value_high = -value_high if value_high is not None else None
        qualifier = "exact"
        q = QUALIFIER_BEFORE.search(text, max(0, num_start - 24), num_start)
        if q:
            qualifier = next(name for name, _ in _QUALIFIERS if q.group(name))
        elif _PLUS_AFTER.match(text, num_end):
            qualifier = "at_least"  # "600k-plus arrivals", "200,000 plus"
        found.append(NumberMention(num_start, num_end, text[num_start:num_end], value, value_high, precision,
                                   qualifier, problem))
    if text.find("housand", start, end) >= 0 or text.find("HOUSAND", start, end) >= 0:  # (any case of "thousand")
        worded = worded_thousands(text, start, end)
        if worded:
            found = sorted(found + worded)
    return found


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)} \
    | {w: (i + 2) * 10 for i, w in enumerate(_TENS)} | {"a": 1}
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
# "Three hundred and thirty thousand people", "eight hundred and eleven thousand", "ninety thousand"
_WORD_THOUSANDS = re.compile(rf"(?<![\w-])(?:(?P<hundreds>{'|'.join(_UNITS)}|a)\s+hundred(?:\s+and\s+(?P<rest>{_BELOW_100}))?"
                             rf"|(?P<small>{_BELOW_100}))\s+thousand(?![\w-])"
                             # "eighteen thousand six hundred (pound threshold)": the units below a thousand
                             rf"(?:\s+(?:and\s+)?(?:(?P<t_hundreds>{'|'.join(_UNITS)})\s+hundred(?:\s+and\s+(?P<t_rest>{_BELOW_100}))?"
                             rf"|(?P<t_small>{_BELOW_100}))(?![\w-]))?", re.IGNORECASE)
_THOUSAND = re.compile(r"thousand", re.IGNORECASE)
_LONGEST_WORDED = 48  # "seven hundred and seventy-seven thousand" and some room


def _below_100(words: str) -> int:
    return sum(_WORD_VALUES[w] for w in re.split(r"[- ]", words.lower()))


def _below_1000(hundreds: str | None, rest: str | None, small: str | None) -> int:
    """"three hundred and thirty", "ninety": a number below a thousand in words."""
    if hundreds:
        return _WORD_VALUES[hundreds.lower()] * 100 + (_below_100(rest) if rest else 0)
    return _below_100(small) if small else 0


def worded_thousands(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Counts of thousands spelled out in words, as said aloud or set at a sentence's start."""
    end = len(text) if end is None else end
    found, pos = [], start
    for a in _THOUSAND.finditer(text, start, end):
        if a.start() < pos:
            continue
        m = _WORD_THOUSANDS.search(text, max(pos, a.start() - _LONGEST_WORDED), min(end, a.end() + _LONGEST_WORDED))
        if m is None or m.start() + m.group(0).lower().find("thousand") != a.start():
            continue  # the match must be the words before this "thousand"
        pos = m.end()
        if _NOT_A_FLOW_AFTER.match(text, m.end()):
            continue
        value = _below_1000(m.group("hundreds"), m.group("rest"), m.group("small")) * 1000 \
            + _below_1000(m.group("t_hundreds"), m.group("t_rest"), m.group("t_small"))
        q = QUALIFIER_BEFORE.search(text, max(0, m.start() - 24), m.start())
        qualifier = next(name for name, _ in _QUALIFIERS if q.group(name)) if q else "exact"
        found.append(NumberMention(m.start(), m.end(), m.group(0), value, None, 1000 if value % 1000 == 0 else 1,
                                   qualifier, None))
    return found


def _end_of_first(m: re.Match) -> int:
    """End offset of the first number of a match (before any range separator)."""
    if m.group("wfrac1") or m.group("wunit1"):
        word_start = m.start("wfrac1") if m.group("wfrac1") else m.start("wunit1")
        return word_start + re.match(r".*?million", m.string[word_start:m.end()], re.I | re.S).end()
    for group in ("mult1", "frac1", "int1"):
        if m.group(group) is not None:
            return m.end(group)
    return m.end()
