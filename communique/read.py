"""Corpus files -> Articles, or Rejects that say which file/line and why.

Formats: the seed corpus format (`` date YYYY-MM-DD `` then the text), JSON Lines and
CSV with ``id,date,text`` (optional ``title,url,source``). Folders are read
recursively in sorted order so every run sees the same sequence.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .model import Article, Reject

MAX_DOC_CHARS = 2_000_000
CORPUS_SUFFIXES = {".txt", ".jsonl", ".csv"}
DATE_LINE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\r?\n)?")

Item = Article | Reject


def read_paths(paths: Iterable[str | Path], default_date: date | None = None) -> Iterator[Item]:
    """Yield every article (or reject) found under the given files and folders."""
    for path in map(Path, paths):
        if path.is_dir():
            for sub in sorted(p for p in path.rglob("*") if p.is_file()):
                if sub.suffix.lower() in CORPUS_SUFFIXES and not sub.name.startswith("."):
                    yield from read_file(sub, default_date)
        elif path.exists():
            yield from read_file(path, default_date)
        else:
            yield Reject(str(path), None, "no such file or folder")


def read_file(path: Path, default_date: date | None = None) -> Iterator[Item]:
    """Read one file in the format its suffix names (``.jsonl``, ``.csv``, else corpus text)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Reject(str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield Reject(str(path), None, "empty file")
        return
    text = _decode(raw)
    if text is None:
        yield Reject(str(path), None, _why_undecodable(raw))
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text)
    elif suffix == ".csv":
        yield from _read_csv(path, text)
    else:
        yield parse_corpus_text(text, path.stem, str(path), default_date)


def parse_corpus_text(text: str, doc_id: str, origin: str, default_date: date | None = None) -> Item:
    """Parse the seed corpus format: `` date YYYY-MM-DD `` then the article text."""
    m = DATE_LINE.match(text)
    if m:
        published = _parse_date(m.group(1))
        if published is None:
            return Reject(origin, 1, f"invalid date {m.group(1)!r} in the date line")
        body = text[m.end():]
    elif default_date is not None:
        published, body = default_date, text
    else:
        return Reject(origin, 1, "missing date line (expected ' date YYYY-MM-DD ' first)")
    return _article(doc_id, published, body, origin)


def _article(doc_id, published, body, origin, title=None, url=None, source=None) -> Item:
    where, line = _split_origin(origin)
    if not body.strip():
        return Reject(where, line, "empty text")
    if len(body) > MAX_DOC_CHARS:
        return Reject(where, line, f"text of {len(body)} characters is over the {MAX_DOC_CHARS} limit")
    return Article(str(doc_id), published, body, title, url, source, origin)


def _split_origin(origin: str) -> tuple[str, int | None]:
    head, _, tail = origin.rpartition(":")
    return (head, int(tail)) if head and tail.isdigit() else (origin, None)


def _read_jsonl(path: Path, text: str) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(str(path), n, f"malformed JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield Reject(str(path), n, "a JSON object is expected on each line")
            continue
        yield _from_row(row, path, n)


def _read_csv(path: Path, text: str) -> Iterator[Item]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"id", "date", "text"} - set(reader.fieldnames or ())
    if missing:
        yield Reject(str(path), 1, f"CSV header lacks {', '.join(sorted(missing))}")
        return
    try:
        for row in reader:
            yield _from_row(row, path, reader.line_num)
    except csv.Error as exc:
        yield Reject(str(path), reader.line_num, f"malformed CSV: {exc}")


def _from_row(row: dict, path: Path, line: int) -> Item:
    missing = [k for k in ("id", "date", "text") if not isinstance(row.get(k), str) or not row[k]]
    if missing:
        return Reject(str(path), line, f"missing or non-text field(s): {', '.join(missing)}")
    published = _parse_date(row["date"][:10])
    if published is None:
        return Reject(str(path), line, f"invalid date {row['date']!r}")
    extra = {k: row[k] if isinstance(row.get(k), str) and row[k] else None for k in ("title", "url", "source")}
    return _article(row["id"], published, row["text"], f"{path}:{line}", **extra)


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _decode(raw: bytes) -> str | None:
    if b"\x00" in raw[:65536]:
        return None
    for encoding in ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _why_undecodable(raw: bytes) -> str:
    if b"\x00" in raw[:65536]:
        return "binary file (NUL bytes)"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte {exc.start})"
    return "cannot decode"
