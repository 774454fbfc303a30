"""Corpus files -> Articles, or Rejects that say which file/line and why.

Formats: the seed corpus format (`` date YYYY-MM-DD `` then the text), JSON Lines and
CSV with ``id,date,text`` (optional ``title,url,source``). Folders are read
recursively in sorted order so every run sees the same sequence.

Whatever comes in, nothing raises: binary files, undecodable bytes, NUL bytes, HTML,
empty or oversized documents, malformed rows and missing fields become Rejects; a
text that is not UTF-8 is read in a declared (``encoding=``) or detected encoding and
a Note says which.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import Article, Reject

MAX_DOC_CHARS = 2_000_000
MAX_CSV_BYTES = 512 * 1024 * 1024  # a CSV file is decoded whole; JSON Lines are streamed line by line
CORPUS_SUFFIXES = {".txt", ".jsonl", ".csv"}
DATE_LINE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\r?\n)?")
DATE_LIKE = re.compile(r"\A[ \t\ufeff]*date[ \t]*[:=]?[ \t]*\d\S{0,30}", re.IGNORECASE)  # a date line, but wrong
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAGIC = ((b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x1f\x8b", "gzip"), (b"\x89PNG", "PNG"),
         (b"GIF8", "GIF"), (b"\xff\xd8\xff", "JPEG"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"),
         (b"7z\xbc\xaf", "7-Zip"), (b"\x7fELF", "executable"), (b"SQLite format 3", "SQLite"),
         (b"\xd0\xcf\x11\xe0", "MS Office"), (b"{\\rtf", "RTF"))
CONTROL_BYTES = [bytes([b]) for b in (0, 1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28,
                                      29, 30, 31, 127)]  # not in text: \a \b \t \n \v \f \r and ESC may be
JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # controls but \t \n \v \f \r; surrogates
HTML_START = re.compile(r"\A\s*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,500})?/?>")

Item = Article | Reject


@dataclass(frozen=True)
class Note:
    """Something worth telling about an input that was read all the same (e.g. its encoding)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class _Options:
    default_date: date | None = None
    encoding: str | None = None
    max_doc_chars: int = MAX_DOC_CHARS
    on_note: Callable[[Note], None] | None = None

    def note(self, path, line, message) -> None:
        if self.on_note is not None:
            self.on_note(Note(str(path), line, message))


def read_paths(paths: Iterable[str | Path], default_date: date | None = None, *, encoding: str | None = None,
               max_doc_chars: int = MAX_DOC_CHARS, on_note: Callable[[Note], None] | None = None) -> Iterator[Item]:
    """Yield every article (or reject) found under the given files and folders.

    ``default_date`` dates texts without a date line (and rows without a date);
    ``encoding`` is tried when a text is not UTF-8, before detection;
    ``on_note`` hears which encoding was used for texts that were not UTF-8.
    """
    opts = _Options(default_date, encoding, max_doc_chars, on_note)
    for path in map(Path, paths):
        if path.is_dir():
            for sub in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in sub.relative_to(path).parts):
                    continue  # .git, .DS_Store, editor backups
                if sub.suffix.lower() in CORPUS_SUFFIXES:
                    yield from _read_file(sub, opts)
                else:
                    yield Reject(str(sub), None, f"not a corpus file ({sub.suffix or 'no suffix'}; "
                                                 "expected .txt, .jsonl or .csv)")
        elif path.exists():
            yield from _read_file(path, opts)
        else:
            yield Reject(str(path), None, "no such file or folder")


def read_file(path: Path, default_date: date | None = None, **options) -> Iterator[Item]:
    """Read one file in the format its suffix names (``.jsonl``, ``.csv``, else corpus text)."""
    yield from _read_file(Path(path), _Options(default_date, **options))


def _read_file(path: Path, opts: _Options) -> Iterator[Item]:
    try:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _read_jsonl(path, opts)
            return
        limit = MAX_CSV_BYTES if suffix == ".csv" else 4 * opts.max_doc_chars + 4096  # UTF-8: <= 4 bytes a char
        size = path.stat().st_size
        if size > limit:
            yield Reject(str(path), None, f"file of {size} bytes is over the {limit} byte limit"
                                          + ("; split it or use JSON Lines" if suffix == ".csv" else
                                             f" (--max-doc-chars {opts.max_doc_chars})"))
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Reject(str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield Reject(str(path), None, "empty file")
        return
    text = _decode(raw, path, None, opts, allow_nul=suffix == ".csv")  # a CSV row with NUL is rejected alone
    if isinstance(text, Reject):
        yield text
    elif suffix == ".csv":
        yield from _read_csv(path, text, opts)
    else:
        yield _parse_corpus_text(text, path.stem, str(path), opts)


def parse_corpus_text(text: str, doc_id: str, origin: str, default_date: date | None = None,
                      max_doc_chars: int = MAX_DOC_CHARS) -> Item:
    """Parse the seed corpus format: `` date YYYY-MM-DD `` then the article text."""
    return _parse_corpus_text(text, doc_id, origin, _Options(default_date, max_doc_chars=max_doc_chars))


def _parse_corpus_text(text: str, doc_id: str, origin: str, opts: _Options) -> Item:
    m = DATE_LINE.match(text)
    if m:
        published = _parse_date(m.group(1))
        if published is None:
            return Reject(origin, 1, f"invalid date {m.group(1)!r} in the date line")
        body = text[m.end():]
    elif bad := DATE_LIKE.match(text):  # there but wrong is not "missing": a default date must not hide it
        return Reject(origin, 1, f"invalid date line {bad.group(0).strip()!r} (expected ' date YYYY-MM-DD ')")
    elif (why := _not_prose(text)) is not None:  # an HTML page has no date line either; that is not the news
        return Reject(origin, None, why)
    elif opts.default_date is not None:
        published, body = opts.default_date, text
    else:
        return Reject(origin, 1, "missing date line (expected ' date YYYY-MM-DD ' first, or give --default-date)")
    return _article(doc_id, published, body, origin, opts)


def _article(doc_id, published, body, origin, opts: _Options, title=None, url=None, source=None) -> Item:
    where, line = _split_origin(origin)
    if not body.strip():
        return Reject(where, line, "empty text")
    if len(body) > opts.max_doc_chars:
        return Reject(where, line, f"text of {len(body)} characters is over the {opts.max_doc_chars} limit "
                                   "(--max-doc-chars)")
    if (nul := body.find("\x00")) >= 0:
        return Reject(where, line, f"NUL character in the text (at character {nul})")
    if (why := _not_prose(body)) is not None:
        return Reject(where, line, why)
    return Article(str(doc_id), published, body, title, url, source, origin)


def _not_prose(text: str) -> str | None:
    """Why a decoded text is not article text (HTML, control characters), or None."""
    head = text[:100_000]
    tags = HTML_TAG.findall(head)
    if HTML_START.match(head) or (len(tags) >= 5 and sum(map(len, tags)) > 0.1 * len(head.strip())):
        return f"HTML markup, not article text ({len(tags)} tags in the first {len(head)} characters); " \
               "extract the text first"
    junk = len(JUNK.findall(head))
    if junk > max(2, 0.01 * len(head)):
        return f"binary or garbled text ({junk} control characters in {len(head)})"
    return None


def _split_origin(origin: str) -> tuple[str, int | None]:
    head, _, tail = origin.rpartition(":")
    return (head, int(tail)) if head and tail.isdigit() else (origin, None)


def _read_jsonl(path: Path, opts: _Options) -> Iterator[Item]:
    """JSON Lines, streamed: each line is decoded on its own, so one bad line costs only itself."""
    limit = 6 * opts.max_doc_chars + 65536  # JSON escapes (\\uXXXX) take up to 6 bytes a character
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # not line-splittable as bytes
            size = path.stat().st_size
            if size > limit * 4:
                yield Reject(str(path), None, f"UTF-16 file of {size} bytes is over the {limit * 4} byte limit")
                return
            text = _decode(f.read(), path, None, opts)
            lines = [text] if isinstance(text, Reject) else [ln.encode("utf-8") for ln in text.splitlines()]
        else:
            lines = _lines(f, limit)
        anything = False
        for n, raw in enumerate(lines, 1):
            if isinstance(raw, Reject):
                yield raw
                return
            if raw is None:
                yield Reject(str(path), n, f"line of more than {limit} bytes (--max-doc-chars {opts.max_doc_chars})")
                anything = True
                continue
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            if not raw.strip():
                continue
            anything = True
            line = _decode(raw, path, n, opts)
            if isinstance(line, Reject):
                yield line
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Reject(str(path), n, f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield Reject(str(path), n, "malformed JSON: nested too deeply")
                continue
            if not isinstance(row, dict):
                yield Reject(str(path), n, "a JSON object is expected on each line")
                continue
            yield _from_row(row, path, n, opts)
        if not anything:
            yield Reject(str(path), None, "empty file")


def _lines(f, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary file; None for a line longer than ``limit`` (skipped without holding it)."""
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _read_csv(path: Path, text: str, opts: _Options) -> Iterator[Item]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)  # strict: a truncated file is an error
    old_limit = csv.field_size_limit(opts.max_doc_chars + 1)  # over it is our "too long", not csv's 128 KB
    try:
        try:
            fields = reader.fieldnames
        except csv.Error as exc:
            yield Reject(str(path), 1, f"malformed CSV header: {exc}")
            return
        missing = {"id", "text"} - set(fields or ())
        if opts.default_date is None:
            missing |= {"date"} - set(fields or ())
        if missing:
            yield Reject(str(path), 1, f"CSV header lacks {', '.join(sorted(missing))}")
            return
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Reject(str(path), start, f"malformed CSV: {exc}")
                continue
            if None in row:
                yield Reject(str(path), start, f"malformed CSV: {len(fields) + len(row[None])} fields, "
                                               f"the header has {len(fields)}")
                continue
            yield _from_row(row, path, start, opts)
    finally:
        csv.field_size_limit(old_limit)


def _from_row(row: dict, path: Path, line: int, opts: _Options) -> Item:
    if isinstance(row.get("id"), int) and not isinstance(row["id"], bool):
        row = {**row, "id": str(row["id"])}
    required = ("id", "text") if opts.default_date is not None and not row.get("date") else ("id", "date", "text")
    missing = [k for k in required if not isinstance(row.get(k), str) or not row[k].strip()]
    if missing:
        return Reject(str(path), line, f"missing or non-text field(s): {', '.join(missing)}")
    if required == ("id", "text"):
        published = opts.default_date
    else:
        published = _parse_date(row["date"].strip()[:10])
        if published is None:
            return Reject(str(path), line, f"invalid date {row['date'][:40]!r}")
    extra = {k: row[k] if isinstance(row.get(k), str) and row[k] else None for k in ("title", "url", "source")}
    return _article(row["id"], published, row["text"], f"{path}:{line}", opts, **extra)


def _parse_date(value: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _decode(raw: bytes, path: Path, line: int | None, opts: _Options, allow_nul: bool = False) -> str | Reject:
    """Bytes -> text: a byte-order mark, else UTF-8, else the declared encoding, else a detected one."""
    where = str(path)
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                return Reject(where, line, f"not valid {encoding} after its byte-order mark (byte {exc.start})")
            if encoding != "utf-8-sig":
                opts.note(where, line, f"read as {encoding} (byte-order mark)")
            return text
    if line is None and (kind := next((k for magic, k in MAGIC if raw.startswith(magic)), None)):
        return Reject(where, line, f"binary file ({kind})")
    if opts.encoding is not None and b"\x00" in raw:  # UTF-16 without a mark is valid UTF-8 too: declared first
        try:
            text = raw.decode(opts.encoding)
            opts.note(where, line, f"read as {opts.encoding} (--encoding)")
            return text
        except (UnicodeDecodeError, LookupError):
            pass
    else:
        control = sum(raw.count(b) for b in CONTROL_BYTES)
        if control > len(raw) // 20:  # (sum of counts: fast in C even on a 50 MB dump)
            hint = "; a UTF-16 text without a byte-order mark needs --encoding utf-16-le or utf-16-be" \
                if raw.count(0) > len(raw) // 4 else ""
            return Reject(where, line, f"binary file ({control} control bytes in {len(raw)}{hint})")
        if b"\x00" in raw and not allow_nul:
            return Reject(where, line, f"{raw.count(0)} NUL byte(s) in the text (first at byte {raw.index(0)})")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    if opts.encoding is not None:
        try:
            text = raw.decode(opts.encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            return Reject(where, line, f"neither UTF-8 (byte {bad_at}) nor {opts.encoding}: {exc}")
        opts.note(where, line, f"not UTF-8 (byte {bad_at}); read as {opts.encoding} (--encoding)")
        return text
    loose = raw.decode("utf-8", errors="replace")
    broken, fine = loose.count("\ufffd"), sum(1 for ch in loose if ch > "\x7f") - loose.count("\ufffd")
    if fine and fine * 4 >= broken:  # real UTF-8 sequences as well as bad ones: damaged UTF-8, not a code page
        return Reject(where, line, f"damaged UTF-8: {broken} invalid byte sequence(s), the first at byte {bad_at}")
    encoding = _detect(raw)
    if encoding is None:
        return Reject(where, line, f"not valid UTF-8 (byte {bad_at}) and no other encoding fits; give --encoding")
    opts.note(where, line, f"not UTF-8 (byte {bad_at}); read as {encoding} (detected)")
    return raw.decode(encoding)


def _detect(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(raw[:1_000_000]) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:  # (UTF-16/32 guesses without NUL bytes are noise)
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == least]
    # short texts fit several code pages equally well; Western news is most often cp1252
    if any("cp1252" in m.could_be_from_charset for m in tied):
        return "cp1252"
    best = max(tied, key=lambda m: m.coherence).encoding
    try:
        raw.decode(best)
    except (UnicodeDecodeError, LookupError):
        return None
    return best
