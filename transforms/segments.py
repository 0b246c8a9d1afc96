"""Where the article's own words are: its body (not the readers' comments), its paragraphs and
sentences, as offsets into the original text so every figure can point back at its source."""
from __future__ import annotations

import re
from collections.abc import Iterator

# A short heading line that opens the readers' section of a scraped page.
_COMMENTS_HEADING = re.compile(
    r"^[ \t]*(?:\d+\s+)?(?:most\s+(?:popular|liked|recent)\s+|top\s+|reader\s+|readers'?\s+|show\s+|view\s+|all\s+|"
    r"join\s+the\s+)?(?:comments?|discussion|conversation|have\s+your\s+say)(?:\s*\(\d+\))?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9£$])|(?<=[.!?][\"”’])\s+")


def body_end(text: str) -> int:
    """Offset where reader comments begin, or the end of the text."""
    m = _COMMENTS_HEADING.search(text)
    return m.start() if m else len(text)


def lines(text: str, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every line before `end`, without its newline."""
    start = 0
    while start < end:
        nl = text.find("\n", start, end)
        stop = end if nl < 0 else nl
        yield start, stop
        start = stop + 1


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside one line, trimmed of surrounding whitespace."""
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
