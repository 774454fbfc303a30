"""Files in, store out: every good document stored exactly once, every bad one named.

The writer lock is held for the whole run, so a second ingest into the same store
stops at once with a clear message. The store file itself is opened only to look
up a batch and to write it, in one transaction; parsing happens with it closed, so
queries (CLI, HTTP) get their turn between batches. Batches are cut from the input
in reading order, stored documents included, so a run killed at any moment and run
again stores exactly what an uninterrupted run stores.
"""

from __future__ import annotations

import heapq
import os
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import dyads
from .lock import WriterLock
from .model import Article, Reject
from .read import MAX_DOC_CHARS, Note, read_paths
from .store import Store, db_path


@dataclass
class IngestSummary:
    """What one ingest did: texts read, newly stored, already there, rejected; events and quotes stored."""

    read: int = 0
    new: int = 0
    already: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    updated: int = 0  # stored texts whose metadata (id, title, url, source) changed
    stats: dict = field(default_factory=dict)  # the store's counts afterwards
    rejects: list[Reject] = field(default_factory=list)
    doc_hashes: list[str] = field(default_factory=list)  # every text read, in order

    def summary(self) -> str:
        return (f"read: {self.read}  new: {self.new}  already stored: {self.already}  rejected: {self.rejected}  "
                f"events: {self.events}  quotes: {self.quotes}  metadata updated: {self.updated}")

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "already_stored": self.already, "rejected": self.rejected,
                "events": self.events, "quotes": self.quotes, "rejects": [str(r) for r in self.rejects],
                "documents": self.doc_hashes}


def ingest(paths: Iterable[str | Path], db: str | os.PathLike | None = None, *, default_date: date | None = None,
           encoding: str | None = None, max_doc_chars: int = MAX_DOC_CHARS, batch_size: int = 32,
           on_reject: Callable[[Reject], None] | None = None, on_note: Callable[[Note], None] | None = None,
           on_batch: Callable[[int], None] | None = None) -> IngestSummary:
    """Read, extract and store; raises lock.StoreLocked if another ingest writes to ``db``."""
    path = db_path(db)
    counts = IngestSummary()
    note = on_note or (lambda n: None)
    with WriterLock(path):
        first_seen = SeenTexts()  # a text twice in one run: the first one counts
        chunk: list[Article] = []

        def flush() -> None:
            _store_chunk(path, chunk, first_seen, counts, batch_size, note)
            if on_batch is not None:
                on_batch(len(chunk))
            chunk.clear()

        for item in read_paths(paths, default_date, encoding=encoding, max_doc_chars=max_doc_chars,
                               on_note=on_note):
            if isinstance(item, Reject):
                counts.rejected += 1
                if on_reject is not None:
                    on_reject(item)
                continue
            counts.read += 1
            chunk.append(item)
            if len(chunk) >= batch_size:
                flush()
        flush()
        with Store(path, row_group_rows=dyads.LAYOUT_ROW_GROUP_ROWS) as store:  # an empty one if nothing was read
            if counts.new or (store.count_documents() and not dyads.fresh(store.con)):
                dyads.refresh(store.con)  # the layout follows new events (or a run killed before rebuilding it)
            counts.stats = store.stats()
    return counts


def _store_chunk(path: Path, chunk: list[Article], first_seen: SeenTexts, counts: IngestSummary, batch_size: int,
                 note: Callable[[Note], None]) -> None:
    if not chunk:
        return
    with Store(path) as store:
        stored = store.stored({a.doc_hash for a in chunk})
    new, updates = [], []
    for a in chunk:
        h = a.doc_hash
        if h in first_seen:
            counts.already += 1
            continue
        first_seen.add(h)
        if h not in stored:
            new.append(a)
            continue
        counts.already += 1
        meta = stored[h]
        if meta["published"] != a.published:
            note(Note(*_where(a), f"already stored with the date {meta['published']}, which is kept "
                                  "(its events are dated from it)"))
        if a.id != meta["doc_id"] or any(getattr(a, k) not in (None, meta[k]) for k in ("title", "url", "source")):
            updates.append(a)
    if not new and not updates:
        return
    from .bulk import load_batch
    from .pipeline import process  # here, not above: a refused or a no-op run never loads spaCy

    records = list(process(new, batch_size=batch_size)) if new else []  # the store is closed meanwhile
    with Store(path) as store:
        result = load_batch(store, records, updates)
    counts.new += result.new
    counts.already += result.already
    counts.updated += result.updated
    counts.events += result.events
    counts.quotes += result.quotes


class SeenTexts:
    """The hashes of the texts a run has read, 16 bytes each, in a sorted buffer.

    A set of the hash strings takes ~150 bytes per text (~15 MiB per 100,000 articles),
    which a long ingest would carry to its end; this takes ~16 (1.6 MiB).
    """

    SIZE = 16

    def __init__(self, merge_every: int = 4096):
        self._sorted = bytearray()  # digests in order, SIZE bytes each
        self._recent: set[bytes] = set()  # added since the last merge
        self._merge_every = merge_every

    def __len__(self) -> int:
        return len(self._sorted) // self.SIZE + len(self._recent)

    def __contains__(self, doc_hash: str) -> bool:
        d = bytes.fromhex(doc_hash)
        if d in self._recent:
            return True
        n, size = len(self._sorted) // self.SIZE, self.SIZE
        i = bisect_left(range(n), d, key=lambda k: self._sorted[k * size:(k + 1) * size])
        return i < n and self._sorted[i * size:(i + 1) * size] == d

    def add(self, doc_hash: str) -> None:
        if doc_hash in self:
            return
        self._recent.add(bytes.fromhex(doc_hash))
        if len(self._recent) >= self._merge_every:
            merged = bytearray()
            for d in heapq.merge(self._stored(), sorted(self._recent)):
                merged += d
            self._sorted, self._recent = merged, set()

    def _stored(self) -> Iterator[bytes]:
        for i in range(0, len(self._sorted), self.SIZE):
            yield bytes(self._sorted[i:i + self.SIZE])


def _where(a: Article) -> tuple[str, int | None]:
    head, _, tail = (a.origin or a.id).rpartition(":")
    return (head, int(tail)) if head and tail.isdigit() else (a.origin or a.id, None)


# -- in-process ingest into an open store (Python API, HTTP POST) -------------

def ingest_items(store: Store, items: Iterable[Article | Reject], batch_size: int = 32,
                 progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Store articles (rejects are only counted), ``batch_size`` per parse batch and transaction."""
    summary = IngestSummary()
    pending: list[Article] = []

    def flush() -> None:
        from .bulk import load_batch
        from .pipeline import process

        if pending:
            result = load_batch(store, process(pending, batch_size=batch_size))
            summary.new += result.new
            summary.already += result.already
            summary.events += result.events
            summary.quotes += result.quotes
            if progress:
                progress(len(pending))
            pending.clear()

    for item in items:
        if isinstance(item, Reject):
            summary.rejected += 1
            summary.rejects.append(item)
            continue
        summary.read += 1
        summary.doc_hashes.append(item.doc_hash)
        if store.has_document(item.doc_hash) or any(p.doc_hash == item.doc_hash for p in pending):
            summary.already += 1
            if progress:
                progress(1)
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    return summary


def ingest_paths(store: Store, paths: Iterable[str | os.PathLike], default_date: date | None = None,
                 batch_size: int = 32) -> IngestSummary:
    """Ingest files and folders (``.txt`` corpus format, ``.jsonl``, ``.csv``), as ``communique ingest`` does."""
    return ingest_items(store, read_paths(paths, default_date), batch_size)
