"""The pipeline in N local processes: input order kept, memory bounded, model loaded once per worker."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain

from ..model import Article, Records
from ..pipeline import batched, process, warm_up

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, few enough to bound memory


def process_parallel(articles: Iterable[Article], workers: int = 1, batch_size: int = 32) -> Iterator[Records]:
    """``pipeline.process`` spread over ``workers`` processes; yields records in input order.

    With one worker the pipeline runs in this process. Otherwise batches go to a pool
    of fresh (spawned) processes that load the model, knowledge base and lexicon once,
    and at most ``IN_FLIGHT_PER_WORKER * workers`` batches are read ahead.
    """
    if workers <= 1:
        yield from process(articles, batch_size)
        return
    batches = batched(articles, batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing to do: no processes to start
    # spawn, not fork: the caller may hold a DuckDB connection and its threads
    with multiprocessing.get_context("spawn").Pool(workers, initializer=warm_up) as pool:
        pending: deque = deque()
        for batch in chain([first], batches):
            pending.append(pool.apply_async(_process_batch, (batch, batch_size)))
            while len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _process_batch(articles: tuple[Article, ...], batch_size: int) -> list[Records]:
    return list(process(articles, batch_size))
