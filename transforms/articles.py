"""Reading what users drop in the articles folder: the manifest and the article bytes.

Pure functions on strings and bytes; the caller does the file I/O. Problems with one article are
returned as reasons so the run goes on with the others; only a manifest that cannot be read at all
raises, because then no article's identity or date can be trusted.
"""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath, PureWindowsPath

REQUIRED_COLUMNS = ("article_id", "file", "published")


class ManifestError(ValueError):
    """The manifest is not a CSV with the required columns; the message names file and line."""


@dataclass(frozen=True)
class ManifestRow:
    line: int
    article_id: str
    file: str
    published: date | None
    note: str | None
    problem: str | None   # a reason to record; the row may still be usable (e.g. a bad date)
    usable: bool


@dataclass(frozen=True)
class DecodedArticle:
    text: str
    encoding: str
    warning: str | None


class UnreadableArticle(ValueError):
    """Bytes that are not an article: empty, binary, or in no encoding we can read."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_inside_folder(relative: str) -> bool:
    """A manifest path must stay inside the articles folder: no absolute paths, no `..`."""
    for flavour in (PurePosixPath, PureWindowsPath):
        p = flavour(relative)
        if p.is_absolute() or p.drive or ".." in p.parts:
            return False
    return bool(relative.strip())


def parse_manifest(content: str, name: str = "manifest.csv") -> list[ManifestRow]:
    if "\x00" in content:
        raise ManifestError(f"{name} line 1: binary content, not a CSV manifest")
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise ManifestError(f"{name} line 1: empty manifest; expected columns {','.join(REQUIRED_COLUMNS)}")
        columns = [c.strip().lstrip("\ufeff").lower() for c in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise ManifestError(f"{name} line 1: not a manifest CSV: missing column(s) {', '.join(missing)} "
                                f"(found {header!r:.120})")
        rows, seen = [], set()
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(columns) + 1 or len(values) < len(REQUIRED_COLUMNS):
                raise ManifestError(f"{name} line {line}: expected {len(columns)} fields, found {len(values)}")
            record = dict(zip(columns, (v.strip() for v in values)))
            rows.append(_row(line, record, seen))
        return rows
    except csv.Error as exc:
        raise ManifestError(f"{name} line {reader.line_num}: {exc}") from exc


def _row(line: int, record: dict, seen: set) -> ManifestRow:
    article_id, file = record.get("article_id", ""), record.get("file", "")
    note = record.get("note") or None
    published, problem, usable = None, None, True
    if not article_id or not file:
        return ManifestRow(line, article_id, file, None, note, "manifest row without article_id or file", False)
    if not is_inside_folder(file):
        return ManifestRow(line, article_id, file, None, note,
                           f"path '{file}' leaves the articles folder: refused, not read", False)
    if article_id in seen:
        return ManifestRow(line, article_id, file, None, note, f"duplicate article_id '{article_id}'", False)
    seen.add(article_id)
    raw_date = record.get("published", "")
    if raw_date:
        try:
            published = date.fromisoformat(raw_date)
        except ValueError:
            problem = f"unparseable published date '{raw_date}': article ingested with an unknown date"
    return ManifestRow(line, article_id, file, published, note, problem, usable)


def decode_article(data: bytes) -> DecodedArticle:
    """UTF-8 text, or Windows-1252 with a warning; raise UnreadableArticle for anything else."""
    if not data.strip():
        raise UnreadableArticle("empty file")
    if b"\x00" in data:
        raise UnreadableArticle("binary content (NUL bytes), not text")
    try:
        text, encoding, warning = data.decode("utf-8-sig"), "utf-8", None
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UnreadableArticle(f"neither UTF-8 nor Windows-1252 text ({exc.reason})") from exc
        encoding, warning = "cp1252", "not UTF-8: read as Windows-1252"
    controls = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text[:100_000]) // 100):
        raise UnreadableArticle("binary content (control characters), not text")
    return DecodedArticle(text, encoding, warning)
