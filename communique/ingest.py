"""Read, extract and store articles: the ingest loop the Python and HTTP APIs run.

New texts are parsed in batches and each batch is stored in one transaction; a text
already in the store (or earlier in the same run) is counted, not parsed again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from .model import Article, Reject
from .pipeline import process
from .read import read_paths
from .store import Store


@dataclass
class IngestSummary:
    """What one ingest did: texts read, newly stored, already there, rejected; events and quotes stored."""

    read: int = 0
    new: int = 0
    already: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    rejects: list[Reject] = field(default_factory=list)
    doc_hashes: list[str] = field(default_factory=list)  # every text read, in order

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "already_stored": self.already, "rejected": self.rejected,
                "events": self.events, "quotes": self.quotes, "rejects": [str(r) for r in self.rejects],
                "documents": self.doc_hashes}


def ingest_items(store: Store, items: Iterable[Article | Reject], batch_size: int = 32,
                 progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Store articles (rejects are only counted), ``batch_size`` per parse batch and transaction."""
    summary = IngestSummary()
    pending: list[Article] = []

    def flush() -> None:
        if pending:
            result = store.add_batch(process(pending, batch_size=batch_size))
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
