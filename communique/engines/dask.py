"""The pipeline on a Dask cluster: workers write Parquet parts, the store loads each once, in input order.

Without ``scheduler`` a local cluster of ``workers`` processes is started on the
loopback interface (no network needed). With ``scheduler=ADDR`` the client joins a
running cluster; the parts folder must then be one that workers and this process
share (a network file system), since workers write there and this process reads.

Exactly once: a part is loaded in one store transaction and deleted after; documents
are keyed by the hash of their text, so a part loaded again after a crash adds nothing.
Parts left by an interrupted run are loaded first.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import chain
from pathlib import Path

from ..bulk import load_batch
from ..model import Article
from ..pipeline import batched, process, warm_up
from ..store import BatchResult, Store
from .parts import read_part, write_part

IN_FLIGHT_PER_WORKER = 2


def ingest(articles: Iterable[Article], store: Store, workers: int, scheduler: str | None, batch_size: int,
           parts: Path) -> Iterator[BatchResult]:
    """Process articles on the cluster and load the parts into ``store``; yields one result per part."""
    from distributed import Client, LocalCluster, as_completed

    parts.mkdir(parents=True, exist_ok=True)
    for left in sorted(parts.glob("part-*.parquet")):
        yield _load(store, left)
    batches = batched(articles, batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing to process: no cluster to start
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler))  # waits distributed.comm.timeouts.connect
            except OSError as exc:
                raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, worker_dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        client.run(warm_up)  # every worker loads the model once, in parallel, before the first part
        slots = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        run = uuid.uuid4().hex[:8]
        futures = as_completed()
        done: dict[int, Path] = {}
        next_part = 0
        for n, batch in enumerate(chain([first], batches)):
            target = str(parts / f"part-{run}-{n:07d}.parquet")
            futures.add(client.submit(process_part, batch, target, batch_size, key=f"part-{run}-{n}", pure=False))
            while futures.count() >= slots:
                _finish(next(futures), done)
                while next_part in done:  # load in input order: the local engine's order, the same store
                    yield _load(store, done.pop(next_part))
                    next_part += 1
        for future in futures:
            _finish(future, done)
            while next_part in done:
                yield _load(store, done.pop(next_part))
                next_part += 1


def process_part(articles: tuple[Article, ...], path: str, batch_size: int) -> str:
    """On a worker: run the pipeline over one batch and write its Parquet part."""
    return str(write_part(list(process(articles, batch_size)), path))


def _finish(future, done: dict[int, Path]) -> None:
    path = Path(future.result())  # a worker's exception is raised here
    done[int(path.stem.rsplit("-", 1)[1])] = path


def _load(store: Store, path: Path) -> BatchResult:
    if not path.exists():
        raise FileNotFoundError(f"{path}: part written by a worker is not visible here "
                                "(on a cluster, the parts folder must be shared)")
    result = load_batch(store, read_part(path))
    os.remove(path)
    return result
