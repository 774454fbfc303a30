"""Engines run the same pipeline over a stream of articles and hand each batch to the store.

* ``local``: this process (``workers=1``) or N worker processes on this machine;
* ``dask``: a Dask cluster (a local one, or ``scheduler=ADDR``) whose workers write
  Parquet parts that the store loads, in input order, exactly once. Parts go to
  ``$COMMUNIQUE_PARTS``, else a ``<store>.parts`` folder beside the store.

Both store records with ``bulk.load_batch`` (what ``Store.add_batch`` stores, in a few
statements per batch) in input order, so they give the same store.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import dyads
from ..bulk import load_batch
from ..model import Article
from ..pipeline import batched
from ..store import BatchResult, Store

ENGINES = ("local", "dask")
RECONNECT_EVERY = 5000  # documents stored between two reopenings of the store


def ingest(articles: Iterable[Article], store: Store, engine: str = "local", workers: int = 1,
           scheduler: str | None = None, batch_size: int = 32, parts: Path | None = None) -> Iterator[BatchResult]:
    """Process and store articles; yields the result of each stored batch (one transaction each).

    When anything new was stored, the dyad layout (``dyads.event_dyads``) is rebuilt at the end.
    """
    changed, skipped, since_reconnect = False, [0], 0
    fresh = _unstored(articles, store, batch_size, skipped)
    for result in _batches(fresh, store, engine, workers, scheduler, batch_size, parts):
        changed = changed or result.new > 0
        since_reconnect += result.new
        if since_reconnect >= RECONNECT_EVERY:
            store.reconnect()  # memory flat in corpus size: DuckDB keeps what it cached while connected
            since_reconnect = 0
        yield result
        if skipped[0]:
            yield BatchResult(already=skipped[0])
            skipped[0] = 0
    if skipped[0]:
        yield BatchResult(already=skipped[0])
    if changed or (store.count_documents() and not dyads.fresh(store.con)):  # new events, or a killed run's
        store.reconnect(dyads.LAYOUT_ROW_GROUP_ROWS)
        dyads.refresh(store.con)
        store.reconnect()  # let go of what the rebuild cached


def _unstored(articles: Iterable[Article], store: Store, size: int, skipped: list[int]) -> Iterator[Article]:
    """Articles whose text is not stored yet, looked up ``size`` at a time; counts the others in ``skipped``."""
    for chunk in batched(articles, size):
        hashes = list({a.doc_hash for a in chunk})
        stored = {h for (h,) in store.con.execute(
            "SELECT doc_hash FROM documents WHERE doc_hash IN (SELECT unnest(?))", [hashes]).fetchall()}
        for a in chunk:
            if a.doc_hash in stored:
                skipped[0] += 1
            else:
                yield a


def _batches(articles, store, engine, workers, scheduler, batch_size, parts) -> Iterator[BatchResult]:
    if engine == "dask":
        from .dask import ingest as dask_ingest

        parts = parts or Path(os.environ.get("COMMUNIQUE_PARTS") or store.path.with_name(store.path.name + ".parts"))
        yield from dask_ingest(articles, store, workers, scheduler, batch_size, parts)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    from .local import process_parallel

    for batch in batched(process_parallel(articles, workers, batch_size), batch_size):
        yield load_batch(store, batch)
