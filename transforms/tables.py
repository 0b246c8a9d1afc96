"""Figures laid out as tables: markdown pipe tables, tab-separated tables, and the plain-text
block tables of scraped pages (one header per line, then a period label followed by one value
per line). Cells such as `..`, `-` or `n/a` are missing values, never zeros."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .cues import SOURCE_UK, find_cues, has_flow_cue, lowercase
from .numbers import NumberMention, find_numbers
from .periods import find_periods, parse_period_label, year_end_month

MISSING = re.compile(r"^(?:\.\.|[-–—:x*]|n/?a|not\s+available|not\s+shown|z|c|\[[a-z]\])?$", re.IGNORECASE)
_SEPARATOR_ROW = re.compile(r"^[\s|:+-]+$")
_LABEL_WORDS = {"net": "net_migration", "balance": "net_migration", "in": "immigration", "inflow": "immigration",
                "out": "emigration", "outflow": "emigration"}
_BREAKDOWN_WORDS = {"eu": "citizenship:eu", "non-eu": "citizenship:non_eu", "british": "citizenship:british",
                    "eu8": "citizenship:eu8", "eu2": "citizenship:eu2", "work": "reason:work", "study": "reason:study",
                    "family": "reason:family", "asylum": "reason:asylum"}


# A unit stated once for the whole table: "Net migration (thousands)", "figures in '000s".
# "000" alone is a unit only when no digit or separator joins it to a number ("590,000" is a value).
_THOUSANDS = re.compile(r"\bthousands\b|(?<![\d,.])\(?'?000s?\)?(?!\d)|\b000s\b", re.IGNORECASE)


@dataclass(frozen=True)
class TableCell:
    number: NumberMention
    flow: str
    breakdown: str | None      # "reason:work" or None
    period_end: date | None
    row_start: int             # the row's text, for provenance
    row_end: int
    kind: str = "estimate"     # "change" in a Change column
    direction: str | None = None
    geography: str | None = None  # a row's country, in a table that compares countries


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    cells: list[tuple[int, int]]  # non-empty cell spans


_PART_OF_ABOVE = re.compile(r"^(?:of\s+which|of\s+whom|incl(?:uding|\.)?|among\s+them)[:,]?\s+|\s*\([^)]*\)$")


def label_meaning(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(flow, breakdown) named by a header cell."""
    label = _PART_OF_ABOVE.sub("", text[start:end].strip().lower())
    flow = _LABEL_WORDS.get(label)
    breakdown = _BREAKDOWN_WORDS.get(label)
    for cue in find_cues(text, start, end, families=("flow", "breakdown")):
        if cue.family == "flow" and flow is None:
            flow = cue.value
        elif cue.family == "breakdown" and breakdown is None:
            breakdown = cue.value
    return flow, breakdown


def _split(text: str, start: int, end: int, sep: str, loose: bool = False) -> list[tuple[int, int]]:
    """Cells of a row; a line with a single pipe and no edge pipes is a row only in a `loose` run."""
    cells, pos = [], start
    raw = text[start:end]
    if sep == "|" and not loose:
        raw_stripped = raw.strip()
        if not raw_stripped.startswith("|") and raw.count("|") < 2:
            return []
    for part in raw.split(sep):
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        cells.append((s, e))
    if sep == "|":  # a leading and trailing pipe leave empty edge cells
        if cells and cells[0][0] == cells[0][1]:
            cells = cells[1:]
        if cells and cells[-1][0] == cells[-1][1]:
            cells = cells[:-1]
    return cells


_FOOTNOTE_MARKS = re.compile(r"(?:\s*(?:\*+|†|‡|\[\w{1,3}\]|\((?:p|r|e|f|P|R|E|prov)\)))+$")


def _value_cell(text: str, s: int, e: int, scale: int = 1) -> NumberMention | None | bool:
    """The number filling a cell; None when the cell is a missing-value marker; False when not a value."""
    if MISSING.match(text[s:e].strip()):
        return None
    marker = _FOOTNOTE_MARKS.search(text, s, e)  # "581,000*", "183,000[1]", "520,000 (p)"
    if marker and marker.start() > s:
        e = marker.start()
    if s > 0 and text[s - 1] == ",":  # a comma-separated cell: read it on its own, then put it back in place
        numbers = [n._replace(start=n.start + s, end=n.end + s) for n in find_numbers(text[s:e], 0, e - s, scale)]
    else:
        numbers = find_numbers(text, s, e, scale)
    if len(numbers) == 1 and numbers[0].start - s <= 1 and numbers[0].end == e:
        return numbers[0]
    return False


def _grid_cells(text: str, rows: list[list[tuple[int, int]]], spans: list[tuple[int, int]],
                published: date | None, caption: tuple[int, int] | None = None,
                above: list[tuple[int, int]] | None = None) -> list[TableCell]:
    header, body = rows[0], rows[1:]
    out = []
    # "Table 1: ..., years ending June" above, or "Year ending June" in the corner: bare years end in June
    month = next((m for m in (year_end_month(text, s, e) for s, e in [header[0]] + (above or [])) if m != 12), 12)
    column_meaning = [label_meaning(text, s, e) for s, e in header]
    # The unit and the flow may be said once, in the caption line or the corner cell
    # ("Immigration by reason, thousands"): rows then name only the breakdown.
    context = [caption] if caption else []
    context.append(header[0])
    scale = 1000 if any(_THOUSANDS.search(text, s, e) for s, e in context + list(header)) else 1
    table_flow = next((flow for flow, _ in (label_meaning(text, s, e) for s, e in reversed(context)) if flow), None)
    # Periods down the first column, flows across the header...
    if any(flow or bd for flow, bd in column_meaning[1:]):
        # ("Country | Period | Immigration | ...": label columns before the values, a country's and a period's)
        labels = next((i for i, m in enumerate(column_meaning) if i and (m[0] or m[1])), 1)
        full = [row for row in body if len(row) == len(header)]
        period_col = next((i for i in range(labels) if full and all(
            parse_period_label(text[row[i][0]:row[i][1]], published, month) for row in full)), 0)
        places: dict[tuple[int, int], str | None] = {}  # each label cell read once

        def place(cell: tuple[int, int]) -> str | None:
            if cell not in places:
                places[cell] = _place(text, *cell)
            return places[cell]

        place_col = next((i for i in range(labels) if i != period_col and len(full) >= 2 and 2 * sum(
            place(row[i]) is not None for row in full) > len(full)), None)
        for row, (rs, re_) in zip(body, spans[1:]):
            if len(row) <= max(period_col, place_col or 0):
                continue
            period = parse_period_label(text[row[period_col][0]:row[period_col][1]], published, month)
            # (a row in a column of countries that names none we know is still somewhere else)
            row_place = (place(row[place_col]) or text[row[place_col][0]:row[place_col][1]].strip()) \
                if place_col is not None else None
            for (s, e), (flow, bd) in zip(row[labels:], column_meaning[labels:]):
                flow = flow or (table_flow if bd else None)
                cell = _value_cell(text, s, e, scale)
                if cell and flow:
                    out.append(TableCell(cell, flow, bd, period, rs, re_, geography=row_place))
        return out
    # ...or periods across the header and flows down the first column...
    periods = [parse_period_label(text[s:e], published, month) for s, e in header]
    if any(periods[1:]):
        # A "Change" column measures the movement to the latest period of the table
        changes = [bool(_CHANGE_LABEL.match(text[s:e].strip())) for s, e in header]
        latest = max(p for p in periods[1:] if p)
        total_flow = None  # "of which EU citizens" rows are parts of the flow above them
        for row, (rs, re_) in zip(body, spans[1:]):
            if not row:
                continue
            flow, bd = label_meaning(text, *row[0])
            if not flow and not bd and _TOTAL_LABEL.match(" ".join(text[row[0][0]:row[0][1]].lower().split())):
                flow = table_flow  # the "Total" row of a table of parts
            flow = flow or (table_flow or total_flow if bd else None)
            total_flow = flow if flow and not bd else total_flow
            row_scale = 1000 if scale == 1 and _THOUSANDS.search(text, *row[0]) else scale  # "Immigration (thousands)"
            for (s, e), period, change in zip(row[1:], periods[1:], changes[1:]):
                cell = _value_cell(text, s, e, row_scale)
                if cell and flow and change and cell.value is not None:
                    out.append(TableCell(cell._replace(value=abs(cell.value)), flow, bd, latest, rs, re_, "change",
                                         "down" if cell.value < 0 else "up"))
                elif cell and flow and period:
                    out.append(TableCell(cell, flow, bd, period, rs, re_))
        return out
    # ...or one figure per row, as data exports lay them out ("period | flow | estimate | ci95")...
    if body and len(header) >= 3:
        long = _long_format(text, header, body, spans[1:], published, month, scale)
        if long:
            return long
    # ...or the parts of one flow down the first column and their values beside them, the flow and
    # the period said once ("Main reason for migrating to the UK, 2015 | Number | Share of total").
    return _parts_column(text, body, spans[1:], table_flow, _stated_period(text, context, published), scale) \
        if table_flow else out


def _place(text: str, s: int, e: int) -> str | None:
    """The country a row label names ("United Kingdom", "Ireland"), if any."""
    geo = next((c.value for c in find_cues(text, s, e, families=("geography",))), None)
    return "UK" if geo == SOURCE_UK else geo


_VALUE_HEADER = re.compile(r"^(?:(?:central\s+|point\s+)?estimate|value|obs_value|number|count|figure|total|people|persons"
                           r"|thousands|n)\b", re.IGNORECASE)


def _long_format(text, header, body, spans, published, month, scale) -> list[TableCell]:
    """A table with one figure per row: a column of periods, a column naming the flow (and perhaps
    the group) and a column headed as the value; other columns (a margin, a source) are left alone."""
    value_col = next((i for i, (s, e) in enumerate(header) if _VALUE_HEADER.match(text[s:e].strip())), None)
    rows = [(row, sp) for row, sp in zip(body, spans) if len(row) == len(header)]
    if value_col is None or len(rows) < 2:
        return []
    others = [i for i in range(len(header)) if i != value_col]
    period_col = next((i for i in others if all(parse_period_label(text[row[i][0]:row[i][1]], published, month)
                                                 for row, _ in rows)), None)
    if period_col is None:
        return []
    named = {i: [label_meaning(text, *row[i]) for row, _ in rows] for i in others if i != period_col}
    flow_col = next((i for i, meanings in named.items() if all(flow for flow, _ in meanings)), None)
    if flow_col is None:
        return []
    group_col = next((i for i, meanings in named.items() if i != flow_col and any(bd for _, bd in meanings)), None)
    out = []
    for k, (row, (rs, re_)) in enumerate(rows):
        flow, bd = named[flow_col][k]
        bd = named[group_col][k][1] if group_col is not None else bd
        cell = _value_cell(text, *row[value_col], scale)
        if cell:
            out.append(TableCell(cell, flow, bd, parse_period_label(text[row[period_col][0]:row[period_col][1]],
                                                                     published, month), rs, re_))
    return out


_TOTAL_LABEL = re.compile(r"^(?:all(?:\s+[a-z]+)?|total)$")
_CHANGE_LABEL = re.compile(r"^(?:change|difference|diff\.?|net\s+change|\+/-)$", re.IGNORECASE)
_OTHER_LABEL = re.compile(r"^(?:other|others|other\s+reasons?|all\s+other)$")
_TRAILING_YEAR = re.compile(r"(?:^|[\s,(])((?:19|20)\d\d)\)?\s*$")


def _stated_period(text: str, context: list[tuple[int, int]], published: date | None) -> date | None:
    """The period a caption or corner cell gives the whole table: a period mention, or a year
    closing the title ("..., 2015")."""
    for s, e in context:
        # the cell alone: find_periods lowers the text it is given, and a title is short
        found = [p.period_end for p in find_periods(text[s:e], published) if p.kind == "absolute" and p.period_end]
        if found:
            return found[0]
        m = _TRAILING_YEAR.search(text, s, e)
        if m and (published is None or int(m.group(1)) < published.year):
            return date(int(m.group(1)), 12, 31)
    return None


def _parts_column(text, body, spans, table_flow, period, scale) -> list[TableCell]:
    labels = [label_meaning(text, *row[0]) if row else (None, None) for row in body]
    dims = {bd.partition(":")[0] for _, bd in labels if bd}
    if len(dims) != 1:
        return []  # not the parts of one breakdown
    dim = dims.pop()
    out = []
    for row, (flow, bd), (rs, re_) in zip(body, labels, spans):
        if not row or (flow and flow != table_flow):
            continue
        label = " ".join(text[row[0][0]:row[0][1]].lower().split())
        if bd is None and _OTHER_LABEL.match(label):
            bd = f"{dim}:other"
        elif bd is None and not _TOTAL_LABEL.match(label):
            continue
        values = [c for c in (_value_cell(text, s, e, scale) for s, e in row[1:]) if c is not False]
        if values and values[0]:
            out.append(TableCell(values[0], table_flow, bd, period, rs, re_))
    return out


def _separators(line: str) -> list[str]:
    """The column separators a line could be the first row of a table for (most lines: none)."""
    found = [sep for sep in ("|", "\t") if sep in line]
    if "," in line and ", " not in line:
        found.append(",")
    if "  " in line.strip():
        found.append("  ")
    return found


def find_tables(text: str, end: int, line_spans: list[tuple[int, int]],
                published: date | None) -> tuple[list[TableCell], set[int]]:
    """Cells of every table before `end`, and the indexes of the lines the tables occupy."""
    cells: list[TableCell] = []
    used: set[int] = set()
    n = len(line_spans)
    i = 0
    while i < n:
        s, e = line_spans[i]
        line = text[s:e]
        for sep in _separators(line):
            grid = _grid_run(text, line_spans, i, sep)
            if grid:
                last, rows, spans = grid
                found = _grid_cells(text, rows, spans, published, _caption(text, line_spans, i),
                                    _lines_above(text, line_spans, i))
                if not found and sep == ",":
                    continue  # "... was 109,000 in 2025." over "... in 2025: 96,870": prose with numbers, not a CSV
                cells += found
                used.update(range(i, last + 1))
                i = last + 1
                break
        else:
            block = _block_table(text, line_spans, i, published)
            if block:
                last, found = block
                cells += found
                used.update(range(i, last + 1))
                i = last + 1
            else:
                i += 1
    return cells, used


# "Immigration (thousands) | 625": rows of a label and a value with one pipe between them. Prose
# rarely holds a pipe, so three such short lines in a row make a table.
_LOOSE_ROWS, _LOOSE_WIDTH = 3, 120


def _grid_run(text, line_spans, i, sep):
    found = _grid_rows(text, line_spans, i, sep)
    if found is None and sep == "|":
        found = _grid_rows(text, line_spans, i, sep, loose=True)
        if found and len(found[1]) < _LOOSE_ROWS:
            return None
    return found


def _grid_rows(text, line_spans, i, sep, loose=False):
    rows, spans, j = [], [], i
    while j < len(line_spans):
        s, e = line_spans[j]
        if sep not in text[s:e] or loose and (text.count("|", s, e) != 1 or e - s > _LOOSE_WIDTH):
            break
        if _SEPARATOR_ROW.match(text[s:e]):
            j += 1
            continue
        if sep == ",":
            row = _csv_cells(text, s, e)
        elif sep == "  ":
            row = _aligned_cells(text, s, e)
        else:
            row = [c for c in _split(text, s, e, sep, loose)]
        if sep == "\t":
            row = [c for c in row if c[1] > c[0]] if sum(c[1] > c[0] for c in row) >= 2 else []
        if len(row) < 2:
            break
        rows.append(row)
        spans.append((s, e))
        j += 1
    if len(rows) < 2 or sep in (",", "  ") and not _numeric_body(text, rows):
        return None
    if sep != "," and len(rows[0]) == len(rows[1]) - 1:
        rows[0] = [(rows[0][0][0], rows[0][0][0])] + rows[0]  # an empty corner cell above the row labels
    return j - 1, rows, spans


# "March 2020,694000,401000": comma-separated values, which prose never writes without a space after
# the comma. "British      71,000      88,000": columns aligned with runs of spaces.
_CSV_CELL = re.compile(r"[^,]+")
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")


def _csv_cells(text, s, e):
    line = text[s:e]
    if "," not in line or ", " in line:
        return []
    return [(s + m.start(), s + m.end()) for m in _CSV_CELL.finditer(line)]


def _aligned_cells(text, s, e):
    if "  " not in text[s:e].strip():
        return []
    return [(s + m.start(), s + m.end()) for m in _ALIGNED_CELL.finditer(text[s:e])]


def _numeric_body(text, rows) -> bool:
    """Rows after the header hold values in every cell but the first, or in all but a last column or
    two of words ("Status", "Notes"): a table, not prose. (Read as if in thousands, so that "559"
    counts as a value.)"""
    def numeric_row(row) -> bool:
        values = [_value_cell(text, s, e, 1000) is not False for s, e in row[1:]]
        return bool(values) and values[0] and values == sorted(values, reverse=True) and values.count(False) <= 2
    body = rows[1:]
    return bool(body) and all(len(row) >= 2 and numeric_row(row) for row in body)


def _lines_above(text, line_spans, i, count: int = 5) -> list[tuple[int, int]]:
    """The short non-empty lines just above a table: its title, its unit, a note on its years."""
    out = []
    for j in range(i - 1, max(-1, i - count), -1):
        s, e = _single(text, line_spans[j])
        if s < e and e - s <= 160:
            out.append((s, e))
    return out


def _caption(text, line_spans, i) -> tuple[int, int] | None:
    """The line just above a table (blank lines skipped), when it is short enough to be its title."""
    for j in range(i - 1, max(-1, i - 3), -1):
        s, e = _single(text, line_spans[j])
        if s < e:
            return (s, e) if e - s <= 120 else None
    return None


def _single(text, span):
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _block_table(text, line_spans, i, published):
    """Header lines naming flows (at least two), then period labels each followed by value lines."""
    columns, j, scale = [], i, 1
    while j < len(line_spans):
        s, e = _single(text, line_spans[j])
        if s == e:
            j += 1
            continue
        if e - s > 60 or any(ch.isdigit() for ch in text[s:e]):
            break
        label = text[s:e].strip().lower()
        if label not in _LABEL_WORDS and not has_flow_cue(lowercase(label)):
            break  # most short lines are headings or captions: skip the full cue scan for them
        flow, bd = label_meaning(text, s, e)
        if not flow:
            break
        columns.append((flow, bd))
        scale = 1000 if _THOUSANDS.search(text, s, e) else scale
        j += 1
    if len(columns) < 2:
        return None
    cells, last, period, col, row_start = [], None, None, 0, None
    while j < len(line_spans):
        s, e = _single(text, line_spans[j])
        if s == e:
            j += 1
            continue
        label_period = parse_period_label(text[s:e], published) if e - s <= 60 else None
        if label_period:
            period, col, row_start = label_period, 0, s
            last = j
            j += 1
            continue
        value = _value_cell(text, s, e, scale) if period else False
        if value is False or col >= len(columns):
            break
        if value:
            flow, bd = columns[col]
            cells.append(TableCell(value, flow, bd, period, row_start, e))
        col += 1
        last = j
        j += 1
    if last is None:
        return None
    return last, cells
