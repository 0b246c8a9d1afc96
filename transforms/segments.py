"""Where the article's own words are: its body (not the readers' comments), its paragraphs and
sentences, as offsets into the original text so every figure can point back at its source."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .alternation import starting_with_first_chars

# A short heading line that opens the readers' section of a scraped page.
_COMMENTS_HEADING = re.compile(
    r"^[ \t]*(?:\d+\s+)?(?:most\s+(?:popular|liked|recent)\s+|top\s+|reader\s+|readers'?\s+|show\s+|view\s+|all\s+|"
    r"join\s+the\s+)?(?:comments?|discussion|conversation|have\s+your\s+say)(?:\s*\(\d+\))?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
# (not after an abbreviation: "Mr. Khan", "approx. 300,000", "Imm. 884k, emig. 676k", "net migr. 208k")
_ABBREVIATION = "".join(rf"(?<!\b(?i:{a})\.)" for a in ("mr", "mrs", "ms", "dr", "prof", "st", "no", "approx", "est", "c", "ca",
                                                          "vs", "imm", "emig", "migr", "rev", "govt"))
_SENTENCE_END_RX = _ABBREVIATION + r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9£$])|(?<=[.!?][\"”’])\s+"
_SENTENCE_END = starting_with_first_chars(_SENTENCE_END_RX)
# In copy written all in lower case ("212k. that's 574k arriving"), a full stop before a lower-case word ends a sentence too
_SENTENCE_END_IN_LOWER_CASE = starting_with_first_chars(_SENTENCE_END_RX + r"|(?<=[a-z\d][.!?])\s+(?=[a-z])")


# A short heading line that opens links to other stories: their headlines are not this article's.
_RELATED_HEADING = re.compile(
    r"^[ \t]*(?:related(?:\s+(?:stories|articles|content|coverage|links))?|more\s+on\s+this\s+(?:story|topic)|"
    r"read\s+more|more\s+from\s+[\w ]{1,30}|you\s+may\s+also\s+like|most\s+read|top\s+stories|see\s+also)"
    r"[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)


# A one-line link to another story inside the body ("Read more: Net migration hit record 906,000 in
# 2023"): another article's headline, not this one's words.
LINK_LINE = re.compile(r"[ \t]*(?:read\s+more|related|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|read\s+next"
                       r"|recommended|watch|listen)[ \t]*:[ \t]+\S", re.IGNORECASE)


# Markup left in scraped text ("311,000&nbsp;in", "left.<br>", "China &amp; India"): read as the
# characters it stands for, padded with spaces so that every offset still points into the original.
_MARKUP = re.compile(r"&(?:nbsp|#160|#xa0|amp|quot|#39|apos|rsquo|lsquo|rdquo|ldquo|ndash|mdash|pound|hellip);"
                     r"|</?(?:br|p|div|span|b|i|em|strong|a|li|ul|ol|h[1-6])\b[^<>\n]{0,200}>", re.IGNORECASE)
_ENTITY = {"&amp;": "&", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&rsquo;": "’", "&lsquo;": "‘", "&rdquo;": "”",
           "&ldquo;": "“", "&ndash;": "–", "&mdash;": "—", "&pound;": "£", "&hellip;": "…"}


def without_markup(text: str) -> str:
    """The text with HTML entities and tags read, every offset unchanged (the same length)."""
    if "&" not in text and "<" not in text:
        return text
    return _MARKUP.sub(lambda m: _ENTITY.get(m.group(0).lower(), " ").ljust(len(m.group(0))), text)


# Text copied from a PDF breaks lines mid-sentence ("655,000 people\nimmigrated", "the year\nending June
# 2016") and words across lines ("emi-\ngrated"). A long line that stops mid-sentence, followed by one
# that carries on in lower case (or with a number that carries on), is one line; the break becomes a
# space, and a split word is closed up with its padding after it, so every number keeps its offset.
_WRAP = re.compile(r"(?<=[^\s.:!?;|])[ \t]*\n(?=[a-z(]|(?:19|20)\d\d(?:[,;.)]|\s+[a-z])|(?P<figure>\d[\d,.]*\s+[a-z]))")
_FIGURE_LINE_NEXT = re.compile(r"\d[\d,.]*\s")
_PAGE_WIDTH = 100  # a wrapped line is no wider than a page; a longer one is a paragraph of its own
_SPLIT_WORD = re.compile(r"(?<![\w-])([A-Za-z]{2,})-\n([a-z]{2,})(?=[^\w-])")
_COMPOUND_HEADS = {"long", "short", "non", "post", "pre", "self", "well", "cross", "mid", "twelve", "year", "work", "highly",
                   "low", "high", "full", "part", "first", "second", "third", "anti", "co", "ex", "re", "semi", "multi"}
_WRAPPED_WIDTH = 40  # a line at least this long that stops mid-sentence was wrapped, not ended


def unwrapped(text: str) -> str:
    """The text with hard line wraps read as spaces, every number's offset unchanged (the same length)."""
    if "\n" not in text:
        return text

    def long_line_before(at: int, width: int = _WRAPPED_WIDTH) -> bool:
        start = text.rfind("\n", 0, at) + 1
        return at - start >= width and "\t" not in text[start:at]

    def join_word(m: re.Match) -> str:  # (a hyphen at a line's end is the stronger sign: a shorter line will do)
        if not long_line_before(m.start(2) - 1, _WRAPPED_WIDTH // 2):
            return m.group(0)
        head, tail = m.group(1), m.group(2)
        joined = f"{head}-{tail}" if head.lower() in _COMPOUND_HEADS else head + tail
        return joined.ljust(len(m.group(0)))

    text = _SPLIT_WORD.sub(join_word, text)
    def join_line(m: re.Match) -> str:
        # ("...from those countries\n58,000 immigrants arrived ..." after a paragraph-long line is a list of
        # figures, one per line: only a page-wide line carries on into a figure)
        start = text.rfind("\n", 0, m.start()) + 1
        if not long_line_before(m.end() - 1) or m.group("figure") and (
                m.start() - start > _PAGE_WIDTH or _FIGURE_LINE_NEXT.match(text, start)
                or _FIGURE_LINE_NEXT.match(text, text.find("\n", m.end()) + 1 or len(text))):
            return m.group(0)  # (nor does a line run on into a list of figures, one a line)
        return " " * len(m.group(0))

    return _WRAP.sub(join_line, text)


def body_end(text: str) -> int:
    """Offset where reader comments or links to other stories begin, or the end of the text."""
    ends = [m.start() for m in (_COMMENTS_HEADING.search(text), _RELATED_HEADING.search(text)) if m]
    return min(ends) if ends else len(text)


def lines(text: str, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every line before `end`, without its newline."""
    start = 0
    while start < end:
        nl = text.find("\n", start, end)
        stop = end if nl < 0 else nl
        yield start, stop
        start = stop + 1


_UPPER = re.compile(r"[A-Z]")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside one line, trimmed of surrounding whitespace."""
    pos = start
    ends = _SENTENCE_END if end - start < 40 or _UPPER.search(text, start, end) else _SENTENCE_END_IN_LOWER_CASE
    for m in ends.finditer(text, start, end):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, end)


# No reported sentence runs past this; a longer "sentence" is a page without punctuation (a scrape
# gone wrong), cut into pieces so the work done per sentence stays bounded and extraction linear.
MAX_SENTENCE = 1000
_SOFT_BREAK = re.compile(r"[;,]\s|\s")


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end:
        stop = end
        if end - start > MAX_SENTENCE:
            stop = start + MAX_SENTENCE
            # break after the last clause mark, else the last space, in the second half of the piece
            breaks = [m.end() for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE // 2, stop)]
            clause = [b for b in breaks if text[b - 2] in ";,"]
            stop = (clause or breaks or [stop])[-1]
        s, e = start, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        start = stop
